import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { EMERITUS_PREFIX } from "./seats";
import type { AppointLeaderInput, DecideChangeInput, RequestEndInput } from "./schemas";
import { addMonths, roleName, SEAT_TAKEN_STATUSES, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";

/**
 * A TAG's lead (or an admin) appoints a chair or tech lead. The seat is `pending` until a TOC
 * member approves (docs/permissions.md, "Guards"); nobody appoints themselves.
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
    return { id: seat.id, status: "pending" as const };
  });
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
      ({ count } = await tx.roleAssignment.updateMany({
        where: { id: seat.id, status: "pending" },
        data: approve
          ? { status: "active", startAt: at, decidedById: a.id, decidedAt: at }
          : { status: "rejected", decidedById: a.id, decidedAt: at },
      }));
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
