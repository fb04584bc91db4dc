import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordRefusal } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { can, type Action, type Actor } from "./permissions";
import { dayOf } from "@/lib/vocabulary";
import { leadSeatWhere } from "./lead-seats";

/** The account-wide flags an {@link Actor} carries; its TAG powers come from its seats. */
export const actorFlagsSelect = { isAdmin: true, isTocMember: true, isCncfAmbassador: true } as const;

/**
 * A person's permissions, read fresh (never cached in a session): the TAGs where they lead are those
 * where a chair or tech-lead seat serves now (a term that has ended gives no powers, even before the
 * sweep records the end), plus those where they cover a lead's leave today and the role gives cover
 * the seat's powers.
 */
export async function loadActor(userId: string): Promise<Actor | null> {
  const at = await now();
  const u = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      deletedAt: true,
      ...actorFlagsSelect,
      roles: { where: leadSeatWhere(at), select: { tagId: true, kind: true } },
    },
  });
  // A deleted account keeps its row (the TAGs' record) but acts as nobody.
  if (!u || u.deletedAt) return null;
  return {
    id: u.id,
    isAdmin: u.isAdmin,
    isTocMember: u.isTocMember,
    isCncfAmbassador: u.isCncfAmbassador,
    leadTagIds: [...new Set([...u.roles.map((r) => r.tagId), ...(await coveredLeadTags(u.id, at))])],
    chairTagIds: u.roles.filter((r) => r.kind === "chair").map((r) => r.tagId),
  };
}

/**
 * TAGs where `userId` covers a serving lead's leave today and the role (its current version) gives
 * cover the seat's powers. Read with every actor, so the powers start and stop with the leave.
 */
async function coveredLeadTags(userId: string, at: Date): Promise<string[]> {
  const today = dayOf(at);
  // Nearly nobody covers a leave today: one statement finds that out. The seats' TAGs and roles
  // come only when there is one (read together, Prisma spent two more statements on every actor).
  const covering = await db.leave.findMany({
    where: { coverUserId: userId, from: { lte: today }, to: { gte: today }, assignment: leadSeatWhere(at) },
    select: { id: true },
  });
  if (covering.length === 0) return [];
  const leaves = await db.leave.findMany({
    where: { id: { in: covering.map((l) => l.id) } },
    select: { assignment: { select: { tagId: true, roleDefinition: { select: { roleKey: true } } } } },
  });
  const keys = leaves.flatMap((l) => (l.assignment.roleDefinition ? [l.assignment.roleDefinition.roleKey] : []));
  if (keys.length === 0) return [];
  const giving = await db.roleDefinition.findMany({
    where: { roleKey: { in: keys }, supersededAt: null, coverHasPowers: true },
    select: { roleKey: true },
  });
  const ok = new Set(giving.map((d) => d.roleKey));
  return leaves.filter((l) => ok.has(l.assignment.roleDefinition?.roleKey ?? "")).map((l) => l.assignment.tagId);
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

/** What a change is about, and what to tell when it does not exist. */
type FoundSubject = PermissionSubject & { missing: string };

/**
 * The preamble of a change to one existing row, `row` as loaded (null when there is none): the
 * permission is checked in the row's TAG first, so whoever lacks it is refused (and audited) without
 * learning whether the id exists; then a missing row is NOT_FOUND. Returns the row, no longer null.
 */
export async function requireFound<T>(actor: Actor | null, action: Action, row: T | null, subject: FoundSubject) {
  const a = await requirePermission(actor, action, subject);
  if (row === null) throw new AppError("NOT_FOUND", subject.missing);
  return { a, row, subject };
}

/** A change to a seat (a RoleAssignment), checked in the seat's TAG: see requireFound. */
export function requireSeat<T extends InTag>(actor: Actor | null, action: Action, id: string, seat: T | null) {
  const missing = "That seat does not exist.";
  const subject = { subjectType: "RoleAssignment", subjectId: id, tagId: seat?.tagId, missing };
  return requireFound(actor, action, seat, subject);
}
type InTag = { tagId: string };

/** A change to a TAG's settings or pages, `subjectType` naming what changes: see requireFound. */
export function requireTag<T>(actor: Actor | null, action: Action, id: string, tag: T | null, subjectType = "Tag") {
  const missing = "That TAG does not exist.";
  return requireFound(actor, action, tag, { subjectType, subjectId: id, tagId: tag ? id : null, missing });
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
