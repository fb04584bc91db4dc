import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { createAudited, recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requireFound, requirePermission } from "@/lib/auth/actor";
import { can, type Action, type Actor } from "@/lib/auth/permissions";
import { findPersonByLogin } from "@/lib/people/resolve";
import type { CreateInitiativeInput } from "./schemas";
import type { INITIATIVE_STATES } from "./schemas";

/** A TAG's lead (or an admin) starts an initiative, optionally naming its sponsoring tech lead. */
export async function createInitiative(actor: Actor | null, input: CreateInitiativeInput) {
  const a = await requirePermission(actor, "initiative.manage", { subjectType: "Initiative", tagId: input.tagId });
  // The sponsor is a person, found by the one account holding the login (never a guess among several).
  const sponsor = input.sponsorLogin ? await findPersonByLogin(input.sponsorLogin, "sponsorLogin") : null;
  const at = await now();
  return db.$transaction(async (tx) => {
    const ini = await createAudited(
      tx,
      tx.initiative.create({
        data: {
          tagId: input.tagId,
          name: input.name,
          description: input.description,
          exitCriteria: input.exitCriteria,
          sponsorId: sponsor?.id ?? null,
          createdAt: at,
        },
        select: { id: true },
      }),
      {
        at,
        actorId: a.id,
        action: "initiative.create",
        subjectType: "Initiative",
        tagId: input.tagId,
        after: { name: input.name, sponsorId: sponsor?.id ?? null },
      },
    );
    if (sponsor)
      await tx.initiativeParticipant.create({ data: { initiativeId: ini.id, userId: sponsor.id, joinedAt: at } });
    return ini;
  });
}

/** An initiative for a change by `actor`, checked in its TAG (see requireFound). */
async function requireInitiative(actor: Actor | null, action: Action, initiativeId: string) {
  const ini = await db.initiative.findUnique({
    where: { id: initiativeId },
    select: { id: true, tagId: true, sponsorId: true, state: true, participants: { select: { userId: true } } },
  });
  const missing = "That initiative does not exist.";
  const subject = { subjectType: "Initiative", subjectId: initiativeId, tagId: ini?.tagId, missing };
  return requireFound(actor, action, ini, subject);
}

/** Any signed-in person joins an initiative. */
export async function joinInitiative(actor: Actor | null, input: { initiativeId: string }) {
  const { a, row: ini } = await requireInitiative(actor, "help-wanted.volunteer", input.initiativeId);
  const at = await now();
  try {
    await db.initiativeParticipant.create({ data: { initiativeId: ini.id, userId: a.id, joinedAt: at } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "You already take part in this initiative.");
    throw e;
  }
  return { id: ini.id };
}

/**
 * A monthly check-in by the sponsor, a participant or a lead of the TAG. It moves a not-started or
 * stale initiative to in progress.
 */
export async function checkInInitiative(actor: Actor | null, input: { initiativeId: string; body: string }) {
  const { a, row: ini, subject } = await requireInitiative(actor, "checkin.log", input.initiativeId);
  const involved =
    ini.sponsorId === a.id || ini.participants.some((p) => p.userId === a.id) || can(a, "initiative.manage", ini.tagId);
  if (!involved)
    await refuseByGuard(a, "checkin.log", subject, "Only the sponsor, participants and the TAG's leads check in.");
  const at = await now();
  await db.$transaction(async (tx) => {
    await tx.initiativeCheckIn.create({
      data: { initiativeId: ini.id, authorId: a.id, body: input.body, createdAt: at },
    });
    await tx.initiative.update({
      where: { id: ini.id },
      data: {
        lastCheckInAt: at,
        ...(ini.state === "not_started" || ini.state === "stale" ? { state: "in_progress" } : {}),
      },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "initiative.check-in",
      subjectType: "Initiative",
      subjectId: ini.id,
      tagId: ini.tagId,
    });
  });
  return { id: ini.id };
}

/** Leads set the state (e.g. complete when the exit criteria are met). */
export async function setInitiativeState(
  actor: Actor | null,
  input: { initiativeId: string; state: (typeof INITIATIVE_STATES)[number] },
) {
  const { a, row: ini } = await requireInitiative(actor, "initiative.manage", input.initiativeId);
  const at = await now();
  await db.$transaction(async (tx) => {
    const { count } = await tx.initiative.updateMany({
      where: { id: ini.id, state: ini.state },
      data: { state: input.state },
    });
    if (count === 0) throw new AppError("CONFLICT", "The initiative was just changed by someone else.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "initiative.state",
      subjectType: "Initiative",
      subjectId: ini.id,
      tagId: ini.tagId,
      before: { state: ini.state },
      after: { state: input.state },
    });
  });
  return { id: ini.id, state: input.state };
}
