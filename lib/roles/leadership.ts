import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { openSeatDecision } from "@/lib/decisions/decisions";
import type { AppointLeaderInput, RequestEndInput } from "./schemas";
import { addMonths, SEAT_TAKEN_STATUSES, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";

/**
 * A TAG's lead (or an admin) appoints a chair or tech lead. The seat is `pending` until the TOC
 * approves it by vote (a decision opens in the same transaction); nobody appoints themselves.
 */
export async function appointLeader(actor: Actor | null, input: AppointLeaderInput) {
  const a = await requirePermission(actor, "roster.appoint", {
    subjectType: "Tag",
    subjectId: input.tagId,
    tagId: input.tagId,
  });
  const at = await now();
  const person = await db.user.findFirst({
    where: { login: { equals: input.login, mode: "insensitive" } },
    orderBy: { updatedAt: "desc" },
    select: { id: true, login: true, region: true },
  });
  if (!person)
    throw new AppError("NOT_FOUND", `Nobody with the GitHub login ${input.login} has a TAG Portal account yet.`, {
      login: ["No such person here yet"],
    });
  if (person.id === a.id)
    await refuseByGuard(
      a,
      "roster.appoint",
      { subjectType: "Tag", subjectId: input.tagId, tagId: input.tagId },
      "Nobody appoints themselves.",
    );
  const tag = await db.tag.findUnique({ where: { id: input.tagId }, select: { id: true, name: true, slug: true } });
  if (!tag) throw new AppError("NOT_FOUND", "That TAG does not exist.");
  return db.$transaction(async (tx) => {
    const open = await tx.roleAssignment.findFirst({
      where: { tagId: tag.id, userId: person.id, kind: input.kind, status: { in: [...SEAT_TAKEN_STATUSES] } },
      select: { id: true },
    });
    if (open) throw new AppError("CONFLICT", `@${person.login} already holds or awaits this seat.`);
    const seat = await tx.roleAssignment.create({
      data: {
        tagId: tag.id,
        userId: person.id,
        kind: input.kind,
        status: "pending",
        regionAtStart: person.region,
        termEndAt: addMonths(at, input.termMonths),
        decisionLink: input.decisionLink ?? null,
        requestedById: a.id,
        requestedAt: at,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "roster.appoint",
      subjectType: "RoleAssignment",
      subjectId: seat.id,
      tagId: tag.id,
      after: {
        userId: person.id,
        login: person.login,
        kind: input.kind,
        status: "pending",
        termMonths: input.termMonths,
        decisionLink: input.decisionLink ?? null,
      },
    });
    await openSeatDecision(tx, {
      kind: "appointment",
      assignmentId: seat.id,
      openedById: a.id,
      link: input.decisionLink ?? null,
    });
    return { id: seat.id, status: "pending" as const };
  });
}

/** A lead asks to end a seat; the TOC votes on it. Nobody removes themselves. */
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
    await openSeatDecision(tx, { kind: "seat-end", assignmentId: seat.id, openedById: a.id, body: input.reason });
    return { id: seat.id };
  });
}
