/**
 * `npm run check:shared -- [../shared/data]`: checks the tally against real, published elections
 * kept outside the repository (see ../shared/data/README.md; never copied in). Prints one line per
 * file and `N passed, N failed`; exits 1 on a mismatch, 0 with "skipped" when the folder is absent.
 * Not part of `npm test`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readElektoArchive, readElektoPath, writeElektoZip } from "../lib/elections/elekto-archive.ts";
import { formatElektoDate, parseElektoFolder } from "../lib/elections/elekto.ts";
import { formatEntryError, parseClomonitor } from "../lib/projects/parse-clomonitor.ts";
import { exportStateFromFile, exportTagsYaml } from "../lib/tags-yaml/export.ts";
import { formatNote, parseTagsYaml } from "../lib/tags-yaml/parse.ts";
import {
  hashSha256,
  packBallots,
  tallyElection,
  type Outcome,
  type Rules,
  type TallyMethod,
  type TieBreak,
} from "../lib/elections/tally/index.ts";

export interface CheckResult {
  file: string;
  ok: boolean;
  detail: string;
}

interface SharedElection {
  source?: string;
  method: string;
  seats: number;
  candidates: string[];
  ballots: { count: number; ranking: string[][] }[];
  expected: {
    winners: string[];
    ranking?: string[][];
    tie?: string[];
    winners_ordered?: boolean;
    notes?: string;
    excluded_by_constraint?: string[];
    exclusion_order?: string[];
    alternative_if_tie_order_reversed?: string[];
    candidate_employers?: Record<string, string>;
    sitting_members_employers?: Record<string, string>;
    max_per_employer?: number;
  };
}

/** Which count checks which file, as the data's README says. */
const METHODS: Record<string, TallyMethod> = {
  schulze: "schulze",
  "condorcet-irv-civs": "schulze",
  "ranked-pairs": "schulze",
  "stv-droop": "stv",
  "stv-scottish": "stv",
  "stv-meek": "meek",
};

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]): boolean => sameList([...a].sort(), [...b].sort());
const show = (names: readonly string[]): string => names.join(", ");

function rulesFor(election: SharedElection): Rules | undefined {
  const e = election.expected;
  if (e.max_per_employer === undefined) return undefined;
  return {
    maxPerEmployer: e.max_per_employer,
    candidates: Object.fromEntries(
      Object.entries(e.candidate_employers ?? {}).map(([name, employer]) => [name, { employer }]),
    ),
    sitting: Object.values(e.sitting_members_employers ?? {}).map((employer) => ({ employer })),
  };
}

/**
 * How the source settled its ties. Results taken from droop's reference reports (the Meek and
 * Scottish test sets) settle them by the ballot file's candidate order, droop's default tie order,
 * and are re-counted the same way (`npm run tally -- --tiebreak input-order`, decision 005); the
 * rest are counted as the portal counts, by the lot.
 */
const tieBreakOf = (election: SharedElection): TieBreak =>
  election.source?.startsWith("jklundell/droop@") ? "input-order" : "lot";

/** Seeds tried, for the report only, when the file's own lot settles a tie differently from the source. */
const OTHER_SEEDS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function compareWinners(election: SharedElection, outcome: Outcome): boolean {
  const e = election.expected;
  // STV seat order is the order of election, which sources list differently (often candidate order).
  const ordered = outcome.method === "schulze" && e.winners_ordered !== false;
  return ordered ? sameList(outcome.winners, e.winners) : sameSet(outcome.winners, e.winners);
}

function compareOutcome(
  election: SharedElection,
  outcome: Outcome,
  recount: (seed: string) => Outcome,
): { ok: boolean; detail: string } {
  const e = election.expected;
  const problems: string[] = [];
  const notes: string[] = [];
  const ordered = outcome.method === "schulze" && e.winners_ordered !== false;
  if (e.winners.length === 0 && e.tie) {
    const lot = outcome.ties.find((t) => sameSet(t.names, e.tie ?? []));
    if (!lot)
      problems.push(
        `expected a lot among ${show(e.tie)}, drew ${outcome.ties.length === 0 ? "none" : show(outcome.ties.map((t) => `[${show(t.names)}]`))}`,
      );
    else notes.push(`the source's tie ${show(e.tie)} settled by lot -> ${show(outcome.winners)}`);
  } else if (compareWinners(election, outcome)) {
    const byOrder = outcome.ties.length > 0 && tieBreakOf(election) === "input-order";
    notes.push(
      `winners ${show(outcome.winners)}${ordered ? "" : " (as a set)"}${byOrder ? `, ${outcome.ties.length} tie(s) settled by input order as the source does` : ""}`,
    );
  } else if (outcome.ties.length > 0 && tieBreakOf(election) === "input-order") {
    const ties = outcome.ties.map((t) => `[${show(t.names)}] -> ${show(t.order)}`).join("; ");
    problems.push(`ties by input order (${ties}) elect ${show(outcome.winners)}, expected ${show(e.winners)}`);
  } else if (outcome.ties.length > 0) {
    // The file's own lot decides; another seed that happens to give the source's winners is a
    // hint for whoever investigates, never a reproduction.
    const seed = OTHER_SEEDS.find((s) => compareWinners(election, recount(s)));
    const lots = outcome.ties.map((t) => `[${show(t.names)}] -> ${show(t.order)}`).join("; ");
    problems.push(
      `not reproduced: this file's lot (${lots}) elects ${show(outcome.winners)}, expected ${show(e.winners)}${
        seed === undefined ? " and no lot gives them" : ` (another seed, ${seed}, would give them; that does not count)`
      }`,
    );
  } else {
    problems.push(`winners ${show(outcome.winners)}, expected ${show(e.winners)}${ordered ? " (in order)" : ""}`);
  }
  if (e.ranking && outcome.method === "schulze") {
    const expected = e.ranking;
    const same =
      outcome.ranking.length === expected.length && outcome.ranking.every((g, i) => sameSet(g, expected[i] ?? []));
    if (same) notes.push("ranking matches");
    else problems.push(`ranking ${outcome.ranking.map((g) => `[${show(g)}]`).join(" ")}`);
  }
  if (e.excluded_by_constraint) {
    const excluded = outcome.excluded.map((x) => x.name);
    if (sameList(excluded, e.excluded_by_constraint)) notes.push(`excluded by the employer cap: ${show(excluded)}`);
    else problems.push(`excluded ${show(excluded)}, expected ${show(e.excluded_by_constraint)}`);
  }
  if (e.exclusion_order && outcome.method !== "schulze") {
    const order = outcome.stages.flatMap((s) => s.excluded);
    if (sameList(order, e.exclusion_order)) notes.push(`exclusion order ${show(order)}`);
    else problems.push(`exclusion order ${show(order)}, expected ${show(e.exclusion_order)}`);
  }
  return { ok: problems.length === 0, detail: (problems.length > 0 ? problems : notes).join("; ") };
}

/** Tallies every file in `<dir>/elections/` by the README's method and compares with `expected`. */
export function checkElections(dir: string): CheckResult[] {
  const folder = join(dir, "elections");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => {
      try {
        const bytes = readFileSync(join(folder, file));
        const election = JSON.parse(bytes.toString("utf8")) as SharedElection;
        const method = METHODS[election.method];
        if (!method) return { file, ok: false, detail: `unknown method ${election.method}` };
        const index = new Map(election.candidates.map((name, i) => [name, i]));
        const ballots = packBallots(
          election.ballots.map((b) => ({
            weight: b.count,
            ranking: b.ranking.map((level) =>
              level.map((name) => {
                const i = index.get(name);
                if (i === undefined) throw new Error(`ballot names unknown candidate ${name}`);
                return i;
              }),
            ),
          })),
        );
        const rules = rulesFor(election);
        const count = (seed: string): Outcome =>
          tallyElection(method, {
            candidates: election.candidates,
            seats: election.seats,
            ballots,
            seed,
            tiebreak: tieBreakOf(election),
            ...(rules ? { rules } : {}),
          });
        // Seeded like the CLI: the SHA-256 of the file's bytes.
        const { ok, detail } = compareOutcome(election, count(hashSha256(bytes)), count);
        return { file: `elections/${file}`, ok, detail: `${method}: ${detail}` };
      } catch (error) {
        return { file: `elections/${file}`, ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    });
}

/**
 * Reads `elekto/k8s-steering-2024/` through the importer the officers' upload page and the CLI use
 * (`readElektoPath`, zipped and read back as an upload -> `parseElektoFolder`: every file, the description, eligibility and
 * exception_due), re-counts the ballots it read by Schulze and compares with `results.md`.
 */
export async function checkElekto(dir: string): Promise<CheckResult[]> {
  const folder = join(dir, "elekto", "k8s-steering-2024");
  const file = "elekto/k8s-steering-2024";
  if (!existsSync(folder)) return [];
  try {
    const read = await readElektoPath(folder);
    // As an officer would upload it: zipped, then read back by the upload's archive reader.
    const uploaded = await readElektoArchive(writeElektoZip("k8s-steering-2024", read.files));
    if (JSON.stringify(uploaded.files) !== JSON.stringify(read.files))
      return [{ file, ok: false, detail: "the folder zipped and read back differs from the folder" }];
    const parsed = parseElektoFolder(uploaded.files);
    if (!parsed.ok) return [{ file, ok: false, detail: `the importer refuses it: ${parsed.errors.join("; ")}` }];
    const { election, ballots, candidates, voters, description } = parsed.folder;
    const kept = [
      description ? null : "election_desc.md",
      election.eligibility ? null : "eligibility",
      election.exceptionDue ? null : "exception_due",
      ballots?.ballots ? null : "ballots.csv",
    ].filter(Boolean);
    if (kept.length > 0) return [{ file, ok: false, detail: `the importer lost ${kept.join(", ")}` }];
    // results.md lists places as "N. [Name](https://github.com/<id>)": winners first, then the rest.
    const places = [
      ...readFileSync(join(folder, "results.md"), "utf8").matchAll(/^\d+\.\s.*\(https:\/\/github\.com\/([^)/\s]+)\)/gm),
    ].map((m) => m[1] ?? "");
    const outcome = tallyElection("schulze", {
      candidates: ballots!.candidates,
      seats: election.seats,
      ballots: ballots!.ballots!,
      seed: hashSha256(readFileSync(join(folder, "ballots.csv"))),
    });
    if (outcome.method !== "schulze") throw new Error("unreachable");
    const winnersOk = sameList(outcome.winners, places.slice(0, election.seats));
    const rankingOk = sameList(outcome.ranking.flat(), places) && outcome.ranking.every((g) => g.length === 1);
    const ok = winnersOk && rankingOk;
    const through = `the importer read ${candidates.length} candidates, ${voters.length} voters, ${ballots!.ballots!.count} ballots, exception_due ${formatElektoDate(election.exceptionDue!)}`;
    return [
      {
        file,
        ok,
        detail: ok
          ? `${through}; schulze: winners ${show(outcome.winners)}; all ${places.length} places match results.md`
          : `${through}; schulze: got ${outcome.ranking.map((g) => `[${show(g)}]`).join(" ")}, results.md places ${show(places)}`,
      },
    ];
  } catch (error) {
    return [{ file, ok: false, detail: error instanceof Error ? error.message : String(error) }];
  }
}

/** Reads `cncf-projects.yaml` (CLOMonitor's data/cncf.yaml) through the importer's parser: every entry must parse. */
export function checkProjects(dir: string): CheckResult[] {
  const file = "cncf-projects.yaml";
  if (!existsSync(join(dir, file))) return [];
  const { projects, errors } = parseClomonitor(readFileSync(join(dir, file), "utf8"));
  const noMaturity = projects.filter((p) => p.maturity === null).length;
  const detail = `projects: ${projects.length} parsed, ${errors.length} errors`;
  if (errors.length > 0)
    return [{ file, ok: false, detail: `${detail}; ${errors.slice(0, 5).map(formatEntryError).join("; ")}` }];
  return [
    { file, ok: projects.length > 0, detail: `${detail} (${noMaturity} without a maturity, which the import skips)` },
  ];
}

/**
 * Reads `cncf-toc-tags.yaml` (cncf/toc's tags.yaml) through the tags.yaml importer's parser, then
 * checks the round trip without a database: exporting the state the import would make gives the
 * same bytes back, and a simulated portal change (a term end, a new chair) is a small diff.
 */
export function checkTagsYaml(dir: string): CheckResult[] {
  const file = "cncf-toc-tags.yaml";
  if (!existsSync(join(dir, file))) return [];
  const text = readFileSync(join(dir, file), "utf8");
  const parsed = parseTagsYaml(text);
  if (!parsed.ok)
    return [
      {
        file,
        ok: false,
        detail: `${parsed.errors.length} errors; ${parsed.errors.slice(0, 5).map(formatNote).join("; ")}`,
      },
    ];
  const { tags, tocSubprojects } = parsed.file;
  const seats = tags.reduce(
    (n, t) => n + t.chairs.length + t.techLeads.length + t.subprojects.reduce((m, s) => m + s.leads.length, 0),
    0,
  );
  const read = `${tags.length} TAGs, ${tags.reduce((n, t) => n + t.subprojects.length, 0)} subprojects, ${seats} seats, ${tocSubprojects.length} TOC subprojects`;
  const state = exportStateFromFile(parsed.file);
  if (exportTagsYaml(text, state) !== text)
    return [{ file, ok: false, detail: `${read}; export without changes differs from the file` }];
  const first = state.tags[0];
  const lead = first?.techLeads.current[0] ?? first?.chairs.current[0];
  if (!first || !lead) return [{ file, ok: false, detail: `${read}; no TAG with a leader to change` }];
  lead.end = "2099-12-31";
  first.chairs.current.push({
    login: "fictional-new-chair",
    name: "Fictional New Chair",
    company: null,
    start: "2099-01-01",
    end: "2100-12-31",
  });
  const before = text.split("\n");
  const after = exportTagsYaml(text, state).split("\n");
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const changed = { removed: before.length - head - tail, added: after.length - head - tail };
  // One term end rewritten plus one appended 8-line chair entry, with unchanged lines between them.
  const small = after.length - before.length === 8 && changed.removed <= 60;
  return [
    {
      file,
      ok: small,
      detail: `${read}; export without changes is byte-identical; a term change and a new chair: +${after.length - before.length} lines (${changed.removed} lines between the first and last change)`,
    },
  ];
}

async function main(): Promise<number> {
  const dir = process.argv[2] ?? "../shared/data";
  if (!existsSync(dir)) {
    console.log(`check:shared: ${dir} not found; skipped`);
    return 0;
  }
  const results = [...checkElections(dir), ...(await checkElekto(dir)), ...checkProjects(dir), ...checkTagsYaml(dir)];
  for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.file}: ${r.detail}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
