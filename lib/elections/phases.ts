import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { notifyTagChannel } from "@/lib/slack/notify";
import { closeAndCount, notifyCountFailed } from "./close";
import { compactBallots, oweCompaction } from "./compaction";
import { electionLink, loadElection, lockElection, recordPhase, requireOfficer, type Mover } from "./context";
import { computeRoll, prospectiveCandidates } from "./load-eligibility";
import { endorsementStanding } from "./nominations";
import type { CancelElectionInput, MovePhaseInput, Phase } from "./schemas";

/**
 * Phases move on the clock (the sweep below) or by an officer with a reason: draft ->
 * nominations (rules freeze) -> voting (the roll freezes) -> closed -> tallied (the count) ->
 * approved (TOC) -> published. Every move is a compare-and-swap on the phase, so the sweep and an
 * officer acting at once make one move.
 */

async function notifyAll(
  userIds: Iterable<string>,
  n: { kind: string; title: string; body: string; link: string },
  key: string,
  at: Date,
) {
  for (const userId of new Set(userIds)) await notify({ userId, ...n, dedupeKey: `${key}:${userId}` }, at);
}

/** draft -> nominations: the rules freeze; people who may stand hear of it. */
export async function openNominations(electionId: string, m: Mover): Promise<boolean> {
  const moved = await db.$transaction(async (tx) => {
    const done = await tx.election.updateMany({
      where: { id: electionId, phase: "draft" },
      data: { phase: "nominations", rulesFrozenAt: m.at, updatedAt: m.at },
    });
    if (done.count !== 1) return false;
    const e = await tx.election.findUniqueOrThrow({ where: { id: electionId }, select: { tagId: true } });
    await recordPhase(tx, m, { id: electionId, tagId: e.tagId }, "draft", { phase: "nominations", rulesFrozen: true });
    return true;
  });
  if (!moved) return false;
  const e = (await loadElection(electionId))!;
  await notifyAll(
    await prospectiveCandidates(e, m.at),
    {
      kind: "election.nominations-open",
      title: `Nominations are open: ${e.title}`,
      body: `You may stand in ${e.title} (${e.tag.name}). Nominations close ${e.nominationsCloseAt.toISOString()}.`,
      link: electionLink(e.id),
    },
    `election-nominations:${e.id}`,
    m.at,
  );
  return true;
}

/**
 * nominations -> voting: nominations without the endorsements the rules ask for stop standing
 * (status `unendorsed`), the voter roll is fixed, and everyone on it hears that voting opened.
 */
export async function openVoting(electionId: string, m: Mover): Promise<boolean> {
  const before = await loadElection(electionId);
  if (!before || before.phase !== "nominations") return false;
  const roll = await computeRoll(before);
  const moved = await db.$transaction(async (tx) => {
    const locked = await lockElection(tx, electionId, "update");
    if (locked.phase !== "nominations") return false;
    const e = await tx.election.findUniqueOrThrow({ where: { id: electionId } });
    let unendorsed: string[] = [];
    if (e.endorsementsRequired > 0) {
      const noms = await tx.nomination.findMany({
        where: { electionId, status: "active" },
        select: { id: true, endorsements: { select: { employer: true } } },
      });
      unendorsed = noms.filter((n) => !endorsementStanding(e, n.endorsements).met).map((n) => n.id);
      if (unendorsed.length)
        await tx.nomination.updateMany({ where: { id: { in: unendorsed } }, data: { status: "unendorsed" } });
    }
    await tx.electionVoter.createMany({
      data: roll.map((r) => ({ electionId, userId: r.userId, source: r.source })),
      skipDuplicates: true,
    });
    // Exceptions granted while the roll was being computed (deciding one locks this row too).
    const granted = await tx.electionException.findMany({
      where: { electionId, kind: "vote", status: "granted" },
      select: { userId: true },
    });
    await tx.electionVoter.createMany({
      data: granted.map((g) => ({ electionId, userId: g.userId, source: "exception" })),
      skipDuplicates: true,
    });
    await tx.election.update({ where: { id: electionId }, data: { phase: "voting", updatedAt: m.at } });
    await recordPhase(tx, m, { id: electionId, tagId: e.tagId }, "nominations", {
      phase: "voting",
      roll: await tx.electionVoter.count({ where: { electionId } }),
      unendorsed,
    });
    return true;
  });
  if (!moved) return false;
  const voters = await db.electionVoter.findMany({ where: { electionId }, select: { userId: true } });
  await notifyAll(
    voters.map((v) => v.userId),
    {
      kind: "election.voting-open",
      title: `Voting is open: ${before.title}`,
      body: `Rank the candidates of ${before.title} (${before.tag.name}) before ${before.votingCloseAt.toISOString()}.`,
      link: `${electionLink(electionId)}/vote`,
    },
    `election-voting:${electionId}`,
    m.at,
  );
  return true;
}

const NEXT: Partial<Record<Phase, Phase>> = {
  draft: "nominations",
  nominations: "voting",
  voting: "closed",
  closed: "tallied",
};

/**
 * An officer moves the election to the next phase, with a reason (`closed` also counts;
 * `tallied` re-counts an election the TOC sent back). Approval and publication have their own
 * functions.
 */
export async function moveElectionPhase(actor: Actor | null, input: MovePhaseInput): Promise<{ phase: Phase }> {
  const { actor: a, election } = await requireOfficer(actor, input.electionId);
  const at = await now();
  if (input.to === "approved") throw new AppError("CONFLICT", "A TOC member approves the result; officers cannot.");
  if (input.to === "published") throw new AppError("CONFLICT", "Publish an approved result with publishElection.");
  if (NEXT[election.phase] !== input.to) {
    throw new AppError(
      "CONFLICT",
      NEXT[election.phase]
        ? `This election can only move on to ${NEXT[election.phase]}.`
        : "Officers cannot move this election further.",
    );
  }
  const m = { actorId: a.id, reason: input.reason, at };
  let moved = false;
  if (input.to === "nominations") moved = await openNominations(election.id, m);
  else if (input.to === "voting") moved = await openVoting(election.id, m);
  else {
    await closeAndCount(election.id, { actorId: a.id, reason: input.reason, at });
    return { phase: "tallied" };
  }
  if (!moved) throw new AppError("CONFLICT", "The election moved on meanwhile. Reload and try again.");
  return { phase: input.to };
}

/**
 * The clock-driven sweep: opens nominations and voting and closes voting when their times come;
 * an election left `closed` by a close that did not finish is closed again. An election whose
 * times all passed at once (the demo clock jumped) moves through each phase in one run. A failed
 * close or count is logged and told to the officers and the TOC, without anything from the ballots.
 */
export async function advanceElectionPhases(at: Date): Promise<number> {
  let moves = 0;
  for (let round = 0; round < 4; round++) {
    const due = await db.election.findMany({
      where: {
        OR: [
          { phase: "draft", nominationsOpenAt: { lte: at } },
          { phase: "nominations", votingOpenAt: { lte: at }, nominationsCloseAt: { lte: at } },
          { phase: "voting", votingCloseAt: { lte: at } },
          // Closed, but closing did not finish (CLUSTER failed): close again until it does.
          { phase: "closed", ballotsCompactedAt: null },
        ],
      },
      select: { id: true, phase: true },
      take: 100,
    });
    if (due.length === 0) break;
    let progressed = 0;
    for (const e of due) {
      const m = { actorId: null, at };
      try {
        if (e.phase === "draft") progressed += (await openNominations(e.id, m)) ? 1 : 0;
        else if (e.phase === "nominations") progressed += (await openVoting(e.id, m)) ? 1 : 0;
        else {
          await closeAndCount(e.id, { at });
          progressed++;
        }
      } catch (err) {
        console.error(
          `election ${e.id}: could not leave ${e.phase}: ${err instanceof Error ? err.message : String(err)}`,
        );
        if (e.phase === "voting" || e.phase === "closed") await notifyCountFailed(e.id, err, at);
      }
    }
    moves += progressed;
    if (progressed === 0) break;
  }
  return moves;
}

/** Phases an officer may cancel from: before the count (a counted result goes to the TOC instead). */
const CANCELLABLE: readonly string[] = ["draft", "nominations", "voting", "closed"];

/**
 * An officer cancels an election, with a reason: its ballots are destroyed in the same
 * transaction (and the table compacted, as at close, so no copy lingers), the phase becomes
 * `cancelled` so no sweep moves it again, and the officers, candidates and voters on the roll hear
 * why. Participation rows stay: who voted was never secret, what they chose is gone.
 */
export async function cancelElection(
  actor: Actor | null,
  input: CancelElectionInput,
): Promise<{ phase: "cancelled"; ballotsDestroyed: number }> {
  const { actor: a, election } = await requireOfficer(actor, input.electionId);
  const at = await now();
  if (!CANCELLABLE.includes(election.phase))
    throw new AppError(
      "CONFLICT",
      election.phase === "cancelled"
        ? "This election was already cancelled."
        : "A counted election cannot be cancelled: the TOC decides its result.",
    );
  const destroyed = await db.$transaction(async (tx) => {
    const locked = await lockElection(tx, election.id, "update");
    if (!CANCELLABLE.includes(locked.phase))
      throw new AppError("CONFLICT", "The election moved on meanwhile. Reload and try again.");
    const gone = await tx.ballot.deleteMany({ where: { electionId: election.id } });
    if (gone.count > 0) await oweCompaction(tx, at);
    await tx.election.update({
      where: { id: election.id },
      data: { phase: "cancelled", cancelledAt: at, cancelReason: input.reason, updatedAt: at },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "election.cancel",
      subjectType: "Election",
      subjectId: election.id,
      tagId: election.tagId,
      before: { phase: locked.phase },
      after: { phase: "cancelled", reason: input.reason, ballotsDestroyed: gone.count },
    });
    const event = { kind: "election.phase", electionId: election.id, phase: "cancelled" } as const;
    await notifyTagChannel(tx, election.tagId, event, at);
    return gone.count;
  });
  if (destroyed > 0) await compactBallots();
  const [candidates, voters] = await Promise.all([
    db.nomination.findMany({ where: { electionId: election.id }, select: { userId: true } }),
    db.electionVoter.findMany({ where: { electionId: election.id }, select: { userId: true } }),
  ]);
  await notifyAll(
    [...election.officers, ...candidates, ...voters].map((x) => x.userId),
    {
      kind: "election.cancelled",
      title: `Cancelled: ${election.title}`,
      body: `The officers cancelled ${election.title} (${election.tag.name}): ${input.reason}`,
      link: electionLink(election.id),
    },
    `election-cancelled:${election.id}`,
    at,
  );
  return { phase: "cancelled", ballotsDestroyed: destroyed };
}
