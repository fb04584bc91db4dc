import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordRefusal } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { can, type Action, type Actor } from "./permissions";
import { LEAD_KINDS } from "@/lib/vocabulary";

/** TAGs where a person holds an active chair or tech-lead seat, read fresh (never cached in a session). */
export async function loadActor(userId: string): Promise<Actor | null> {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      isAdmin: true,
      isTocMember: true,
      isCncfAmbassador: true,
      roles: { where: { status: "active", kind: { in: [...LEAD_KINDS] } }, select: { tagId: true } },
    },
  });
  if (!u) return null;
  return {
    id: u.id,
    isAdmin: u.isAdmin,
    isTocMember: u.isTocMember,
    isCncfAmbassador: u.isCncfAmbassador,
    leadTagIds: u.roles.map((r) => r.tagId),
  };
}

/**
 * The signed-in person's permissions for this request. The session module (next-auth, Next's
 * request APIs) is loaded lazily so that the job worker, which imports lib functions but has no
 * request, never loads it.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const { getCurrentUser } = await import("./session");
  const user = await getCurrentUser();
  return user ? loadActor(user.id) : null;
});

export interface PermissionSubject {
  tagId?: string | null;
  subjectType: string;
  subjectId?: string | null;
}

/**
 * Throws FORBIDDEN (and writes a refused-attempt audit event) unless `actor` may do `action`.
 * Every mutation calls this itself, whatever the UI or proxy did.
 */
export async function requirePermission(
  actor: Actor | null,
  action: Action,
  subject: PermissionSubject,
): Promise<Actor> {
  if (actor && can(actor, action, subject.tagId)) return actor;
  await recordRefusal(db, {
    at: await now(),
    actorId: actor?.id ?? null,
    action,
    subjectType: subject.subjectType,
    subjectId: subject.subjectId ?? null,
    tagId: subject.tagId ?? null,
    reason: actor ? "FORBIDDEN" : "UNAUTHENTICATED",
  });
  throw new AppError("FORBIDDEN", "You do not have permission to do that.");
}

/** Refuses with an audit event when a guard (not the table) forbids an otherwise allowed action. */
export async function refuseByGuard(
  actor: Actor,
  action: Action,
  subject: PermissionSubject,
  reason: string,
): Promise<never> {
  await recordRefusal(db, {
    at: await now(),
    actorId: actor.id,
    action,
    subjectType: subject.subjectType,
    subjectId: subject.subjectId ?? null,
    tagId: subject.tagId ?? null,
    reason,
  });
  throw new AppError("FORBIDDEN", reason);
}
