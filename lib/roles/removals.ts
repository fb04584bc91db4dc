import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { activityFor } from "@/lib/contributions/activity";
import { notify } from "@/lib/notify/send";
import { tallyRemoval } from "./removal-tally";
import type { CloseRemovalInput, OpenRemovalInput, RemovalVoteInput } from "./schemas";
import { lockAssignment } from "./seats";
import { addMonths, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";

/**
 * A TOC member opens a vote to remove an inactive leader. "Inactive" is the TAG's activity rule
 * (fewer than `activityMinRecords` records in the last `activityWindowMonths`, via activityFor).
 * One open proposal per seat.
 */
export async function openRemovalProposal(actor: Actor | null, input: OpenRemovalInput) {
  const seat = await db.roleAssignment.findUnique({
    where: { id: input.assignmentId },
    select: {
      id: true,
      tagId: true,
      userId: true,
      status: true,
      user: { select: { login: true } },
      tag: { select: { name: true, slug: true, activityMinRecords: true, activityWindowMonths: true } },
    },
  });
  const subject = { subjectType: "RoleAssignment", subjectId: input.assignmentId, tagId: seat?.tagId ?? null };
  const a = await requirePermission(actor, "leadership.remove-vote", subject);
  if (!seat) throw new AppError("NOT_FOUND", "That seat does not exist.");
  if (seat.userId === a.id)
    await refuseByGuard(a, "leadership.remove-vote", subject, "Nobody proposes their own removal.");
  if (seat.status !== "active" && seat.status !== "on_leave")
    throw new AppError("CONFLICT", "Only a held seat can be removed.");
  const at = await now();
  const activity = await activityFor(seat.userId, seat.tagId, {
    from: addMonths(at, -seat.tag.activityWindowMonths),
    to: at,
  });
  if (activity.total >= seat.tag.activityMinRecords) {
    throw new AppError(
      "CONFLICT",
      `@${seat.user.login} is active in ${seat.tag.name}: ${activity.total} contribution records in the last ${seat.tag.activityWindowMonths} months (the TAG's rule is at least ${seat.tag.activityMinRecords}).`,
    );
  }
  const proposal = await db.$transaction(async (tx) => {
    await lockAssignment(tx, seat.id);
    const open = await tx.removalProposal.findFirst({
      where: { assignmentId: seat.id, status: "open" },
      select: { id: true },
    });
    if (open) throw new AppError("CONFLICT", "A removal vote on this seat is already open.");
    const p = await tx.removalProposal.create({
      data: { assignmentId: seat.id, reason: input.reason, openedById: a.id, openedAt: at },
      select: { id: true },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "leadership.remove-open",
      subjectType: "RoleAssignment",
      subjectId: seat.id,
      tagId: seat.tagId,
      after: { proposalId: p.id, login: seat.user.login, reason: input.reason, activity: activity.total },
    });
    return p;
  });
  await notify(
    {
      userId: seat.userId,
      kind: "leadership.remove-open",
      title: `The TOC opened a vote on your seat in ${seat.tag.name}`,
      body: input.reason,
      link: `/tags/${seat.tag.slug}`,
    },
    at,
  );
  return proposal;
}

const proposalSelect = {
  id: true,
  status: true,
  assignment: {
    select: {
      id: true,
      tagId: true,
      userId: true,
      user: { select: { login: true } },
      tag: { select: { name: true, slug: true, removalSupermajority: true } },
    },
  },
} as const;

async function loadProposal(actor: Actor | null, proposalId: string) {
  const p = await db.removalProposal.findUnique({ where: { id: proposalId }, select: proposalSelect });
  const subject = { subjectType: "RemovalProposal", subjectId: proposalId, tagId: p?.assignment.tagId ?? null };
  const a = await requirePermission(actor, "leadership.remove-vote", subject);
  if (!p) throw new AppError("NOT_FOUND", "That removal vote does not exist.");
  if (p.assignment.userId === a.id)
    await refuseByGuard(a, "leadership.remove-vote", subject, "Nobody votes on their own removal.");
  return { a, p };
}

type Proposal = Awaited<ReturnType<typeof loadProposal>>["p"];

/** Decides an open proposal inside `tx` (the proposal row is locked): passing ends the seat. */
async function decide(tx: Tx, a: Actor, p: Proposal, at: Date) {
  const votes = await tx.removalVote.findMany({ where: { proposalId: p.id }, select: { inFavor: true } });
  const t = tallyRemoval(votes, p.assignment.tag.removalSupermajority);
  await tx.removalProposal.update({
    where: { id: p.id },
    data: { status: t.passed ? "passed" : "failed", closedAt: at },
  });
  if (t.passed) {
    await tx.roleAssignment.updateMany({
      where: { id: p.assignment.id, status: { in: [...SITTING_SEAT_STATUSES] } },
      data: { status: "ended", endedAt: at, endReason: "Removed by a TOC vote", decidedById: a.id, decidedAt: at },
    });
  }
  await recordAudit(tx, {
    at,
    actorId: a.id,
    action: t.passed ? "leadership.remove-passed" : "leadership.remove-failed",
    subjectType: "RoleAssignment",
    subjectId: p.assignment.id,
    tagId: p.assignment.tagId,
    after: {
      proposalId: p.id,
      login: p.assignment.user.login,
      inFavor: t.inFavor,
      against: t.against,
      explanation: t.explanation,
    },
  });
  return t;
}

async function lockOpenProposal(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<
    { status: string }[]
  >`SELECT status::text AS status FROM "RemovalProposal" WHERE id = ${id}::uuid FOR UPDATE`;
  if (rows[0]?.status !== "open") throw new AppError("CONFLICT", "This removal vote is closed.");
}

/**
 * A TOC member votes once (the primary key settles doubles). When every TOC member who may vote
 * has voted, the proposal is decided at once.
 */
export async function castRemovalVote(actor: Actor | null, input: RemovalVoteInput) {
  const { a, p } = await loadProposal(actor, input.proposalId);
  const at = await now();
  return db.$transaction(async (tx) => {
    await lockOpenProposal(tx, p.id);
    const mine = await tx.removalVote.findUnique({
      where: { proposalId_userId: { proposalId: p.id, userId: a.id } },
      select: { inFavor: true },
    });
    if (mine) throw new AppError("CONFLICT", "You already voted on this removal.");
    await tx.removalVote.create({ data: { proposalId: p.id, userId: a.id, inFavor: input.inFavor, castAt: at } });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "leadership.remove-vote",
      subjectType: "RemovalProposal",
      subjectId: p.id,
      tagId: p.assignment.tagId,
      after: { inFavor: input.inFavor },
    });
    const [cast, electorate] = await Promise.all([
      tx.removalVote.count({ where: { proposalId: p.id } }),
      tx.user.count({ where: { isTocMember: true, id: { not: p.assignment.userId } } }),
    ]);
    const outcome = cast >= electorate ? await decide(tx, a, p, at) : null;
    return { proposalId: p.id, decided: outcome ? (outcome.passed ? ("passed" as const) : ("failed" as const)) : null };
  });
}

/** A TOC member closes the vote: it passes with the quorum and the TAG's supermajority, else fails. */
export async function closeRemovalProposal(actor: Actor | null, input: CloseRemovalInput) {
  const { a, p } = await loadProposal(actor, input.proposalId);
  const at = await now();
  return db.$transaction(async (tx) => {
    await lockOpenProposal(tx, p.id);
    const t = await decide(tx, a, p, at);
    return { proposalId: p.id, passed: t.passed, explanation: t.explanation };
  });
}
