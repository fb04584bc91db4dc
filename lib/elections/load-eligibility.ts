import "server-only";
import { db, type Tx } from "@/lib/db";
import { activityFor } from "@/lib/contributions/activity";
import { requiredStepShortfall } from "@/lib/pathways/required-step";
import { LEAD_KINDS, SITTING_SEAT_STATUSES, type ActivityWindow } from "@/lib/vocabulary";
import {
  candidateVerdict,
  candidateWindow,
  countsCandidateRecords,
  countsVoterRecords,
  prospectiveCandidatesOf,
  rollOf,
  voterVerdict,
  voterWindow,
  type EligibilityRules,
  type Verdict,
} from "./eligibility";

/** Loads the facts the pure rules in ./eligibility.ts decide on, and asks them. */

const sittingLeaders = (tagId: string) => ({
  tagId,
  status: { in: [...SITTING_SEAT_STATUSES] },
  kind: { in: [...LEAD_KINDS] },
});

const granted = (client: Tx, electionId: string, userId: string, kind: "vote" | "stand") =>
  client.electionException.count({ where: { electionId, userId, kind, status: "granted" } });

/** Whether `userId` may vote, as of `at`. */
export async function voterVerdictOf(e: EligibilityRules, userId: string, at: Date, client: Tx = db): Promise<Verdict> {
  const [row, exceptions, seats, activity] = await Promise.all([
    client.electionVoter.findUnique({
      where: { electionId_userId: { electionId: e.id, userId } },
      select: { source: true },
    }),
    granted(client, e.id, userId, "vote"),
    e.votersIncludeLeaders ? client.roleAssignment.count({ where: { ...sittingLeaders(e.tagId), userId } }) : 0,
    countsVoterRecords(e) ? activityFor(userId, e.tagId, voterWindow(e, at)) : null,
  ]);
  return voterVerdict(e, {
    rollSource: row?.source ?? null,
    voteExceptionGranted: exceptions > 0,
    isLeader: seats > 0,
    records: activity?.total ?? 0,
  });
}

/** Whether `userId` may stand, as of `at`. */
export async function candidateVerdictOf(
  e: EligibilityRules & { roleKey?: string },
  userId: string,
  at: Date,
  client: Tx = db,
): Promise<Verdict> {
  const [exceptions, activity, shortfall] = await Promise.all([
    granted(client, e.id, userId, "stand"),
    countsCandidateRecords(e) ? activityFor(userId, e.tagId, candidateWindow(e, at)) : null,
    e.roleKey ? requiredStepShortfall(e.tagId, e.roleKey, userId, at) : null,
  ]);
  const verdict = candidateVerdict(e, { userId, standExceptionGranted: exceptions > 0, records: activity?.total ?? 0 });
  // A role may require a ladder step (lib/pathways); an exception to stand waives it as it waives the records.
  return verdict.eligible && verdict.via !== "exception" && shortfall
    ? { eligible: false, reason: shortfall }
    : verdict;
}

/** Counted records in a TAG over a window, for everyone with a record there (`activityFor` decides each). */
async function recordsIn(tagId: string, window: ActivityWindow): Promise<Map<string, number>> {
  const rows = await db.contributionRecord.findMany({
    // A deleted account's contributions still count for the TAG, but it votes in nothing.
    where: { tagId, occurredAt: { gte: window.from, lt: window.to }, user: { deletedAt: null } },
    select: { userId: true },
    distinct: ["userId"],
  });
  const out = new Map<string, number>();
  for (const { userId } of rows) out.set(userId, (await activityFor(userId, tagId, window)).total);
  return out;
}

/** The voter roll as the rules make it when voting opens. */
export async function computeRoll(e: EligibilityRules): Promise<{ userId: string; source: string }[]> {
  const [listed, leaders, records, exceptions] = await Promise.all([
    db.electionVoter.findMany({ where: { electionId: e.id }, select: { userId: true, source: true } }),
    e.votersIncludeLeaders
      ? db.roleAssignment.findMany({ where: sittingLeaders(e.tagId), select: { userId: true }, distinct: ["userId"] })
      : [],
    countsVoterRecords(e) ? recordsIn(e.tagId, voterWindow(e, e.votingOpenAt)) : new Map<string, number>(),
    db.electionException.findMany({
      where: { electionId: e.id, kind: "vote", status: "granted" },
      select: { userId: true },
    }),
  ]);
  return rollOf(e, {
    listed,
    leaders: leaders.map((l) => l.userId),
    records,
    granted: exceptions.map((g) => g.userId),
  });
}

/** Who may stand, as of `at` (for the notice that nominations opened). */
export async function prospectiveCandidates(e: EligibilityRules, at: Date): Promise<string[]> {
  if (!countsCandidateRecords(e)) return prospectiveCandidatesOf(e, { roll: await computeRoll(e), records: new Map() });
  return prospectiveCandidatesOf(e, { roll: [], records: await recordsIn(e.tagId, candidateWindow(e, at)) });
}
