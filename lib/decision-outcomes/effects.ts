import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/actions";
import type { DecisionKind as DbDecisionKind } from "@/lib/generated/prisma/enums";
import type { NotificationInput } from "@/lib/notify/send";
import { AppError } from "@/lib/errors";
import { activatePendingSeat, closePendingSeat } from "@/lib/roles/appointments";
import { EMERITUS_PREFIX, seatSummarySelect } from "@/lib/roles/seats";
import { roleName, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";
import { seatElectionResult, sendBackElectionResult } from "@/lib/elections/results";
import { decisionLink } from "@/lib/decisions/decisions";

/**
 * What a closed decision does, by kind, inside the transaction that closes it. Approval activates
 * a pending seat, ends a seat (an end request or a removal), applies a renewal, or seats an
 * election's winners; refusal rejects the pending seat, drops the request, or sends the result back.
 * When the subject is no longer in the state the decision was about (a lead cancelled the
 * appointment meanwhile), nothing changes and the decision says so. Returns the notices to send
 * once the transaction has committed.
 */
export interface ClosedDecision {
  id: string;
  kind: DbDecisionKind;
  tagId: string;
  subjectId: string;
  title: string;
  externalLink: string | null;
}

export interface EffectResult {
  /** What happened to the subject, in words (kept on the decision). */
  applied: string;
  notices: NotificationInput[];
}

type Effect = (
  tx: Tx,
  d: ClosedDecision,
  approved: boolean,
  ctx: { at: Date; actorId: string | null },
) => Promise<EffectResult>;

const seatSelect = {
  ...seatSummarySelect,
  startAt: true,
  decisionLink: true,
  requestedById: true,
  endRequestedAt: true,
  endRequestedById: true,
  endReason: true,
  renewRequestedAt: true,
  renewRequestedById: true,
  renewTermEndAt: true,
} as const;

type Seat = NonNullable<Awaited<ReturnType<typeof loadSeat>>>;

function loadSeat(tx: Tx, id: string) {
  return tx.roleAssignment.findUnique({ where: { id }, select: seatSelect });
}

/** The link a seat keeps as the record of its decision: the outside vote, else the decision page. */
function recordLink(d: ClosedDecision): string {
  return d.externalLink ?? `${env().NEXTAUTH_URL.replace(/\/$/, "")}${decisionLink(d.id)}`;
}

function seatNotices(seat: Seat, d: ClosedDecision, title: string, also: (string | null)[]): NotificationInput[] {
  const ids = [...new Set([seat.userId, ...also.filter((u): u is string => !!u)])];
  return ids.map((userId) => ({
    userId,
    kind: "decision.closed",
    title,
    link: decisionLink(d.id),
    dedupeKey: `decision-closed:${d.id}:${userId}`,
  }));
}

const nothing = (why: string): EffectResult => ({ applied: `Nothing changed: ${why}`, notices: [] });

/**
 * The end of every seat decision (appointment, end, renewal, removal): the seat's audit entry, what
 * happened in words, and a notice to the holder and to whoever asked for the change.
 */
async function settleSeat(
  tx: Tx,
  seat: Seat,
  d: ClosedDecision,
  approved: boolean,
  { at, actorId }: { at: Date; actorId: string | null },
  outcome: {
    /** A removal vote has actions of its own; every other change is approved or rejected. */
    action?: AuditAction;
    before?: Record<string, string | null>;
    after: Record<string, string | null>;
    applied: string;
    title: string;
    askedBy: string | null;
  },
): Promise<EffectResult> {
  await recordAudit(tx, {
    at,
    actorId,
    action: outcome.action ?? (approved ? "leadership.approve" : "leadership.reject"),
    subjectType: "RoleAssignment",
    subjectId: seat.id,
    tagId: seat.tagId,
    before: outcome.before,
    after: { ...outcome.after, decisionId: d.id },
  });
  return { applied: outcome.applied, notices: seatNotices(seat, d, outcome.title, [outcome.askedBy]) };
}

const appointment: Effect = async (tx, d, approved, ctx) => {
  const { at, actorId } = ctx;
  const seat = await loadSeat(tx, d.subjectId);
  if (!seat || seat.status !== "pending") return nothing("the appointment is no longer pending.");
  // The one way a pending seat is held or refused (lib/roles/appointments.ts): on approval the
  // seat rules are checked again against the seats held now (a refusal blocks the decision).
  if (approved) await activatePendingSeat(tx, seat.id, { id: actorId, at });
  else await closePendingSeat(tx, seat.id, { id: actorId, at, reason: "Not approved by the TOC" });
  if (approved && !seat.decisionLink)
    await tx.roleAssignment.update({ where: { id: seat.id }, data: { decisionLink: recordLink(d) } });
  const role = roleName(seat.kind, seat.roleDefinition?.name);
  return settleSeat(tx, seat, d, approved, ctx, {
    before: { status: "pending", change: "appointment" },
    after: { status: approved ? "active" : "rejected" },
    applied: approved ? `@${seat.user.login} is now ${role}.` : `The appointment of @${seat.user.login} was rejected.`,
    title: `${role} appointment ${approved ? "approved" : "not approved"} in ${seat.tag.name}: @${seat.user.login}`,
    askedBy: seat.requestedById,
  });
};

const seatEnd: Effect = async (tx, d, approved, ctx) => {
  const { at, actorId } = ctx;
  const seat = await loadSeat(tx, d.subjectId);
  if (!seat || !seat.endRequestedAt || !(SITTING_SEAT_STATUSES as readonly string[]).includes(seat.status))
    return nothing("no end of this seat is awaiting the TOC.");
  const to = seat.endReason?.startsWith(EMERITUS_PREFIX) ? "emeritus" : "ended";
  await tx.roleAssignment.update({
    where: { id: seat.id },
    data: approved
      ? { status: to, endedAt: at, decidedById: actorId, decidedAt: at }
      : { endRequestedAt: null, endRequestedById: null, endReason: null },
  });
  const role = roleName(seat.kind, seat.roleDefinition?.name);
  return settleSeat(tx, seat, d, approved, ctx, {
    before: { status: seat.status, change: "end" },
    after: { status: approved ? to : seat.status },
    applied: approved ? `The seat of @${seat.user.login} ended (${to}).` : `@${seat.user.login} keeps the seat.`,
    title: `End of @${seat.user.login}'s ${role} seat ${approved ? "approved" : "not approved"} in ${seat.tag.name}`,
    askedBy: seat.endRequestedById,
  });
};

const renewal: Effect = async (tx, d, approved, ctx) => {
  const { at, actorId } = ctx;
  const seat = await loadSeat(tx, d.subjectId);
  if (
    !seat ||
    !seat.renewRequestedAt ||
    !seat.renewTermEndAt ||
    !(SITTING_SEAT_STATUSES as readonly string[]).includes(seat.status)
  )
    return nothing("no renewal of this seat is awaiting the TOC.");
  const cleared = { renewRequestedAt: null, renewRequestedById: null, renewTermEndAt: null };
  await tx.roleAssignment.update({
    where: { id: seat.id },
    data: approved ? { ...cleared, termEndAt: seat.renewTermEndAt, decidedById: actorId, decidedAt: at } : cleared,
  });
  const role = roleName(seat.kind, seat.roleDefinition?.name);
  return settleSeat(tx, seat, d, approved, ctx, {
    before: { change: "renewal" },
    after: { termEndAt: approved ? seat.renewTermEndAt.toISOString() : null },
    applied: approved
      ? `The term of @${seat.user.login} now ends ${seat.renewTermEndAt.toISOString().slice(0, 10)}.`
      : `The term of @${seat.user.login} is unchanged.`,
    title: `Renewal of @${seat.user.login} as ${role} ${approved ? "approved" : "not approved"} in ${seat.tag.name}`,
    askedBy: seat.renewRequestedById,
  });
};

/** A role change marked as needing the TOC: whichever change of the seat is waiting. */
const roleChange: Effect = async (tx, d, approved, ctx) => {
  const seat = await loadSeat(tx, d.subjectId);
  if (seat?.status === "pending") return appointment(tx, d, approved, ctx);
  if (seat?.endRequestedAt) return seatEnd(tx, d, approved, ctx);
  if (seat?.renewRequestedAt) return renewal(tx, d, approved, ctx);
  return nothing("no change of this seat is awaiting the TOC.");
};

const removal: Effect = async (tx, d, approved, ctx) => {
  const { at, actorId } = ctx;
  const seat = await loadSeat(tx, d.subjectId);
  if (!seat) return nothing("the seat no longer exists.");
  const role = roleName(seat.kind, seat.roleDefinition?.name);
  let applied = `@${seat.user.login} keeps the seat.`;
  if (approved) {
    const { count } = await tx.roleAssignment.updateMany({
      where: { id: seat.id, status: { in: [...SITTING_SEAT_STATUSES] } },
      data: { status: "ended", endedAt: at, endReason: "Removed by a TOC vote", decidedById: actorId, decidedAt: at },
    });
    applied = count ? `The seat of @${seat.user.login} ended.` : "Nothing changed: the seat had already ended.";
  }
  return settleSeat(tx, seat, d, approved, ctx, {
    action: approved ? "leadership.remove-passed" : "leadership.remove-failed",
    after: { login: seat.user.login },
    applied,
    title: `The TOC vote to remove @${seat.user.login} as ${role} of ${seat.tag.name}: ${approved ? "passed" : "did not pass"}`,
    askedBy: null,
  });
};

const EFFECTS: Record<DbDecisionKind, Effect> = {
  appointment,
  role_change: roleChange,
  seat_end: seatEnd,
  renewal,
  removal,
  // Approval seats the winners through the one appointment path; a "no" sends the count back to the officers.
  election_result: (tx, d, approved, ctx) =>
    approved ? seatElectionResult(tx, d.subjectId, ctx) : sendBackElectionResult(tx, d.subjectId, ctx),
};

/**
 * Applies a closed decision's effect. The effect runs under a savepoint: when the change is refused
 * (a seat cap reached since the vote opened) nothing of it stays, the decision still closes, and an
 * approval that could not take effect says why in `blocked` (kept on the decision, the people who
 * asked for it told) so that it never waits silently.
 */
export async function applyEffect(
  tx: Tx,
  d: ClosedDecision,
  approved: boolean,
  ctx: { at: Date; actorId: string | null },
): Promise<EffectResult & { blocked: string | null }> {
  await tx.$executeRawUnsafe("SAVEPOINT decision_effect");
  try {
    const r = await EFFECTS[d.kind](tx, d, approved, ctx);
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT decision_effect");
    return { ...r, blocked: null };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT decision_effect");
    if (!approved) return { ...nothing(e.message), blocked: null };
    return {
      applied: `Approved, but it could not take effect: ${e.message}`,
      blocked: e.message,
      notices: await blockedNotices(tx, d, e.message),
    };
  }
}

/**
 * Who hears that an approval could not take effect: who opened the decision, and the person whose
 * seat it is (a seat decision) or the election's officers (a result).
 */
async function blockedNotices(tx: Tx, d: ClosedDecision, why: string): Promise<NotificationInput[]> {
  const row = await tx.decision.findUniqueOrThrow({ where: { id: d.id }, select: { openedById: true } });
  const seat = await tx.roleAssignment.findUnique({ where: { id: d.subjectId }, select: { userId: true } });
  const officers = await tx.electionOfficer.findMany({ where: { electionId: d.subjectId }, select: { userId: true } });
  const ids = new Set([row.openedById, seat?.userId, ...officers.map((o) => o.userId)].filter((u): u is string => !!u));
  return [...ids].map((userId) => ({
    userId,
    kind: "decision.blocked",
    title: `Approved but not in effect: ${d.title}`,
    body: why,
    link: decisionLink(d.id),
    dedupeKey: `decision-blocked:${d.id}:${userId}`,
  }));
}
