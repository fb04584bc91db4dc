/**
 * Elekto compatibility (elekto-io/elekto, the Kubernetes community's election app): an Elekto
 * election folder (`election.yaml`, `voters.yaml`, `candidate-<id>.md` with its YAML header,
 * `election_desc.md`) becomes a draft election here, and an election goes back out to that
 * layout with Elekto's `ballots.csv`. Logins are resolved to GitHub ids (docs/architecture.md, "People and identity": identity is
 * the id); unresolved logins are reported, never guessed.
 *
 * Takes its PrismaClient, like the tags.yaml round trip, so that the CLI (`npm run elekto:import`
 * / `elekto:export`, plain tsx) and the integration tests share it; no `server-only` imports.
 */
import { randomUUID } from "node:crypto";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { readElektoCsv, writeElektoCsv } from "./ballot-formats/elekto-csv.ts";
import type { ElectionFile } from "./ballot-formats/types.ts";
import { packBallots } from "./tally/ballots.ts";
import type { LoginResolver } from "../auth/github-logins.ts";
import { DAY, type Region } from "../vocabulary/index.ts";
import type { Tx } from "../db.ts";
import { recordAudit } from "../audit/record.ts";
import { leadSeatWhere } from "../auth/lead-seats.ts";

/** What `election.yaml` says (the fields Elekto reads; others are kept out). */
export interface ElektoElection {
  name: string;
  organization: string | null;
  startAt: Date;
  endAt: Date;
  seats: number;
  allowNoOpinion: boolean;
  officers: string[];
  eligibility: string;
  exceptionDescription: string;
  exceptionDue: Date | null;
  showCandidateFields: string[];
}

export interface ElektoCandidate {
  /** The GitHub login (`ID:` in the header; `candidate-<id>.md`). */
  id: string;
  name: string;
  /** `info:` entries in file order, e.g. employer, slack. */
  info: [string, string][];
  /** The markdown after the header. */
  statement: string;
}

export interface ElektoFolder {
  election: ElektoElection;
  description: string;
  voters: string[];
  candidates: ElektoCandidate[];
  /** `ballots.csv` of a past count, when the folder has one (its columns are candidate ids). */
  ballots: ElectionFile | null;
}

export type ElektoParseResult = { ok: true; folder: ElektoFolder } | { ok: false; errors: string[] };

const DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const HEADER_RULE = /^-{3,}\s*$/;
const RULE = "-".repeat(61);

/** Elekto's datetimes are `YYYY-MM-DD HH:MM:SS` in UTC. */
function parseElektoDate(value: unknown): Date | null {
  const text = value instanceof Date ? value.toISOString().replace("T", " ").slice(0, 19) : String(value ?? "").trim();
  const m = DATETIME.exec(text);
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatElektoDate(d: Date): string {
  return d.toISOString().replace("T", " ").slice(0, 19);
}

const asText = (v: unknown) => (typeof v === "string" ? v.trim() : v === null || v === undefined ? "" : String(v));

function parseElection(text: string, errors: string[]): ElektoElection | null {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    errors.push(`election.yaml: not YAML (${(e as Error).message.split("\n")[0]})`);
    return null;
  }
  if (!doc || typeof doc !== "object") {
    errors.push("election.yaml: expected a mapping of settings");
    return null;
  }
  const y = doc as Record<string, unknown>;
  const name = asText(y.name);
  if (!name) errors.push("election.yaml: `name` is missing");
  const startAt = parseElektoDate(y.start_datetime);
  const endAt = parseElektoDate(y.end_datetime);
  if (!startAt) errors.push("election.yaml: `start_datetime` must be written YYYY-MM-DD HH:MM:SS (UTC)");
  if (!endAt) errors.push("election.yaml: `end_datetime` must be written YYYY-MM-DD HH:MM:SS (UTC)");
  if (startAt && endAt && endAt <= startAt) errors.push("election.yaml: `end_datetime` is not after `start_datetime`");
  const seats = Number(y.no_winners);
  if (!Number.isInteger(seats) || seats < 1 || seats > 100)
    errors.push("election.yaml: `no_winners` must be a whole number of seats (1 to 100)");
  const officers = Array.isArray(y.election_officers) ? y.election_officers.map(asText).filter(Boolean) : [];
  for (const o of officers)
    if (!LOGIN.test(o)) errors.push(`election.yaml: election officer "${o}" is not a GitHub login`);
  const exceptionDue =
    y.exception_due === undefined || y.exception_due === null ? null : parseElektoDate(y.exception_due);
  if (y.exception_due && !exceptionDue)
    errors.push("election.yaml: `exception_due` must be written YYYY-MM-DD HH:MM:SS (UTC)");
  if (errors.length > 0 || !startAt || !endAt) return null;
  return {
    name,
    organization: asText(y.organization) || null,
    startAt,
    endAt,
    seats,
    allowNoOpinion: y.allow_no_opinion === true || /^true$/i.test(asText(y.allow_no_opinion)),
    officers,
    eligibility: asText(y.eligibility),
    exceptionDescription: asText(y.exception_description),
    exceptionDue,
    showCandidateFields: Array.isArray(y.show_candidate_fields)
      ? y.show_candidate_fields.map(asText).filter(Boolean)
      : [],
  };
}

function parseVoters(text: string, errors: string[]): string[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    errors.push(`voters.yaml: not YAML (${(e as Error).message.split("\n")[0]})`);
    return [];
  }
  const list = doc && typeof doc === "object" ? (doc as Record<string, unknown>).eligible_voters : undefined;
  if (!Array.isArray(list)) {
    errors.push("voters.yaml: expected a list `eligible_voters`");
    return [];
  }
  const out: string[] = [];
  const seen = new Set<string>();
  list.forEach((v, i) => {
    const login = asText(v);
    if (!LOGIN.test(login)) errors.push(`voters.yaml: eligible_voters[${i}] "${login}" is not a GitHub login`);
    else if (!seen.has(login.toLowerCase())) {
      seen.add(login.toLowerCase());
      out.push(login);
    }
  });
  return out;
}

/** `candidate-<id>.md`: a YAML header between two rules of dashes, then the statement. */
export function parseElektoCandidate(fileName: string, text: string, errors: string[]): ElektoCandidate | null {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  const close =
    first >= 0 && HEADER_RULE.test(lines[first]!) ? lines.findIndex((l, i) => i > first && HEADER_RULE.test(l)) : -1;
  if (close < 0) {
    errors.push(`${fileName}: expected a header between two lines of dashes`);
    return null;
  }
  let header: unknown;
  try {
    header = parseYaml(lines.slice(first + 1, close).join("\n"));
  } catch (e) {
    errors.push(`${fileName}: the header is not YAML (${(e as Error).message.split("\n")[0]})`);
    return null;
  }
  const h = (header && typeof header === "object" ? header : {}) as Record<string, unknown>;
  const id = asText(h.ID ?? h.id);
  const expected = /^candidate-(.+)\.md$/.exec(fileName)?.[1];
  if (!LOGIN.test(id)) {
    errors.push(`${fileName}: \`ID\` "${id}" is not a GitHub login`);
    return null;
  }
  if (expected && expected.toLowerCase() !== id.toLowerCase())
    errors.push(`${fileName}: \`ID\` is "${id}" but the file name says "${expected}"`);
  const info: [string, string][] = [];
  if (Array.isArray(h.info)) {
    for (const entry of h.info) {
      if (entry && typeof entry === "object") for (const [k, v] of Object.entries(entry)) info.push([k, asText(v)]);
    }
  }
  return {
    id,
    name: asText(h.name) || id,
    info,
    statement: lines
      .slice(close + 1)
      .join("\n")
      .trim(),
  };
}

/**
 * Reads an Elekto election folder given as file name -> text. Every problem is reported (with
 * the file it is in) and nothing is returned unless all files are sound.
 */
export function parseElektoFolder(files: Record<string, string>): ElektoParseResult {
  const errors: string[] = [];
  const electionText = files["election.yaml"];
  const votersText = files["voters.yaml"];
  if (electionText === undefined) errors.push("election.yaml is missing");
  if (votersText === undefined) errors.push("voters.yaml is missing");
  const election = electionText === undefined ? null : parseElection(electionText, errors);
  const voters = votersText === undefined ? [] : parseVoters(votersText, errors);
  const candidates: ElektoCandidate[] = [];
  for (const name of Object.keys(files)
    .filter((f) => /^candidate-.+\.md$/.test(f))
    .sort()) {
    const c = parseElektoCandidate(name, files[name]!, errors);
    if (c) candidates.push(c);
  }
  let ballots: ElectionFile | null = null;
  if (files["ballots.csv"] !== undefined) {
    try {
      ballots = readElektoCsv(files["ballots.csv"]);
      const ids = new Set(Object.keys(files).flatMap((f) => /^candidate-(.+)\.md$/.exec(f)?.[1]?.toLowerCase() ?? []));
      for (const id of ballots.candidates)
        if (!ids.has(id.toLowerCase())) errors.push(`ballots.csv: the column "${id}" has no candidate-${id}.md`);
    } catch (e) {
      errors.push(`ballots.csv: ${(e as Error).message}`);
    }
  }
  if (errors.length > 0 || !election) return { ok: false, errors };
  return {
    ok: true,
    folder: { election, description: (files["election_desc.md"] ?? "").trim(), voters, candidates, ballots },
  };
}

/** Writes the folder back: the same file names and header layout Elekto reads. */
export function writeElektoFolder(folder: ElektoFolder, ballotsCsv?: string): Record<string, string> {
  const e = folder.election;
  const election: Record<string, unknown> = {
    name: e.name,
    ...(e.organization ? { organization: e.organization } : {}),
    start_datetime: formatElektoDate(e.startAt),
    end_datetime: formatElektoDate(e.endAt),
    no_winners: e.seats,
    allow_no_opinion: e.allowNoOpinion,
    delete_after: true,
    show_candidate_fields: e.showCandidateFields,
    election_officers: e.officers,
    eligibility: e.eligibility,
    exception_description: e.exceptionDescription,
    ...(e.exceptionDue ? { exception_due: formatElektoDate(e.exceptionDue) } : {}),
  };
  const files: Record<string, string> = {
    "election.yaml": stringifyYaml(election, { lineWidth: 0 }),
    "voters.yaml": `# ${e.name}\n# Exported by TAG Portal.\n${stringifyYaml({ eligible_voters: folder.voters }, { lineWidth: 0 })}`,
    "election_desc.md": `${folder.description}\n`,
  };
  for (const c of folder.candidates) {
    const header = stringifyYaml(
      { name: c.name, ID: c.id, ...(c.info.length ? { info: c.info.map(([k, v]) => ({ [k]: v })) } : {}) },
      { lineWidth: 0 },
    );
    files[`candidate-${c.id}.md`] = `${RULE}\n${header}${RULE}\n\n${c.statement}\n`;
  }
  if (ballotsCsv !== undefined) files["ballots.csv"] = ballotsCsv;
  return files;
}

/* ---------------------------------------------------------------- database side */

type Db = PrismaClient;
export interface ElektoImportOptions {
  tagSlug: string;
  /** RoleDefinition.roleKey, or a role name; default: the TAG's current tech-lead role. */
  role?: string;
  resolve: LoginResolver;
  /** Who imports (becomes an officer); null for the CLI run by an operator. */
  actorId: string | null;
  at: Date;
  /** Moves every date so that voting opens on this day (a past folder replayed as a new election). */
  votingOpensAt?: Date;
  /** Days of nominations before voting opens (Elekto has no nomination window). */
  nominationDays?: number;
}

export interface ElektoUnresolved {
  login: string;
  where: string;
  reason: string;
}

export interface ElektoImportResult {
  electionId: string;
  title: string;
  candidates: string[];
  voters: number;
  officers: string[];
  unresolved: ElektoUnresolved[];
  notes: string[];
}

/** A refusal the importer explains (an unknown TAG or role): the UI shows its message as it is. */
export class ElektoImportError extends Error {}

/** What an import would create, before anything is written: the preview, and what `apply` writes. */
export interface ElektoPlan {
  tag: { id: string; slug: string; name: string };
  role: { roleKey: string; name: string };
  title: string;
  seats: number;
  nominationsOpenAt: Date;
  nominationsCloseAt: Date;
  votingOpenAt: Date;
  votingCloseAt: Date;
  exceptionDueAt: Date | null;
  description: string;
  eligibility: string;
  exceptionDescription: string;
  candidates: { login: string; name: string; employer: string | null; resolved: boolean }[];
  /** Officers who resolve and do not stand (the importing person is added as well). */
  officers: string[];
  voters: { listed: number; resolved: number };
  /** Ballots in the folder's `ballots.csv` (a past count; never imported as votes), or null. */
  ballots: number | null;
  unresolved: ElektoUnresolved[];
  notes: string[];
  /** One line per thing the import writes. */
  creates: string[];
}

async function findRole(tx: Tx | Db, tagId: string, role: string | undefined) {
  const current = await tx.roleDefinition.findMany({
    where: { tagId, supersededAt: null },
    orderBy: { createdAt: "asc" },
    select: { roleKey: true, name: true, kind: true, selection: true },
  });
  const pick = role
    ? current.find((d) => d.roleKey === role || d.name.toLowerCase() === role.toLowerCase())
    : (current.find((d) => d.kind === "tech_lead" && d.selection === "election") ??
      current.find((d) => d.kind === "tech_lead"));
  if (!pick)
    throw new ElektoImportError(
      role
        ? `the TAG has no role "${role}"`
        : "the TAG has no Tech Lead role; define one on the TAG page first (or pass --role)",
    );
  return pick;
}

async function findTag(tx: Tx | Db, slug: string) {
  const tag = await tx.tag.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!tag) throw new ElektoImportError(`no TAG with slug "${slug}"`);
  return tag;
}

type Resolved = Map<string, { githubId: string; login: string; name: string | null }>;

/** The plan and the GitHub identities behind it; reads the TAG and role, writes nothing. */
async function prepare(db: Tx | Db, folder: ElektoFolder, opts: ElektoImportOptions) {
  const e = folder.election;
  const tag = await findTag(db, opts.tagSlug);
  const role = await findRole(db, tag.id, opts.role);
  const shift = opts.votingOpensAt ? opts.votingOpensAt.getTime() - e.startAt.getTime() : 0;
  const votingOpenAt = new Date(e.startAt.getTime() + shift);
  const votingCloseAt = new Date(e.endAt.getTime() + shift);
  const nominationsOpenAt = new Date(votingOpenAt.getTime() - (opts.nominationDays ?? 14) * DAY);
  let exceptionDueAt = e.exceptionDue ? new Date(e.exceptionDue.getTime() + shift) : null;
  const notes: string[] = [];
  if (nominationsOpenAt <= opts.at)
    notes.push(
      "nominations open in the past: the phase job opens them at once; move the dates (voting opens on another day) to replay this election",
    );
  if (exceptionDueAt && exceptionDueAt > votingCloseAt) {
    notes.push("exception_due is after voting closes: exception requests are taken until voting closes");
    exceptionDueAt = votingCloseAt;
  }

  const where = new Map<string, string>();
  const note = (login: string, place: string) => {
    const key = login.toLowerCase();
    if (!where.has(key)) where.set(key, place);
  };
  folder.candidates.forEach((c) => note(c.id, `candidate-${c.id}.md`));
  e.officers.forEach((o) => note(o, "election.yaml election_officers"));
  folder.voters.forEach((v) => note(v, "voters.yaml"));
  const resolved = await opts.resolve([...where.keys()]);
  const unresolved: ElektoUnresolved[] = [];
  const ids: Resolved = new Map();
  for (const [key, place] of where) {
    const r = resolved.get(key);
    if (!r || "error" in r)
      unresolved.push({ login: key, where: place, reason: r && "error" in r ? r.error : "not resolved" });
    else ids.set(key, r);
  }
  const candidateKeys = new Set(folder.candidates.map((c) => c.id.toLowerCase()));
  // Officers act through the TAG's election right (its chairs and tech leads, and admins): anyone
  // else named in election.yaml would see the officer's panel and be refused at every step.
  const mayRun = new Set(
    (
      await db.user.findMany({
        where: {
          githubId: { in: e.officers.flatMap((o) => ids.get(o.toLowerCase()) ?? []).map((r) => BigInt(r.githubId)) },
          deletedAt: null,
          OR: [{ isAdmin: true }, { roles: { some: { tagId: tag.id, ...leadSeatWhere(opts.at) } } }],
        },
        select: { githubId: true },
      })
    ).map((u) => String(u.githubId)),
  );
  const officers: string[] = [];
  for (const o of e.officers) {
    const r = ids.get(o.toLowerCase());
    if (!r) continue;
    if (candidateKeys.has(o.toLowerCase()))
      notes.push(`@${r.login} is both an officer and a candidate: kept as a candidate only (officers cannot stand)`);
    else if (!mayRun.has(r.githubId))
      notes.push(
        `@${r.login} is not a chair or tech lead of ${tag.name}: left out as an officer (officers act through the TAG's election right)`,
      );
    else officers.push(r.login);
  }
  const candidates = folder.candidates.map((c) => ({
    login: ids.get(c.id.toLowerCase())?.login ?? c.id,
    name: c.name,
    employer: c.info.find(([k]) => k.toLowerCase() === "employer")?.[1] || null,
    resolved: ids.has(c.id.toLowerCase()),
  }));
  const voters = {
    listed: folder.voters.length,
    resolved: folder.voters.filter((v) => ids.has(v.toLowerCase())).length,
  };
  const ballots = folder.ballots?.ballots?.count ?? null;
  if (ballots !== null)
    notes.push(
      `ballots.csv holds ${ballots} ballots of an earlier count: they are shown, not imported (a new election starts with no ballots)`,
    );
  const seatWord = (n: number) => `${n} ${n === 1 ? "seat" : "seats"}`;
  const plan: ElektoPlan = {
    tag,
    role: { roleKey: role.roleKey, name: role.name },
    title: e.name,
    seats: e.seats,
    nominationsOpenAt,
    nominationsCloseAt: votingOpenAt,
    votingOpenAt,
    votingCloseAt,
    exceptionDueAt,
    description: folder.description,
    eligibility: e.eligibility,
    exceptionDescription: e.exceptionDescription,
    candidates,
    officers,
    voters,
    ballots,
    unresolved,
    notes,
    creates: [
      `a draft ${role.name} election "${e.name}" in ${tag.name} (${seatWord(e.seats)}, Schulze count, ballots published after the count)`,
      `${candidates.filter((c) => c.resolved).length} nominations with their statements`,
      `a voter roll of ${voters.resolved} people (uploaded list)`,
      `${officers.length} election officers from election.yaml, and you`,
      `${ids.size - (await db.user.count({ where: { githubId: { in: [...ids.values()].map((r) => BigInt(r.githubId)) } } }))} people new to the portal, as placeholders claimed at their first sign-in`,
    ],
  };
  return { plan, ids };
}

/** The preview: everything the import would create, and what it cannot resolve; writes nothing. */
export async function planElektoImport(db: Db, folder: ElektoFolder, opts: ElektoImportOptions): Promise<ElektoPlan> {
  return (await prepare(db, folder, opts)).plan;
}

/**
 * Imports an Elekto folder as a draft election of a TAG, in one transaction with an audit event:
 * candidates become nominations (statement, employer from `info`), the voter list becomes the
 * uploaded voter roll, election officers who resolve and do not stand become officers, and the
 * description, eligibility text, exception guide and deadline are kept. People not yet in the
 * portal become placeholders claimed at their first sign-in. The one import path: the CLI, the
 * officers' upload page and the tests all come here.
 */
export async function importElektoElection(
  db: Db,
  folder: ElektoFolder,
  opts: ElektoImportOptions,
): Promise<ElektoImportResult & { plan: ElektoPlan }> {
  const { plan: planned, ids } = await prepare(db, folder, opts);
  // A real roll has hundreds of voters, each an upsert: more than a transaction's default five seconds.
  return db.$transaction(
    async (tx) => {
      // The TAG and role are read again inside the transaction: the preview may be minutes old.
      const tag = await findTag(tx, opts.tagSlug);
      const role = await findRole(tx, tag.id, opts.role);
      const plan = { ...planned, tag, role: { roleKey: role.roleKey, name: role.name } };
      const userIds = new Map<string, { id: string; region: string | null; employer: string | null; login: string }>();
      for (const [key, r] of ids) {
        const user = await tx.user.upsert({
          where: { githubId: BigInt(r.githubId) },
          create: { githubId: BigInt(r.githubId), login: r.login, name: r.name },
          update: {},
          select: { id: true, login: true, region: true, employer: true },
        });
        userIds.set(key, user);
      }
      const earlier = await tx.election.count({
        where: { tagId: tag.id, roleKey: role.roleKey, phase: { in: ["approved", "published"] } },
      });
      const electionId = randomUUID();
      await tx.election.create({
        data: {
          id: electionId,
          tagId: tag.id,
          roleKey: role.roleKey,
          title: plan.title,
          description: plan.description,
          eligibilityText: plan.eligibility,
          exceptionDescription: plan.exceptionDescription,
          exceptionDueAt: plan.exceptionDueAt,
          method: "schulze",
          cycleDate: plan.votingCloseAt,
          seatsByRegion: { any: plan.seats },
          staggerTerms: earlier === 0,
          nominationsOpenAt: plan.nominationsOpenAt,
          nominationsCloseAt: plan.nominationsCloseAt,
          votingOpenAt: plan.votingOpenAt,
          votingCloseAt: plan.votingCloseAt,
          candidateRule: "any-member",
          votersIncludeLeaders: false,
          publishBallots: true,
          createdById: opts.actorId,
          createdAt: opts.at,
          updatedAt: opts.at,
        },
      });
      const officerIds = new Set<string>(opts.actorId ? [opts.actorId] : []);
      for (const o of plan.officers) officerIds.add(userIds.get(o.toLowerCase())!.id);
      if (officerIds.size > 0)
        await tx.electionOfficer.createMany({
          data: [...officerIds].map((userId) => ({ electionId, userId })),
          skipDuplicates: true,
        });
      const candidates: string[] = [];
      for (const c of folder.candidates) {
        const u = userIds.get(c.id.toLowerCase());
        if (!u) continue;
        const employer = c.info.find(([k]) => k.toLowerCase() === "employer")?.[1] || u.employer;
        await tx.nomination.create({
          data: {
            electionId,
            userId: u.id,
            statement: c.statement.slice(0, 20_000),
            region: u.region as Region | null,
            employer: employer || null,
            createdAt: opts.at,
          },
        });
        candidates.push(u.login);
      }
      const voterRows = folder.voters.map((v) => userIds.get(v.toLowerCase())).filter((u) => u !== undefined);
      await tx.electionVoter.createMany({
        data: voterRows.map((u) => ({ electionId, userId: u.id, source: "list" })),
        skipDuplicates: true,
      });
      await recordAudit(tx, {
        at: opts.at,
        actorId: opts.actorId,
        action: "election.import-elekto",
        subjectType: "Election",
        subjectId: electionId,
        tagId: tag.id,
        after: {
          title: plan.title,
          role: role.name,
          seats: plan.seats,
          candidates,
          voters: voterRows.length,
          officers: plan.officers,
          exceptionDueAt: plan.exceptionDueAt?.toISOString() ?? null,
          unresolved: plan.unresolved.map((u) => u.login),
        },
      });
      return {
        electionId,
        title: plan.title,
        candidates,
        voters: voterRows.length,
        officers: plan.officers,
        unresolved: plan.unresolved,
        notes: plan.notes,
        plan,
      };
    },
    { timeout: 60_000 },
  );
}

/** Phases at which the individual ballots may leave the portal (docs/security.md, "Ballot design": after the count). */
const COUNTED = new Set(["tallied", "approved", "published"]);

/**
 * An election as an Elekto folder. `ballots.csv` is included only once the ballots are counted
 * and the election publishes them (always for STV): one row per ballot.
 */
export async function exportElektoElection(
  db: Db,
  electionId: string,
): Promise<{ files: Record<string, string>; ballots: number | null }> {
  const el = await db.election.findUnique({
    where: { id: electionId },
    include: {
      tag: { select: { name: true } },
      officers: { select: { userId: true } },
      voters: { select: { userId: true } },
      nominations: {
        where: { status: "active" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, userId: true, statement: true, employer: true },
      },
    },
  });
  if (!el) throw new Error(`no election ${electionId}`);
  const people = new Map(
    (
      await db.user.findMany({
        where: {
          id: {
            in: [
              ...el.officers.map((o) => o.userId),
              ...el.voters.map((v) => v.userId),
              ...el.nominations.map((n) => n.userId),
            ],
          },
        },
        select: { id: true, login: true, name: true },
      })
    ).map((u) => [u.id, u]),
  );
  const login = (id: string) => people.get(id)?.login ?? id;
  const seats = Object.values((el.seatsByRegion ?? {}) as Record<string, number>).reduce(
    (a, b) => a + (Number(b) || 0),
    0,
  );
  const voterRule = [
    el.votersIncludeLeaders ? "the TAG's leaders" : null,
    el.voterMinRecords
      ? `members with at least ${el.voterMinRecords} contributions in the last ${el.voterWindowMonths} months`
      : null,
    "people on the uploaded list",
  ].filter(Boolean);
  const folder: ElektoFolder = {
    election: {
      name: el.title,
      organization: el.tag.name,
      startAt: el.votingOpenAt,
      endAt: el.votingCloseAt,
      seats,
      allowNoOpinion: true,
      officers: el.officers.map((o) => login(o.userId)).sort((a, b) => a.localeCompare(b)),
      // An imported election goes back out with its own words; one set up here describes its rules.
      eligibility: el.eligibilityText || `Who may vote: ${voterRule.join(", ")}.`,
      exceptionDescription:
        el.exceptionDescription || "Ask the election officers for an exception on the election's page in TAG Portal.",
      exceptionDue: el.exceptionDueAt,
      showCandidateFields: ["employer"],
    },
    description:
      el.description ||
      `# ${el.title}\n\n${seats} ${seats === 1 ? "seat" : "seats"} in ${el.tag.name}, counted by ${el.method === "stv" ? "STV" : "the Schulze method"}.`,
    voters: el.voters.map((v) => login(v.userId)).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    candidates: el.nominations.map((n) => ({
      id: login(n.userId),
      name: people.get(n.userId)?.name ?? login(n.userId),
      info: n.employer ? [["employer", n.employer] as [string, string]] : [],
      statement: n.statement,
    })),
    ballots: null,
  };
  let ballotsCsv: string | undefined;
  let count: number | null = null;
  if (COUNTED.has(el.phase) && (el.publishBallots || el.method === "stv")) {
    const index = new Map(el.nominations.map((n, i) => [n.id, i]));
    const rows = await db.ballot.findMany({
      where: { electionId },
      orderBy: { receiptHash: "asc" },
      select: { choices: true },
    });
    const ballots = rows.map((r) => ({
      weight: 1,
      ranking: (r.choices as string[][])
        .map((level) => level.map((id) => index.get(id)).filter((i) => i !== undefined))
        .filter((level) => level.length > 0),
    }));
    ballotsCsv = writeElektoCsv(
      folder.candidates.map((c) => c.id),
      packBallots(ballots),
    );
    count = rows.length;
  }
  return { files: writeElektoFolder(folder, ballotsCsv), ballots: count };
}
