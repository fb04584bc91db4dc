import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import type { LeaveInput } from "./schemas";
import { lockAssignment } from "./seats";
import { DAY, isoDay } from "@/lib/vocabulary";
/** CNCF rule: a leave of a month or more needs cover arranged. */
export const COVER_NEEDED_FROM_DAYS = 30;

/**
 * Records a leave of absence on a seat: the holder for their own seat (`checkin.log` covers own
 * leaves), a lead of the TAG or an admin for anyone's (`roster.manage`). Overlapping leaves are
 * refused; the seat shows "on leave" while a leave includes today (derived at read time).
 */
export async function recordLeave(actor: Actor | null, input: LeaveInput) {
  const seat = await db.roleAssignment.findUnique({
    where: { id: input.assignmentId },
    select: { id: true, tagId: true, userId: true, status: true, user: { select: { login: true } } },
  });
  const subject = { subjectType: "RoleAssignment", subjectId: input.assignmentId, tagId: seat?.tagId ?? null };
  const own = !!actor && !!seat && seat.userId === actor.id;
  const a = await requirePermission(actor, own ? "checkin.log" : "roster.manage", subject);
  if (!seat) throw new AppError("NOT_FOUND", "That seat does not exist.");
  if (seat.status !== "active" && seat.status !== "on_leave")
    throw new AppError("CONFLICT", "Only a held seat can have a leave.");
  const from = new Date(`${input.from}T00:00:00Z`);
  const to = new Date(`${input.to}T00:00:00Z`);
  if (to < from)
    throw new AppError("INVALID", "The leave ends before it starts.", { to: ["The leave ends before it starts"] });
  let cover: { id: string; login: string } | null = null;
  if (input.coverLogin) {
    cover = await db.user.findFirst({
      where: { login: { equals: input.coverLogin, mode: "insensitive" } },
      orderBy: { updatedAt: "desc" },
      select: { id: true, login: true },
    });
    if (!cover)
      throw new AppError(
        "NOT_FOUND",
        `Nobody with the GitHub login ${input.coverLogin} has a TAG Portal account yet.`,
        { coverLogin: ["No such person here yet"] },
      );
    if (cover.id === seat.userId)
      throw new AppError("INVALID", "Cover must be someone else.", { coverLogin: ["Cover must be someone else"] });
  }
  const days = Math.round((to.getTime() - from.getTime()) / DAY) + 1;
  if (days >= COVER_NEEDED_FROM_DAYS && !cover) {
    throw new AppError("INVALID", `A leave of ${COVER_NEEDED_FROM_DAYS} days or more needs cover arranged.`, {
      coverLogin: ["Say who covers"],
    });
  }
  const at = await now();
  return db.$transaction(async (tx) => {
    await lockAssignment(tx, seat.id);
    const clash = await tx.leave.findFirst({
      where: { assignmentId: seat.id, from: { lte: to }, to: { gte: from } },
      select: { from: true, to: true },
    });
    if (clash) {
      throw new AppError(
        "CONFLICT",
        `This leave overlaps the leave from ${isoDay(clash.from)} to ${isoDay(clash.to)}.`,
      );
    }
    const leave = await tx.leave.create({
      data: {
        assignmentId: seat.id,
        from,
        to,
        note: input.note,
        coverUserId: cover?.id ?? null,
        createdById: a.id,
        createdAt: at,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: own ? "roster.leave-own" : "roster.leave",
      subjectType: "RoleAssignment",
      subjectId: seat.id,
      tagId: seat.tagId,
      after: {
        leaveId: leave.id,
        login: seat.user.login,
        from: input.from,
        to: input.to,
        note: input.note,
        cover: cover?.login ?? null,
      },
    });
    return { id: leave.id };
  });
}
