import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { activatePendingSeat, closePendingSeat } from "./appointments";
import { appointByKind } from "./roster";
import { EMERITUS_PREFIX } from "./seats";
import type { AppointLeaderInput, DecideChangeInput, RequestEndInput } from "./schemas";
import { roleName, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";

/**
 * A TAG's lead (or an admin) appoints a chair or tech lead: an appointment to the TAG's Chair or
 * Tech Lead role, through the one appointment path (pending until the TOC decides; nobody appoints
 * themselves).
 */
export async function appointLeader(actor: Actor | null, input: AppointLeaderInput) {
  return appointByKind(actor, input);
}

/** A lead asks to end a seat; a TOC member's approval ends it. Nobody removes themselves. */
export async function requestEndOfSeat(actor: Actor | null, input: RequestEndInput) {
  const seat = await db.roleAssignment.findUnique({
    where: { id: input.assignmentId },
    select: { id: true, tagId: true, userId: true, status: true, endRequestedAt: true },
  });
  const subject = { subjectType: "RoleAssignment", subjectId: input.assignmentId, tagId: seat?.tagId ?? null };
  const a = await requirePermission(actor, "roster.appoint", subject);
  if (!seat) throw new AppError("NOT_FOUND", "That seat does not exist.");
  if (seat.userId === a.id)
    await refuseByGuard(a, "roster.appoint", subject, "Nobody removes themselves; step down through another lead.");
  if (seat.status !== "active" && seat.status !== "on_leave")
    throw new AppError("CONFLICT", "Only a held seat can be ended.");
  const at = await now();
  return db.$transaction(async (tx) => {
    const { count } = await tx.roleAssignment.updateMany({
      where: { id: seat.id, status: { in: [...SITTING_SEAT_STATUSES] }, endRequestedAt: null },
      data: { endRequestedById: a.id, endRequestedAt: at, endReason: input.reason },
    });
    if (count === 0) throw new AppError("CONFLICT", "An end of this seat is already awaiting approval.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "roster.end-request",
      subjectType: "RoleAssignment",
      subjectId: seat.id,
      tagId: seat.tagId,
      after: { reason: input.reason },
    });
    return { id: seat.id };
  });
}

/**
 * A TOC member approves or rejects a pending appointment or end. Exactly one decision wins a
 * race (compare-and-swap on the expected state); nobody decides a change about themselves.
 */
export async function decideLeadershipChange(actor: Actor | null, input: DecideChangeInput) {
  const seat = await db.roleAssignment.findUnique({
    where: { id: input.assignmentId },
    select: {
      id: true,
      tagId: true,
      userId: true,
      kind: true,
      status: true,
      endRequestedAt: true,
      endReason: true,
      renewRequestedAt: true,
      renewTermEndAt: true,
      roleDefinition: { select: { name: true } },
      tag: { select: { name: true, slug: true } },
    },
  });
  const subject = { subjectType: "RoleAssignment", subjectId: input.assignmentId, tagId: seat?.tagId ?? null };
  const a = await requirePermission(actor, "leadership.approve", subject);
  if (!seat) throw new AppError("NOT_FOUND", "That change does not exist.");
  if (seat.userId === a.id)
    await refuseByGuard(a, "leadership.approve", subject, "Nobody approves a change to their own seat.");
  const at = await now();
  const approve = input.decision === "approve";
  const result = await db.$transaction(async (tx) => {
    let change: "appointment" | "end" | "renewal";
    let count: number;
    if (seat.status === "pending") {
      change = "appointment";
      // The seat rules are checked again on approval (another seat may have been filled meanwhile).
      if (approve) await activatePendingSeat(tx, seat.id, { id: a.id, at });
      else await closePendingSeat(tx, seat.id, { id: a.id, at, reason: input.note ?? "Not approved by the TOC" });
      count = 1;
    } else if (seat.endRequestedAt && (seat.status === "active" || seat.status === "on_leave")) {
      change = "end";
      ({ count } = await tx.roleAssignment.updateMany({
        where: { id: seat.id, status: seat.status, endRequestedAt: { not: null } },
        data: approve
          ? {
              status: seat.endReason?.startsWith(EMERITUS_PREFIX) ? "emeritus" : "ended",
              endedAt: at,
              decidedById: a.id,
              decidedAt: at,
            }
          : { endRequestedAt: null, endRequestedById: null, endReason: null },
      }));
    } else if (
      seat.renewRequestedAt &&
      seat.renewTermEndAt &&
      (seat.status === "active" || seat.status === "on_leave")
    ) {
      change = "renewal";
      const cleared = { renewRequestedAt: null, renewRequestedById: null, renewTermEndAt: null };
      ({ count } = await tx.roleAssignment.updateMany({
        where: { id: seat.id, status: seat.status, renewRequestedAt: { not: null } },
        data: approve ? { ...cleared, termEndAt: seat.renewTermEndAt, decidedById: a.id, decidedAt: at } : cleared,
      }));
    } else {
      throw new AppError("CONFLICT", "This change was already decided.");
    }
    if (count === 0) throw new AppError("CONFLICT", "This change was already decided.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: approve ? "leadership.approve" : "leadership.reject",
      subjectType: "RoleAssignment",
      subjectId: seat.id,
      tagId: seat.tagId,
      before: { status: seat.status, change },
      after: { decision: input.decision, note: input.note ?? null },
    });
    return { change };
  });
  const verb = approve ? "approved" : "rejected";
  await notify(
    {
      userId: seat.userId,
      kind: `leadership.${verb}`,
      title: `${roleName(seat.kind, seat.roleDefinition?.name)} ${result.change === "end" ? "end" : result.change === "renewal" ? "renewal" : "appointment"} ${verb} in ${seat.tag.name}`,
      link: `/tags/${seat.tag.slug}`,
    },
    at,
  );
  return { id: seat.id, decision: input.decision, change: result.change };
}
