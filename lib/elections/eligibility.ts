import "server-only";
import { db, type Tx } from "@/lib/db";
import { activityFor, windowEndingAt } from "@/lib/contributions/activity";
import { LEAD_KINDS, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";

/** What the eligibility rules read from an election. */
export interface EligibilityRules {
  id: string;
  tagId: string;
  phase: string;
  nominationsCloseAt: Date;
  votingOpenAt: Date;
  candidateRule: string;
  candidateMinRecords: number | null;
  candidateWindowMonths: number | null;
  votersIncludeLeaders: boolean;
  voterMinRecords: number | null;
  voterWindowMonths: number | null;
  officers: { userId: string }[];
}

export type Verdict = { eligible: true; via: string } | { eligible: false; reason: string };

const ROLL_FROZEN = ["voting", "closed", "tallied", "approved", "published"];

/** Active chair or tech-lead seats in the TAG (leaders vote when the election says so). */
async function isLeader(client: Tx, tagId: string, userId: string): Promise<boolean> {
  return (
    (await client.roleAssignment.count({
      where: { tagId, userId, status: { in: [...SITTING_SEAT_STATUSES] }, kind: { in: [...LEAD_KINDS] } },
    })) > 0
  );
}

/**
 * Records counted for voting: the M months before voting opens (the roll freezes then), or before
 * `at` while that is still ahead, so people see their standing as it would be today.
 */
function voterWindow(e: EligibilityRules, at: Date) {
  return windowEndingAt(at < e.votingOpenAt ? at : e.votingOpenAt, e.voterWindowMonths ?? 0);
}

/**
 * Whether `userId` may vote. Once voting opens the frozen roll decides (plus granted exceptions,
 * which are added to it); before, the rules are evaluated as of `at`.
 */
export async function voterVerdict(e: EligibilityRules, userId: string, at: Date, client: Tx = db): Promise<Verdict> {
  const row = await client.electionVoter.findUnique({
    where: { electionId_userId: { electionId: e.id, userId } },
    select: { source: true },
  });
  if (row) return { eligible: true, via: row.source };
  if (ROLL_FROZEN.includes(e.phase))
    return { eligible: false, reason: "You are not on this election's voter roll (it was fixed when voting opened)." };
  const granted = await client.electionException.count({
    where: { electionId: e.id, userId, kind: "vote", status: "granted" },
  });
  if (granted) return { eligible: true, via: "exception" };
  if (e.votersIncludeLeaders && (await isLeader(client, e.tagId, userId))) return { eligible: true, via: "leader" };
  if (e.voterMinRecords && e.voterWindowMonths) {
    const activity = await activityFor(userId, e.tagId, voterWindow(e, at));
    if (activity.total >= e.voterMinRecords) return { eligible: true, via: "contributions" };
    return {
      eligible: false,
      reason: `Voters need ${e.voterMinRecords} contribution record(s) in this TAG in the ${e.voterWindowMonths} months before voting opens; you have ${activity.total}.`,
    };
  }
  return { eligible: false, reason: "You are not on this election's voter list." };
}

/** Whether `userId` may stand. Officers never may (DESIGN.md guards), even with an exception. */
export async function candidateVerdict(
  e: EligibilityRules,
  userId: string,
  at: Date,
  client: Tx = db,
): Promise<Verdict> {
  if (e.officers.some((o) => o.userId === userId))
    return { eligible: false, reason: "Officers of an election cannot stand in it." };
  const granted = await client.electionException.count({
    where: { electionId: e.id, userId, kind: "stand", status: "granted" },
  });
  if (granted) return { eligible: true, via: "exception" };
  if (e.candidateRule === "any-member") return { eligible: true, via: "member" };
  const min = e.candidateMinRecords ?? 1;
  const months = e.candidateWindowMonths ?? 12;
  const activity = await activityFor(
    userId,
    e.tagId,
    windowEndingAt(at < e.nominationsCloseAt ? at : e.nominationsCloseAt, months),
  );
  if (activity.total >= min) return { eligible: true, via: "contributions" };
  return {
    eligible: false,
    reason: `Candidates need ${min} contribution record(s) in this TAG in the last ${months} months; you have ${activity.total}.`,
  };
}

/** People with any counted-looking record in the TAG in a window; `activityFor` then decides for each. */
async function contributorsIn(tagId: string, window: { from: Date; to: Date }): Promise<string[]> {
  const rows = await db.contributionRecord.findMany({
    where: { tagId, occurredAt: { gte: window.from, lt: window.to } },
    select: { userId: true },
    distinct: ["userId"],
  });
  return rows.map((r) => r.userId);
}

/**
 * The voter roll as the rules make it when voting opens: uploaded list (already stored), the
 * TAG's leaders, members with enough records (by `activityFor`), granted exceptions.
 */
export async function computeRoll(e: EligibilityRules): Promise<{ userId: string; source: string }[]> {
  const roll = new Map<string, string>();
  for (const v of await db.electionVoter.findMany({
    where: { electionId: e.id },
    select: { userId: true, source: true },
  }))
    roll.set(v.userId, v.source);
  if (e.votersIncludeLeaders) {
    const leaders = await db.roleAssignment.findMany({
      where: { tagId: e.tagId, status: { in: [...SITTING_SEAT_STATUSES] }, kind: { in: [...LEAD_KINDS] } },
      select: { userId: true },
      distinct: ["userId"],
    });
    for (const l of leaders) if (!roll.has(l.userId)) roll.set(l.userId, "leader");
  }
  if (e.voterMinRecords && e.voterWindowMonths) {
    const window = windowEndingAt(e.votingOpenAt, e.voterWindowMonths);
    for (const userId of await contributorsIn(e.tagId, window)) {
      if (roll.has(userId)) continue;
      if ((await activityFor(userId, e.tagId, window)).total >= e.voterMinRecords) roll.set(userId, "contributions");
    }
  }
  const granted = await db.electionException.findMany({
    where: { electionId: e.id, kind: "vote", status: "granted" },
    select: { userId: true },
  });
  for (const g of granted) if (!roll.has(g.userId)) roll.set(g.userId, "exception");
  return [...roll].map(([userId, source]) => ({ userId, source }));
}

/** Who may stand, for the notice that nominations opened (any-member: the prospective voters). */
export async function prospectiveCandidates(e: EligibilityRules, at: Date): Promise<string[]> {
  if (e.candidateRule === "any-member")
    return (await computeRoll(e)).map((r) => r.userId).filter((u) => !e.officers.some((o) => o.userId === u));
  const months = e.candidateWindowMonths ?? 12;
  const window = windowEndingAt(at, months);
  const out: string[] = [];
  for (const userId of await contributorsIn(e.tagId, window)) {
    if (e.officers.some((o) => o.userId === userId)) continue;
    if ((await activityFor(userId, e.tagId, window)).total >= (e.candidateMinRecords ?? 1)) out.push(userId);
  }
  return out;
}
