import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { activityByTag, activityKey } from "@/lib/contributions/activity";
import { openSeatDecisionAt } from "@/lib/decisions/open";
import { notifyLeads } from "@/lib/help-wanted/notify-leads";
import { notify } from "@/lib/notify/send";
import { addDays, DAY, formatDateTime } from "@/lib/vocabulary";
import { activatePendingSeat, giveSeat, type SeatRequest } from "./appointments";
import { needsTocApproval } from "./seats";
import type { ObjectToAppointmentInput } from "./schemas";

/** How long anyone active in the TAG may object to a consensus appointment (issue 21, point 5). */
export const OBJECTION_WINDOW_DAYS = 7;

/**
 * A consensus TAG's appointment: the seat is given pending (whatever the role) and an objection
 * window opens; no TOC vote yet, since an objection or the window's end decides which step comes
 * next (see {@link closeConsensusWindows}). The meeting notes where the leads agreed are required.
 */
export async function giveSeatByConsensus(tx: Tx, req: SeatRequest & { decisionLink: string }) {
  const seat = await giveSeat(tx, { ...req, status: "pending" });
  const closesAt = addDays(req.at, OBJECTION_WINDOW_DAYS);
  const window = await tx.consensusWindow.create({
    data: {
      assignmentId: seat.id,
      tagId: seat.role.tagId,
      notesUrl: req.decisionLink,
      opensAt: req.at,
      closesAt,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    at: req.at,
    actorId: req.by,
    action: "consensus.open",
    subjectType: "RoleAssignment",
    subjectId: seat.id,
    tagId: seat.role.tagId,
    after: { windowId: window.id, notesUrl: req.decisionLink, closesAt: closesAt.toISOString() },
  });
  return { ...seat, closesAt };
}

const windowSelect = {
  id: true,
  tagId: true,
  notesUrl: true,
  closesAt: true,
  outcome: true,
  assignment: {
    select: {
      id: true,
      status: true,
      kind: true,
      roleDefinition: { select: { needsTocApproval: true } },
      tag: { select: { id: true, slug: true, name: true, activityMinRecords: true, activityWindowMonths: true } },
    },
  },
} as const;

/**
 * Someone active in the TAG (by the TAG's own activity rule) objects with a reason while the
 * window is open. The first objection sends the appointment to a TOC decision at once (the
 * objection is its body); later ones are recorded beside it. Refusals are audited.
 */
export async function objectToAppointment(actor: Actor | null, input: ObjectToAppointmentInput) {
  const w = await db.consensusWindow.findUnique({ where: { assignmentId: input.assignmentId }, select: windowSelect });
  const subject = { subjectType: "RoleAssignment", subjectId: input.assignmentId, tagId: w?.tagId ?? null };
  const a = await requirePermission(actor, "consensus.object", subject);
  if (!w) throw new AppError("NOT_FOUND", "That appointment has no objection window.");
  const at = await now();
  if (w.assignment.status !== "pending" || w.outcome === "proceeded" || at >= w.closesAt)
    await refuseByGuard(
      a,
      "consensus.object",
      subject,
      `The objection window closed on ${formatDateTime(w.closesAt)}: objections are no longer taken.`,
    );
  const tag = w.assignment.tag;
  const activity = (await activityByTag([{ tag, userIds: [a.id] }], at)).get(activityKey(a.id, tag.id))!;
  if (activity.status !== "active")
    await refuseByGuard(
      a,
      "consensus.object",
      subject,
      `Only people active in ${tag.name} may object: its rule asks for ${tag.activityMinRecords} contributions in the last ${tag.activityWindowMonths} months, and you have ${activity.inRule}.`,
    );
  const result = await db.$transaction(async (tx) => {
    const already = await tx.consensusObjection.findUnique({
      where: { windowId_userId: { windowId: w.id, userId: a.id } },
      select: { id: true },
    });
    if (already) throw new AppError("CONFLICT", "You already objected to this appointment.");
    const objection = await tx.consensusObjection.create({
      data: { windowId: w.id, userId: a.id, reason: input.reason, createdAt: at },
      select: { id: true },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "consensus.object",
      subjectType: "RoleAssignment",
      subjectId: w.assignment.id,
      tagId: tag.id,
      after: { objectionId: objection.id, reason: input.reason },
    });
    // Compare-and-swap: of two first objections at once, one escalates.
    const { count } = await tx.consensusWindow.updateMany({
      where: { id: w.id, outcome: null },
      data: { outcome: "escalated", settledAt: at },
    });
    if (count === 0) return { objectionId: objection.id, escalated: false };
    const decision = await openSeatDecisionAt(tx, {
      kind: "appointment",
      assignmentId: w.assignment.id,
      openedById: a.id,
      link: w.notesUrl,
      body: `An objection was raised in the consensus window: ${input.reason}`,
      at,
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "consensus.escalate",
      subjectType: "RoleAssignment",
      subjectId: w.assignment.id,
      tagId: tag.id,
      after: { decisionId: decision.id },
    });
    return { objectionId: objection.id, escalated: true, decisionId: decision.id };
  });
  // The leads and the person proposed learn of each objection; the reason is on the seat's page
  // and in the TOC decision, not repeated in a notice.
  const seat = await db.roleAssignment.findUnique({
    where: { id: w.assignment.id },
    select: { userId: true, user: { select: { login: true } }, tag: { select: { slug: true } } },
  });
  if (seat) {
    const link = result.escalated ? `/toc/decisions/${result.decisionId}` : `/tags/${seat.tag.slug}`;
    const title = result.escalated
      ? `An objection sent the appointment of @${seat.user.login} in ${tag.name} to a TOC decision`
      : `Another objection to the appointment of @${seat.user.login} in ${tag.name}`;
    await notifyLeads(db, [tag.id], { kind: "leadership.consensus-objection", title, link }, at, seat.userId);
    await notify({ userId: seat.userId, kind: "roster.consensus-objection", title, link }, at);
  }
  return result;
}

/**
 * The clock's sweep: a window that ended without objection goes on to the step its role needs, a
 * TOC vote (Chair, Tech Lead, roles marked so) or the seat held at once. Windows whose seat was
 * withdrawn meanwhile are left. Each window in its own transaction; running twice does nothing new.
 */
export async function closeConsensusWindows(at: Date): Promise<number> {
  const due = await db.consensusWindow.findMany({
    where: { outcome: null, closesAt: { lte: at }, assignment: { status: "pending" } },
    select: windowSelect,
    take: 200,
  });
  let moved = 0;
  for (const w of due) {
    try {
      if (await proceed(w, at)) moved++;
    } catch (e) {
      // A seat that would now break one of its role's rules (a cap filled meanwhile): it stays
      // pending and the sweep tries again next time, but the leads are told once why it waits.
      if (!(e instanceof AppError)) throw e;
      await reportBlocked(w, e.message, at);
    }
  }
  return moved;
}

type DueWindow = Awaited<ReturnType<typeof db.consensusWindow.findMany<{ select: typeof windowSelect }>>>[number];

/** One window to its next step; false when another sweep got there first. */
async function proceed(w: DueWindow, at: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.consensusWindow.updateMany({
      where: { id: w.id, outcome: null },
      data: { outcome: "proceeded", settledAt: at },
    });
    if (count === 0) return false;
    const toc = needsTocApproval(w.assignment.kind, w.assignment.roleDefinition);
    const next = toc
      ? {
          decisionId: (
            await openSeatDecisionAt(tx, {
              kind: "appointment",
              assignmentId: w.assignment.id,
              openedById: null,
              link: w.notesUrl,
              body: "No objection in the consensus window.",
              at,
            })
          ).id,
        }
      : { heldFrom: (await activatePendingSeat(tx, w.assignment.id, { id: null, at }), at.toISOString()) };
    await recordAudit(tx, {
      at,
      actorId: null,
      action: "consensus.proceed",
      subjectType: "RoleAssignment",
      subjectId: w.assignment.id,
      tagId: w.tagId,
      after: { objections: 0, ...next },
    });
    return true;
  });
}

async function reportBlocked(w: DueWindow, reason: string, at: Date): Promise<void> {
  const seen = await db.auditEvent.count({
    where: { action: "consensus.blocked", subjectId: w.assignment.id, after: { path: ["reason"], equals: reason } },
  });
  if (seen) return;
  await db.$transaction((tx) =>
    recordAudit(tx, {
      at,
      actorId: null,
      action: "consensus.blocked",
      subjectType: "RoleAssignment",
      subjectId: w.assignment.id,
      tagId: w.tagId,
      after: { reason },
    }),
  );
  await notifyLeads(
    db,
    [w.tagId],
    {
      kind: "leadership.consensus-blocked",
      title: `An appointment in ${w.assignment.tag.name} passed its objection window but cannot proceed: ${reason}`,
      link: `/manage/${w.assignment.tag.slug}`,
    },
    at,
  );
}

/** The objection window of a seat, for its page: open or not, when it ends, who may object. */
export async function consensusWindowOf(assignmentId: string, viewerId: string | null, at: Date) {
  const w = await db.consensusWindow.findUnique({
    where: { assignmentId },
    select: { ...windowSelect, opensAt: true, objections: { select: { userId: true, reason: true, createdAt: true } } },
  });
  if (!w) return null;
  const open = w.outcome !== "proceeded" && w.assignment.status === "pending" && at < w.closesAt;
  let mayObject = false;
  if (open && viewerId && !w.objections.some((o) => o.userId === viewerId)) {
    const tag = w.assignment.tag;
    mayObject =
      (await activityByTag([{ tag, userIds: [viewerId] }], at)).get(activityKey(viewerId, tag.id))!.status === "active";
  }
  return {
    assignmentId,
    notesUrl: w.notesUrl,
    opensAt: w.opensAt,
    closesAt: w.closesAt,
    open,
    daysLeft: open ? Math.ceil((w.closesAt.getTime() - at.getTime()) / DAY) : 0,
    outcome: w.outcome as "proceeded" | "escalated" | null,
    objections: w.objections.length,
    mayObject,
  };
}
