import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requireSeat } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { findPersonByLogin } from "@/lib/people/resolve";
import type { CancelLeaveInput, LeaveInput, UpdateLeaveInput } from "./schemas";
import { lockAssignment, seatSummarySelect } from "./seats";
import { DAY, isoDay, roleName, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";
/** CNCF rule: a leave of a month or more needs cover arranged. */
export const COVER_NEEDED_FROM_DAYS = 30;

const seatSelect = {
  ...seatSummarySelect,
  roleDefinition: { select: { name: true, coverHasPowers: true } },
} as const;
type LeaveSeat = NonNullable<Awaited<ReturnType<typeof findSeat>>>;

function findSeat(id: string) {
  return db.roleAssignment.findUnique({ where: { id }, select: seatSelect });
}

/**
 * The holder acts on leaves of their own seat (`checkin.log` covers own leaves); a lead of the
 * TAG or an admin on anyone's (`roster.manage`). Returns the actor and whether it is their own.
 */
async function mayManageLeaves(actor: Actor | null, found: LeaveSeat | null, subjectId: string) {
  const own = !!actor && !!found && found.userId === actor.id;
  const { a, row: seat } = await requireSeat(actor, own ? "checkin.log" : "roster.manage", subjectId, found);
  if (!(SITTING_SEAT_STATUSES as readonly string[]).includes(seat.status))
    throw new AppError("CONFLICT", "Only a held seat can have a leave.");
  return { a, own };
}

/** The dates and the cover of a leave, checked: cover is someone else, found by GitHub identity. */
async function leaveTerms(seat: LeaveSeat, input: Omit<LeaveInput, "assignmentId">) {
  const from = new Date(`${input.from}T00:00:00Z`);
  const to = new Date(`${input.to}T00:00:00Z`);
  if (to < from)
    throw new AppError("INVALID", "The leave ends before it starts.", { to: ["The leave ends before it starts"] });
  const cover = input.coverLogin ? await findPersonByLogin(input.coverLogin, "coverLogin") : null;
  if (cover && cover.id === seat.userId)
    throw new AppError("INVALID", "Cover must be someone else.", { coverLogin: ["Cover must be someone else"] });
  const days = Math.round((to.getTime() - from.getTime()) / DAY) + 1;
  if (days >= COVER_NEEDED_FROM_DAYS && !cover) {
    throw new AppError("INVALID", `A leave of ${COVER_NEEDED_FROM_DAYS} days or more needs cover arranged.`, {
      coverLogin: ["Say who covers"],
    });
  }
  return { from, to, cover };
}

/** No two leaves of one seat overlap (`except`: the leave being edited). */
async function refuseOverlap(tx: Tx, seatId: string, from: Date, to: Date, except?: string) {
  const clash = await tx.leave.findFirst({
    where: { assignmentId: seatId, from: { lte: to }, to: { gte: from }, ...(except ? { id: { not: except } } : {}) },
    select: { from: true, to: true },
  });
  if (clash)
    throw new AppError("CONFLICT", `This leave overlaps the leave from ${isoDay(clash.from)} to ${isoDay(clash.to)}.`);
}

/** The person covering is told what they cover, and whether they hold the seat's powers meanwhile. */
async function tellCover(
  seat: LeaveSeat,
  coverId: string,
  what: "covers" | "no longer covers",
  span: { from: Date; to: Date },
  at: Date,
) {
  const role = roleName(seat.kind, seat.roleDefinition?.name);
  const powers = seat.roleDefinition?.coverHasPowers && what === "covers";
  await notify(
    {
      userId: coverId,
      kind: what === "covers" ? "roster.cover" : "roster.cover-ended",
      title:
        what === "covers"
          ? `You cover @${seat.user.login} (${role}, ${seat.tag.name}) from ${isoDay(span.from)} to ${isoDay(span.to)}`
          : `You no longer cover @${seat.user.login} (${role}, ${seat.tag.name})`,
      body: powers ? "You hold the seat's powers in the portal while the leave lasts." : "",
      link: `/tags/${seat.tag.slug}`,
    },
    at,
  );
}

/**
 * Records a leave of absence on a held seat. Overlapping leaves are refused; the seat shows "on
 * leave" while a leave includes today (derived at read time, `seatStatusAt`).
 */
export async function recordLeave(actor: Actor | null, input: LeaveInput) {
  const seat = await findSeat(input.assignmentId);
  const { a, own } = await mayManageLeaves(actor, seat, input.assignmentId);
  const { from, to, cover } = await leaveTerms(seat!, input);
  const at = await now();
  const leave = await db.$transaction(async (tx) => {
    await lockAssignment(tx, seat!.id);
    await refuseOverlap(tx, seat!.id, from, to);
    const leave = await tx.leave.create({
      data: {
        assignmentId: seat!.id,
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
      subjectId: seat!.id,
      tagId: seat!.tagId,
      after: {
        leaveId: leave.id,
        login: seat!.user.login,
        from: input.from,
        to: input.to,
        note: input.note,
        coverUserId: cover?.id ?? null,
        coverGithubId: cover ? String(cover.githubId) : null,
      },
    });
    return leave;
  });
  if (cover) await tellCover(seat!, cover.id, "covers", { from, to }, at);
  return { id: leave.id };
}

async function findLeave(leaveId: string) {
  return db.leave.findUnique({
    where: { id: leaveId },
    select: { id: true, assignmentId: true, from: true, to: true, note: true, coverUserId: true },
  });
}

/** Changes a leave's dates, note or cover; a cover who is replaced is told, and so is the new one. */
export async function updateLeave(actor: Actor | null, input: UpdateLeaveInput) {
  const leave = await findLeave(input.leaveId);
  const seat = leave ? await findSeat(leave.assignmentId) : null;
  const { a } = await mayManageLeaves(actor, seat, leave?.assignmentId ?? input.leaveId);
  if (!leave) throw new AppError("NOT_FOUND", "That leave does not exist.");
  const { from, to, cover } = await leaveTerms(seat!, input);
  const at = await now();
  await db.$transaction(async (tx) => {
    await lockAssignment(tx, seat!.id);
    await refuseOverlap(tx, seat!.id, from, to, leave.id);
    await tx.leave.update({
      where: { id: leave.id },
      data: { from, to, note: input.note, coverUserId: cover?.id ?? null },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "roster.leave-change",
      subjectType: "RoleAssignment",
      subjectId: seat!.id,
      tagId: seat!.tagId,
      before: {
        leaveId: leave.id,
        from: isoDay(leave.from),
        to: isoDay(leave.to),
        note: leave.note,
        coverUserId: leave.coverUserId,
      },
      after: { leaveId: leave.id, from: input.from, to: input.to, note: input.note, coverUserId: cover?.id ?? null },
    });
  });
  if (leave.coverUserId && leave.coverUserId !== cover?.id)
    await tellCover(seat!, leave.coverUserId, "no longer covers", leave, at);
  if (cover) await tellCover(seat!, cover.id, "covers", { from, to }, at);
  return { id: leave.id };
}

/** Cancels a leave (the seat is no longer on leave for it); the person covering is told. */
export async function cancelLeave(actor: Actor | null, input: CancelLeaveInput) {
  const leave = await findLeave(input.leaveId);
  const seat = leave ? await findSeat(leave.assignmentId) : null;
  const { a } = await mayManageLeaves(actor, seat, leave?.assignmentId ?? input.leaveId);
  if (!leave) throw new AppError("NOT_FOUND", "That leave does not exist.");
  const at = await now();
  await db.$transaction(async (tx) => {
    await lockAssignment(tx, seat!.id);
    const { count } = await tx.leave.deleteMany({ where: { id: leave.id } });
    if (count === 0) throw new AppError("CONFLICT", "This leave was just cancelled.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "roster.leave-cancel",
      subjectType: "RoleAssignment",
      subjectId: seat!.id,
      tagId: seat!.tagId,
      before: { leaveId: leave.id, from: isoDay(leave.from), to: isoDay(leave.to), coverUserId: leave.coverUserId },
      after: { leaveId: leave.id, cancelled: true },
    });
  });
  if (leave.coverUserId) await tellCover(seat!, leave.coverUserId, "no longer covers", leave, at);
  return { id: leave.id };
}
