/**
 * The published files of an election and its count, built exactly as `npm run tally` reads them
 * (pure: no I/O). The count reads back the very text it publishes (ballots.blt, or matrix.json
 * when ballots are withheld) with the CLI's default seed, the SHA-256 of that file, so
 * `npm run tally -- ballots.blt --rules rules.json --json` (adding `--method stv` for STV) prints
 * `result.json` byte for byte.
 */
import { readBlt, readMatrixJson, writeMatrixJson } from "./ballot-formats/index.ts";
import {
  countPairwise,
  hashSha256,
  outcomeToJson,
  packBallots,
  tallyElection,
  validateRules,
  type Outcome,
  type Rules,
} from "./tally/index.ts";
import { REGIONS, type SeatRegion } from "../vocabulary/index.ts";

export interface CountCandidate {
  /** Nomination id (what ballots name). */
  id: string;
  /** The name in the published files (the GitHub login). */
  name: string;
  employer?: string | null;
  region?: string | null;
  /** Withdrew during voting: ballots may rank them, the count passes over them. */
  withdrawn?: boolean;
}

export interface CountInput {
  title: string;
  method: "schulze" | "stv";
  seats: number;
  candidates: readonly CountCandidate[];
  /** Sorted by receipt hash; rankings name nomination ids. */
  ballots: readonly { receiptHash: string; ranking: readonly (readonly string[])[] }[];
  /** Continuing sitting members of the role (their seats do not end this cycle). */
  sitting: readonly { employer?: string | null; region?: string | null }[];
  seatsByRegion: Partial<Record<SeatRegion, number>>;
  constraints: {
    maxPerEmployer?: number;
    maxPerRegion?: Record<string, number>;
    minPerRegion?: Record<string, number>;
  };
  publishBallots: boolean;
}

export interface ElectionFiles {
  outcome: Outcome;
  seed: string;
  seedSource: "ballots.blt" | "matrix.json";
  /** Candidate names in the files, in `candidates` order. */
  names: string[];
  files: { name: string; content: string; sha256: string }[];
}

/** BLT allows no quote or line break in a quoted string. */
const bltSafe = (s: string) => s.replace(/["\r\n]+/g, "'").trim();

/**
 * `rules.json` for the count. Seats this cycle by region become `minPerRegion[r] = maxPerRegion[r]`
 * = continuing sitting members of r + seats of r this cycle (sitting members count toward both,
 * as in the tally issue); with seats open to any region only the minimums hold. The officers'
 * own constraints fill in where the seats say nothing.
 */
export function buildRules(input: Pick<CountInput, "candidates" | "sitting" | "seatsByRegion" | "constraints">): Rules {
  const rules: Rules = {};
  const candidates: Record<string, { employer?: string; region?: string }> = {};
  for (const c of input.candidates) {
    candidates[c.name] = { ...(c.employer ? { employer: c.employer } : {}), ...(c.region ? { region: c.region } : {}) };
  }
  rules.candidates = candidates;
  if (input.sitting.length)
    rules.sitting = input.sitting.map((s) => ({
      ...(s.employer ? { employer: s.employer } : {}),
      ...(s.region ? { region: s.region } : {}),
    }));
  if (input.constraints.maxPerEmployer !== undefined) rules.maxPerEmployer = input.constraints.maxPerEmployer;
  const max: Record<string, number> = { ...(input.constraints.maxPerRegion ?? {}) };
  const min: Record<string, number> = { ...(input.constraints.minPerRegion ?? {}) };
  const regional = REGIONS.some((r) => (input.seatsByRegion[r] ?? 0) > 0);
  if (regional) {
    const anySeats = (input.seatsByRegion.any ?? 0) > 0;
    for (const r of REGIONS) {
      const continuing = input.sitting.filter((s) => s.region === r).length;
      const seats = input.seatsByRegion[r] ?? 0;
      if (seats > 0) min[r] = continuing + seats;
      if (!anySeats) max[r] = continuing + seats;
    }
  }
  if (Object.keys(max).length) rules.maxPerRegion = max;
  if (Object.keys(min).length) rules.minPerRegion = min;
  return rules;
}

function writeBallotsBlt(
  title: string,
  names: readonly string[],
  seats: number,
  rankings: readonly number[][][],
  withdrawn: readonly number[],
): string {
  const out = [`${names.length} ${seats}`];
  if (withdrawn.length) out.push(withdrawn.map((c) => `-${c + 1}`).join(" "));
  for (const r of rankings) out.push(["1", ...r.map((level) => level.map((c) => c + 1).join("=")), "0"].join(" "));
  out.push("0");
  for (const n of names) out.push(`"${bltSafe(n)}"`);
  out.push(`"${bltSafe(title)}"`);
  return `${out.join("\n")}\n`;
}

/** Unique names for the files (GitHub logins, made unique if two rows share one). */
export function fileNames(candidates: readonly CountCandidate[]): string[] {
  const seen = new Map<string, number>();
  return candidates.map((c) => {
    const base = bltSafe(c.name) || "candidate";
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base}-${k}`;
  });
}

/**
 * Builds every file and counts. Ballots must come sorted by receipt hash (ballots.json and
 * ballots.blt list them in that order); candidates in the order the files number them.
 */
export function countElection(input: CountInput): ElectionFiles {
  if (input.candidates.length === 0) throw new Error("an election without candidates cannot be counted");
  const names = fileNames(input.candidates);
  const cands = input.candidates.map((c, i) => ({ ...c, name: names[i]! }));
  const index = new Map(input.candidates.map((c, i) => [c.id, i]));
  const withdrawn = input.candidates.flatMap((c, i) => (c.withdrawn ? [i] : []));
  const rankings = input.ballots.map((b) =>
    b.ranking.map((level) =>
      level.map((id) => {
        const i = index.get(id);
        if (i === undefined) throw new Error("a ballot names someone who is not a candidate");
        return i;
      }),
    ),
  );
  for (let i = 1; i < input.ballots.length; i++) {
    if (!(input.ballots[i - 1]!.receiptHash < input.ballots[i]!.receiptHash))
      throw new Error("ballots must be sorted by receipt hash");
  }
  const title = bltSafe(input.title);
  const publish = input.publishBallots || input.method === "stv";
  const files: { name: string; content: string }[] = [];

  const packed = packBallots(rankings.map((ranking) => ({ weight: 1, ranking })));
  const matrix = writeMatrixJson({
    title,
    seats: input.seats,
    candidates: names,
    withdrawn,
    pairwise: countPairwise(packed, names.length),
  });
  files.push({ name: "matrix.json", content: matrix });

  const rules = buildRules({ ...input, candidates: cands });
  const rulesText = `${JSON.stringify(rules, null, 2)}\n`;
  files.push({ name: "rules.json", content: rulesText });

  let source: string;
  let file;
  if (publish) {
    const blt = writeBallotsBlt(title, names, input.seats, rankings, withdrawn);
    const json = input.ballots.map((b, i) => ({
      receiptHash: b.receiptHash,
      ranking: rankings[i]!.map((level) => level.map((c) => names[c]!)),
    }));
    files.push({ name: "ballots.json", content: `${JSON.stringify(json, null, 2)}\n` });
    files.push({ name: "ballots.blt", content: blt });
    source = blt;
    file = readBlt(blt);
  } else {
    source = matrix;
    file = readMatrixJson(matrix);
  }
  const seed = hashSha256(source);
  const seats = file.seats ?? input.seats;
  const checkedRules = validateRules(JSON.parse(rulesText), file.candidates);
  const outcome: Outcome = tallyElection(input.method, {
    candidates: file.candidates,
    seats,
    withdrawn: file.withdrawn,
    seed,
    rules: checkedRules,
    ...(file.ballots ? { ballots: file.ballots } : {}),
    ...(file.pairwise ? { pairwise: file.pairwise } : {}),
  });
  const result = `${JSON.stringify(outcomeToJson(outcome, { seed, ...(file.title ? { title: file.title } : {}) }))}\n`;
  files.push({ name: "result.json", content: result });
  return {
    outcome,
    seed,
    seedSource: publish ? "ballots.blt" : "matrix.json",
    names,
    files: files.map((f) => ({ ...f, sha256: hashSha256(f.content) })),
  };
}

/**
 * Runners-up in order, best first (neither winners nor those who withdrew): for Schulze the ranking (a tied group in the lot's order),
 * for STV those excluded last first, then by their votes at the last stage.
 */
export function runnersUpOf(outcome: Outcome, orderTies: (names: string[]) => string[]): string[] {
  // A candidate who withdrew during voting is nobody's runner-up.
  const winners = new Set([
    ...outcome.winners,
    ...outcome.excluded.filter((x) => x.reason === "withdrawn").map((x) => x.name),
  ]);
  if (outcome.method === "schulze")
    return outcome.ranking.flatMap((group) => orderTies(group.filter((n) => !winners.has(n))));
  const excludedAt = new Map<string, number>();
  outcome.stages.forEach((s, i) => s.excluded.forEach((n) => excludedAt.set(n, i)));
  const last = outcome.stages[outcome.stages.length - 1];
  const votes = (n: string) => last?.votes[outcome.candidates.indexOf(n)] ?? 0;
  return outcome.candidates
    .filter((n) => !winners.has(n))
    .sort((a, b) => (excludedAt.get(b) ?? Infinity) - (excludedAt.get(a) ?? Infinity) || votes(b) - votes(a));
}
