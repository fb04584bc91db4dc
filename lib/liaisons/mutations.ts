import "server-only";
import { db, type Tx } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { createAudited, recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requireFound, requireSeat } from "@/lib/auth/actor";
import { can, type Action, type Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { latestCheckInDay } from "./overdue";
import {
  dayValue,
  HEALTH_LABEL,
  type CheckInInput,
  type CreateLiaisonInput,
  type EndLiaisonInput,
  type UpdateLiaisonInput,
} from "./schemas";
import { LEAD_KINDS, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";

const liaisonLink = (id: string) => `/liaisons/${id}`;

/** Seats that may act as liaisons: held now (a seat on leave keeps its liaison). */

async function leadIdsOf(tagId: string, tx: Tx = db): Promise<string[]> {
  const leads = await tx.roleAssignment.findMany({
    where: { tagId, status: "active", kind: { in: [...LEAD_KINDS] } },
    select: { userId: true },
    distinct: ["userId"],
  });
  return leads.map((l) => l.userId);
}

/** Resolves the target: a project by its catalogue name (unknown → INVALID on the field), or a foundation. */
async function resolveTarget(input: { projectName?: string; foundation?: string }) {
  if (input.projectName) {
    const project = await db.project.findUnique({
      where: { name: input.projectName },
      select: { id: true, name: true },
    });
    if (!project)
      throw new AppError("INVALID", `No project named "${input.projectName}" is in the CNCF project catalogue.`, {
        projectName: ["Unknown project"],
      });
    return { projectId: project.id, foundation: null, label: project.name };
  }
  if (input.foundation) return { projectId: null, foundation: input.foundation, label: input.foundation };
  throw new AppError("INVALID", "Choose a CNCF project or name a foundation", {
    projectName: ["Choose a CNCF project or name a foundation"],
  });
}

const isUnique = (e: unknown) => isUniqueViolation(e) || (e as { code?: string } | null)?.code === "23505";

/**
 * A lead of the seat's TAG (or an admin) makes a TAG Ambassador seat a liaison to a CNCF project
 * or another foundation (issue 5, item 6). One open liaison per seat: a partial unique index
 * settles races; once a lead ends it, the seat may take a new one (the old stays as history).
 */
export async function createLiaison(actor: Actor | null, input: CreateLiaisonInput) {
  const found = await db.roleAssignment.findUnique({
    where: { id: input.assignmentId },
    select: { id: true, tagId: true, userId: true, kind: true, status: true },
  });
  const { a, row: seat } = await requireSeat(actor, "roster.manage", input.assignmentId, found);
  if (seat.kind !== "tag_ambassador")
    throw new AppError("INVALID", "Only a TAG Ambassador seat can be a liaison.", {
      assignmentId: ["Choose a TAG Ambassador seat"],
    });
  if (!(SITTING_SEAT_STATUSES as readonly string[]).includes(seat.status))
    throw new AppError("CONFLICT", "That seat is not held: only a held seat can be a liaison.");
  const target = await resolveTarget(input);
  const at = await clockNow();
  try {
    const liaison = await db.$transaction(async (tx) => {
      const l = await createAudited(
        tx,
        tx.liaison.create({
          data: {
            assignmentId: seat.id,
            projectId: target.projectId,
            foundation: target.foundation,
            cadenceDays: input.cadenceDays,
            createdAt: at,
          },
          select: { id: true },
        }),
        {
          at,
          actorId: a.id,
          action: "liaison.create",
          subjectType: "Liaison",
          tagId: seat.tagId,
          after: {
            assignmentId: seat.id,
            userId: seat.userId,
            projectName: input.projectName ?? null,
            foundation: target.foundation,
            cadenceDays: input.cadenceDays,
          },
        },
      );
      return l;
    });
    if (seat.userId !== a.id) {
      await notify(
        {
          userId: seat.userId,
          kind: "liaison.created",
          title: `You are now the TAG's liaison to ${target.label}`,
          body: `Check in every ${input.cadenceDays} days.`,
          link: liaisonLink(liaison.id),
        },
        at,
      );
    }
    return liaison;
  } catch (e) {
    if (isUnique(e))
      throw new AppError("CONFLICT", "That seat already has a liaison. End it first to start a new one.", {
        assignmentId: ["That seat already has an open liaison"],
      });
    throw e;
  }
}

/** A liaison for a change by `actor`, checked in its seat's TAG (see requireFound). */
async function requireLiaison(actor: Actor | null, action: Action, liaisonId: string) {
  const liaison = await db.liaison.findUnique({
    where: { id: liaisonId },
    select: {
      id: true,
      projectId: true,
      foundation: true,
      cadenceDays: true,
      lastCheckInAt: true,
      createdAt: true,
      endedAt: true,
      project: { select: { name: true, displayName: true } },
      assignment: { select: { tagId: true, userId: true } },
    },
  });
  const missing = "That liaison does not exist.";
  const subject = { subjectType: "Liaison", subjectId: liaisonId, tagId: liaison?.assignment.tagId, missing };
  return requireFound(actor, action, liaison, subject);
}

const ENDED = "This liaison has ended: it can no longer change or take check-ins.";

/** A lead of the TAG (or an admin) changes a liaison's target or cadence. */
export async function updateLiaison(actor: Actor | null, input: UpdateLiaisonInput) {
  const { a, row: before } = await requireLiaison(actor, "roster.manage", input.liaisonId);
  const tagId = before.assignment.tagId;
  if (before.endedAt) throw new AppError("CONFLICT", ENDED);
  const target = await resolveTarget(input);
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    // A new cadence or target starts a new period: the sweep may flag it again (its dedupe key
    // names the due date, so the same due date never notifies twice).
    await tx.liaison.update({
      where: { id: before.id },
      data: {
        projectId: target.projectId,
        foundation: target.foundation,
        cadenceDays: input.cadenceDays,
        overdueNotifiedAt: null,
      },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "liaison.update",
      subjectType: "Liaison",
      subjectId: before.id,
      tagId,
      before: {
        projectName: before.project?.name ?? null,
        foundation: before.foundation,
        cadenceDays: before.cadenceDays,
      },
      after: { projectName: input.projectName ?? null, foundation: target.foundation, cadenceDays: input.cadenceDays },
    });
  });
  return { id: before.id };
}

/**
 * The liaison (the seat's holder) or a lead of that TAG logs a check-in. The date may not be in
 * the future of the portal clock; a later check-in moves `lastCheckInAt` forward (an older one
 * logged late never moves it back) and clears the overdue flag.
 */
export async function logCheckIn(actor: Actor | null, input: CheckInInput) {
  const { a, row: liaison, subject } = await requireLiaison(actor, "checkin.log", input.liaisonId);
  if (liaison.assignment.userId !== a.id && !can(a, "roster.manage", liaison.assignment.tagId)) {
    await refuseByGuard(a, "checkin.log", subject, "Only the liaison or a lead of the TAG logs check-ins.");
  }
  if (liaison.endedAt) throw new AppError("CONFLICT", ENDED);
  const at = await clockNow();
  if (input.date.getTime() > latestCheckInDay(at).getTime()) {
    throw new AppError("INVALID", "The date of a check-in cannot be in the future.", {
      date: ["The date cannot be in the future"],
    });
  }
  const checkIn = await db.$transaction(async (tx) => {
    const c = await tx.liaisonCheckIn.create({
      data: {
        liaisonId: liaison.id,
        date: input.date,
        notes: input.notes,
        link: input.link ?? null,
        health: input.health,
        authorId: a.id,
        createdAt: at,
      },
      select: { id: true },
    });
    // PostgreSQL's GREATEST skips NULLs: the first check-in sets the column.
    await tx.$executeRaw`
      UPDATE "Liaison"
         SET "lastCheckInAt" = GREATEST("lastCheckInAt", ${input.date}::timestamptz),
             "overdueNotifiedAt" = NULL
       WHERE "id" = ${liaison.id}::uuid`;
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "liaison.check-in",
      subjectType: "Liaison",
      subjectId: liaison.id,
      tagId: liaison.assignment.tagId,
      after: { checkInId: c.id, date: dayValue(input.date), health: input.health, link: input.link ?? null },
    });
    return c;
  });
  if (input.health !== "fine") {
    const target = liaison.project?.displayName ?? liaison.foundation ?? "its target";
    for (const userId of await leadIdsOf(liaison.assignment.tagId)) {
      if (userId === a.id) continue;
      await notify(
        {
          userId,
          kind: "liaison.health",
          title: `Liaison to ${target}: ${HEALTH_LABEL[input.health]}`,
          body: input.notes.slice(0, 500),
          link: liaisonLink(liaison.id),
        },
        at,
      );
    }
  }
  return checkIn;
}

/**
 * A lead of the TAG (or an admin) ends a liaison while the seat runs on (issue 15, point 8). The row
 * stays, with its check-ins, as history; lists, dashboards and the overdue sweep skip it from then on.
 * The conditional update settles two leads ending it at once: the second is told it already ended.
 */
export async function endLiaison(actor: Actor | null, input: EndLiaisonInput) {
  const { a, row: liaison } = await requireLiaison(actor, "roster.manage", input.liaisonId);
  const tagId = liaison.assignment.tagId;
  const alreadyEnded = () =>
    new AppError("CONFLICT", "This liaison has already ended.", { liaisonId: ["This liaison has already ended"] });
  if (liaison.endedAt) throw alreadyEnded();
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    const { count } = await tx.liaison.updateMany({
      where: { id: liaison.id, endedAt: null },
      data: { endedAt: at, endedReason: input.reason },
    });
    if (count === 0) throw alreadyEnded();
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "liaison.end",
      subjectType: "Liaison",
      subjectId: liaison.id,
      tagId,
      before: { endedAt: null },
      after: { endedAt: at.toISOString(), reason: input.reason },
    });
  });
  if (liaison.assignment.userId !== a.id) {
    const target = liaison.project?.displayName ?? liaison.foundation ?? "its target";
    await notify(
      {
        userId: liaison.assignment.userId,
        kind: "liaison.ended",
        title: `Your liaison to ${target} has ended`,
        body: `A lead of the TAG ended it: ${input.reason}. Your seat is unchanged.`,
        link: liaisonLink(liaison.id),
      },
      at,
    );
  }
  return { id: liaison.id };
}
