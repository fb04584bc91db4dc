import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { activityFor } from "@/lib/contributions/activity";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ElectionPhase } from "@/lib/generated/prisma/enums";
import { can, tagScope, type Actor } from "@/lib/auth/permissions";
import type { Outcome } from "./tally/index.ts";
import { isOfficerOf, loadElection, parseSeats, phaseIndex, type ElectionRow } from "./context";
import { candidateWindow } from "./eligibility";
import { candidateVerdictOf, computeRoll, voterVerdictOf } from "./load-eligibility";
import { endorsementStanding } from "./nominations";
import { LEAD_KINDS, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";

/**
 * Reads for the election pages. The viewer is passed explicitly (null: signed out). Drafts are
 * seen by their officers, the TAG's leads and admins only; results by officers and TOC members
 * from `tallied`, by everyone from `published`.
 */

const PAGE = 20;

function canSeeDraft(viewer: Actor | null, e: { tagId: string; officers: { userId: string }[] }): boolean {
  return can(viewer, "election.view-draft", e.tagId) || can(viewer, "election.oversee") || isOfficerOf(viewer, e);
}

function draftFilter(viewer: Actor | null): Prisma.ElectionWhereInput {
  if (can(viewer, "election.oversee")) return {};
  if (!viewer) return { phase: { not: "draft" } };
  return {
    OR: [
      { phase: { not: "draft" } },
      tagScope(viewer, "election.view-draft", "tagId"),
      { officers: { some: { userId: viewer.id } } },
    ],
  };
}

async function roleNames(pairs: { tagId: string; roleKey: string }[]): Promise<Map<string, string>> {
  const defs = await db.roleDefinition.findMany({
    where: { roleKey: { in: [...new Set(pairs.map((p) => p.roleKey))] }, supersededAt: null },
    select: { roleKey: true, name: true },
  });
  return new Map(defs.map((d) => [d.roleKey, d.name]));
}

/** An election's fields in a list: the portal's elections page and the public API. */
export const electionListSelect = {
  id: true,
  title: true,
  phase: true,
  method: true,
  roleKey: true,
  tagId: true,
  seatsByRegion: true,
  cycleDate: true,
  nominationsOpenAt: true,
  nominationsCloseAt: true,
  votingOpenAt: true,
  votingCloseAt: true,
  publishedAt: true,
  isTest: true,
  tag: { select: { slug: true, name: true } },
} as const;

/** Elections, newest voting close first; `cursor` is the last id of the previous page. */
export async function listElections(
  filter: { tagSlug?: string; phase?: ElectionPhase; cursor?: string },
  viewer: Actor | null,
) {
  const rows = await db.election.findMany({
    where: {
      AND: [
        draftFilter(viewer),
        filter.tagSlug ? { tag: { slug: filter.tagSlug } } : {},
        filter.phase ? { phase: filter.phase } : {},
      ],
    },
    orderBy: [{ votingCloseAt: "desc" }, { id: "asc" }],
    take: PAGE + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    select: electionListSelect,
  });
  const names = await roleNames(rows);
  const page = rows.slice(0, PAGE);
  return {
    items: page.map((r) => ({
      ...r,
      seatsByRegion: parseSeats(r.seatsByRegion),
      roleName: names.get(r.roleKey) ?? "Role",
    })),
    nextCursor: rows.length > PAGE ? page[page.length - 1]!.id : null,
  };
}

export type VoterStatus = "eligible" | "voted" | { notEligible: string };
export type CandidateStatus = "standing" | "withdrawn" | "unendorsed" | "eligible" | "closed" | { notEligible: string };

async function statusesFor(
  e: ElectionRow,
  userId: string,
  at: Date,
): Promise<{ voter: VoterStatus; candidate: CandidateStatus }> {
  const voted = await db.electionParticipation.count({ where: { electionId: e.id, userId } });
  let voter: VoterStatus;
  if (voted) voter = "voted";
  else {
    const v = await voterVerdictOf(e, userId, at);
    voter = v.eligible ? "eligible" : { notEligible: v.reason };
  }
  const mine = await db.nomination.findUnique({
    where: { electionId_userId: { electionId: e.id, userId } },
    select: { status: true },
  });
  let candidate: CandidateStatus;
  if (mine)
    candidate = mine.status === "active" ? "standing" : mine.status === "withdrawn" ? "withdrawn" : "unendorsed";
  else if (phaseIndex(e.phase) > phaseIndex("nominations") || (e.phase === "nominations" && at >= e.nominationsCloseAt))
    candidate = "closed";
  else {
    const c = await candidateVerdictOf(e, userId, at);
    candidate = c.eligible ? "eligible" : { notEligible: c.reason };
  }
  return { voter, candidate };
}

/** One election with its candidates and what the viewer may do; NOT_FOUND for a draft the viewer may not see. */
export async function getElection(id: string, viewer: Actor | null) {
  const e = await loadElection(id);
  if (!e || (e.phase === "draft" && !canSeeDraft(viewer, e)))
    throw new AppError("NOT_FOUND", "That election does not exist.");
  const at = await now();
  const [role, officers, nominations] = await Promise.all([
    db.roleDefinition.findFirst({
      where: { roleKey: e.roleKey, supersededAt: null },
      select: { name: true, kind: true, termMonths: true },
    }),
    db.user.findMany({
      where: { id: { in: e.officers.map((o) => o.userId) } },
      select: { id: true, login: true, name: true, avatarUrl: true },
    }),
    db.nomination.findMany({
      where: { electionId: e.id },
      include: { endorsements: { select: { endorserId: true, employer: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const people = await db.user.findMany({
    where: { id: { in: nominations.map((n) => n.userId) } },
    select: { id: true, login: true, name: true, avatarUrl: true },
  });
  const window = candidateWindow(e, at);
  const candidates = await Promise.all(
    nominations.map(async (n) => {
      const p = people.find((x) => x.id === n.userId);
      const activity = await activityFor(n.userId, e.tagId, window);
      return {
        id: n.id,
        userId: n.userId,
        login: p?.login ?? "",
        name: p?.name ?? null,
        avatarUrl: p?.avatarUrl ?? null,
        statement: n.statement,
        status: n.status,
        withdrawnDuringVoting: n.withdrawnDuringVoting,
        region: n.region,
        employer: n.employer,
        createdAt: n.createdAt,
        endorsements: endorsementStanding(e, n.endorsements),
        endorsedByViewer: !!viewer && n.endorsements.some((x) => x.endorserId === viewer.id),
        contributions: { ...activity, window },
      };
    }),
  );
  const isOfficer = isOfficerOf(viewer, e);
  const mine = viewer ? await statusesFor(e, viewer.id, at) : null;
  const myExceptions = viewer
    ? await db.electionException.findMany({
        where: { electionId: e.id, userId: viewer.id },
        select: { id: true, kind: true, reason: true, status: true, decisionReason: true, createdAt: true },
      })
    : [];
  const exceptions =
    isOfficer || can(viewer, "election.oversee")
      ? await db.electionException.findMany({
          where: { electionId: e.id },
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            userId: true,
            kind: true,
            reason: true,
            status: true,
            decisionReason: true,
            createdAt: true,
          },
        })
      : null;
  const requesters = exceptions
    ? await db.user.findMany({
        where: { id: { in: exceptions.map((x) => x.userId) } },
        select: { id: true, login: true },
      })
    : [];
  let turnout: { eligible: number; voted: number; percent: number } | null = null;
  if (e.phase === "voting") {
    const [eligible, voted] = await Promise.all([
      db.electionVoter.count({ where: { electionId: e.id } }),
      db.electionParticipation.count({ where: { electionId: e.id } }),
    ]);
    turnout = { eligible, voted, percent: eligible ? Math.round((voted / eligible) * 1000) / 10 : 0 };
  }
  const { officers: _o, result: _r, ...fields } = e;
  return {
    ...fields,
    seatsByRegion: parseSeats(e.seatsByRegion),
    role: role ?? { name: "Role", kind: null, termMonths: null },
    officers,
    nominations: candidates,
    exceptions:
      exceptions?.map((x) => ({ ...x, login: requesters.find((r) => r.id === x.userId)?.login ?? "" })) ?? null,
    viewer: {
      isOfficer,
      canVote: mine?.voter === "eligible" && e.phase === "voting" && at < e.votingCloseAt,
      voted: mine?.voter === "voted",
      voterStatus: mine?.voter ?? null,
      candidateStatus: mine?.candidate ?? null,
      exception: myExceptions,
    },
    turnout,
  };
}

/** Results and artifacts: nobody before `tallied`; officers and TOC members before `published`. */
async function requireResultsVisible(id: string, viewer: Actor | null) {
  const e = await loadElection(id);
  if (!e || (e.phase === "draft" && !canSeeDraft(viewer, e)))
    throw new AppError("NOT_FOUND", "That election does not exist.");
  if (phaseIndex(e.phase) < phaseIndex("tallied")) {
    throw new AppError(
      "FORBIDDEN",
      "There are no results yet: the count happens when voting closes, and nobody sees anything before.",
    );
  }
  if (e.phase !== "published" && !(can(viewer, "election.approve") || isOfficerOf(viewer, e))) {
    throw new AppError(
      "FORBIDDEN",
      "The results are not published yet: only the officers and TOC members see them until the TOC approves and they are published.",
    );
  }
  return e;
}

/** The count, readable: winners, exclusions, ties and the lot, the matrix or STV stages, the files' hashes. */
export async function getElectionResults(id: string, viewer: Actor | null) {
  const e = await requireResultsVisible(id, viewer);
  const artifacts = await db.electionArtifact.findMany({
    where: { electionId: e.id },
    select: { name: true, sha256: true, content: true },
    orderBy: { name: "asc" },
  });
  const result = artifacts.find((a) => a.name === "result.json");
  const matrix = artifacts.find((a) => a.name === "matrix.json");
  if (!result || !matrix) throw new AppError("NOT_FOUND", "The count's files are missing.");
  const outcome = JSON.parse(result.content) as Outcome & { seed: string };
  const stored = (e.result ?? {}) as { seedSource?: string; nominations?: Record<string, string> };
  const nominations = await db.nomination.findMany({
    where: { electionId: e.id },
    select: { id: true, userId: true, region: true, employer: true },
  });
  const winners = outcome.winners.map((name, seat) => {
    const n = nominations.find((x) => x.id === stored.nominations?.[name]);
    return {
      seat: seat + 1,
      name,
      nominationId: n?.id ?? null,
      userId: n?.userId ?? null,
      region: n?.region ?? null,
      employer: n?.employer ?? null,
    };
  });
  return {
    phase: e.phase,
    method: e.method,
    outcome,
    winners,
    excluded: outcome.excluded,
    ties: outcome.ties,
    lot: { seed: outcome.seed, seedSource: stored.seedSource ?? null, decidedASeat: outcome.ties.length > 0 },
    matrix: JSON.parse(matrix.content) as { candidates: string[]; pairwise: number[][] },
    stages: outcome.method === "schulze" ? null : outcome.stages,
    counts: { eligible: e.eligibleCount, voted: e.participationCount, ballots: e.ballotCount },
    artifacts: artifacts.map((a) => ({ name: a.name, sha256: a.sha256 })),
    approvedAt: e.approvedAt,
    publishedAt: e.publishedAt,
  };
}

/** One published file, with the same visibility as the results. */
export async function getArtifact(id: string, name: string, viewer: Actor | null) {
  const e = await requireResultsVisible(id, viewer);
  const a = await db.electionArtifact.findUnique({
    where: { electionId_name: { electionId: e.id, name } },
    select: { content: true, sha256: true },
  });
  if (!a) throw new AppError("NOT_FOUND", `This election has no ${name}.`);
  const contentType = name.endsWith(".json") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8";
  return { content: a.content, contentType, sha256: a.sha256 };
}

/** The viewer's standing in every election with nominations or voting open (home page, /elections). */
export async function myElectionStatuses(viewer: Actor | null) {
  if (!viewer) return [];
  const at = await now();
  const open = await db.election.findMany({
    where: { phase: { in: ["nominations", "voting"] } },
    orderBy: [{ votingCloseAt: "asc" }],
    take: 50,
    select: { id: true },
  });
  const out = [];
  for (const { id } of open) {
    const e = (await loadElection(id))!;
    const s = await statusesFor(e, viewer.id, at);
    out.push({
      election: {
        id: e.id,
        title: e.title,
        phase: e.phase,
        isTest: e.isTest,
        tag: e.tag,
        nominationsCloseAt: e.nominationsCloseAt,
        votingOpenAt: e.votingOpenAt,
        votingCloseAt: e.votingCloseAt,
      },
      voter: s.voter,
      candidate: s.candidate,
    });
  }
  return out;
}

/**
 * People the set-up form offers as co-officers: the TAG's sitting chairs and tech leads (on leave
 * too), whom createElection accepts as officers; the one setting up is officer anyway.
 */
export async function possibleCoOfficers(tagId: string, exceptUserId: string) {
  const seats = await db.roleAssignment.findMany({
    where: {
      tagId,
      status: { in: [...SITTING_SEAT_STATUSES] },
      kind: { in: [...LEAD_KINDS] },
      userId: { not: exceptUserId },
    },
    select: { user: { select: { id: true, login: true, name: true } } },
  });
  const unique = new Map(seats.map((s) => [s.user.id, s.user]));
  return [...unique.values()].sort((a, b) => a.login.localeCompare(b.login));
}

/**
 * The voter roll as people review it: GitHub logins only (as Elekto's voters.yaml), computed from
 * the rules until voting opens and the frozen roll after. Everyone reads it once the officers
 * published it; before that only the officers (and admins) do.
 */
export async function getVoterRoll(id: string, viewer: Actor | null) {
  const e = await loadElection(id);
  if (!e || (e.phase === "draft" && !canSeeDraft(viewer, e)))
    throw new AppError("NOT_FOUND", "That election does not exist.");
  const officer = isOfficerOf(viewer, e) || can(viewer, "election.oversee");
  if (!e.rollPublishedAt && !officer)
    throw new AppError("FORBIDDEN", "The officers have not published the voter roll for review yet.");
  const frozen = phaseIndex(e.phase) >= phaseIndex("voting") || e.phase === "cancelled";
  const rows = frozen
    ? await db.electionVoter.findMany({ where: { electionId: e.id }, select: { userId: true } })
    : await computeRoll(e);
  const users = await db.user.findMany({
    where: { id: { in: rows.map((r) => r.userId) } },
    select: { login: true },
  });
  return {
    election: { id: e.id, title: e.title, phase: e.phase, tag: e.tag, isTest: e.isTest },
    logins: users.map((u) => u.login).sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())),
    frozen,
    publishedAt: e.rollPublishedAt,
    correctionsUntil: e.votingOpenAt,
    exceptionDueAt: e.exceptionDueAt,
  };
}

/** Logins of the people who endorsed a nomination, in the order they endorsed. */
export async function endorsersOf(nominationId: string): Promise<string[]> {
  const rows = await db.endorsement.findMany({
    where: { nominationId },
    orderBy: { createdAt: "asc" },
    select: { endorserId: true },
  });
  const users = await db.user.findMany({
    where: { id: { in: rows.map((r) => r.endorserId) } },
    select: { id: true, login: true },
  });
  const login = new Map(users.map((u) => [u.id, u.login]));
  return rows.flatMap((r) => (login.has(r.endorserId) ? [login.get(r.endorserId)!] : []));
}
