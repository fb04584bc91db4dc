import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isOnLeave } from "@/lib/roles/seats";
import { SITTING_SEAT_STATUSES } from "@/lib/vocabulary";
import { isOverdue, type CadenceState } from "./overdue";
import { tagScope, type Actor } from "@/lib/auth/permissions";

export { checkInDueAt, isOverdue, latestCheckInDay } from "./overdue";

/** A liaison's seat is on leave today (recorded through the leave form, or marked by an import). */
export function liaisonOnLeave(l: { assignment: { status: string; leaves: { from: Date; to: Date }[] } }, at: Date) {
  return isOnLeave(l.assignment.status, l.assignment.leaves, at);
}

/** Overdue as the sweep chases it: a running liaison of a held seat, not on leave (reminders pause), no check-in within the cadence. */
export function isChasedOverdue(
  l: CadenceState & { endedAt?: Date | null; assignment: { status: string; leaves: { from: Date; to: Date }[] } },
  at: Date,
): boolean {
  return !l.endedAt && l.assignment.status === "active" && !liaisonOnLeave(l, at) && isOverdue(l, at);
}

const checkInSelect = {
  id: true,
  date: true,
  notes: true,
  link: true,
  health: true,
  createdAt: true,
} as const satisfies Prisma.LiaisonCheckInSelect;

/** What a list row needs: who, which TAG, what target, when the last check-in was, and the latest few. */
function liaisonSelect(latest: number) {
  return {
    id: true,
    foundation: true,
    cadenceDays: true,
    lastCheckInAt: true,
    overdueNotifiedAt: true,
    createdAt: true,
    endedAt: true,
    endedReason: true,
    project: { select: { name: true, displayName: true } },
    assignment: {
      select: {
        id: true,
        status: true,
        leaves: { select: { from: true, to: true } },
        tag: { select: { id: true, slug: true, name: true } },
        user: { select: { id: true, login: true, name: true } },
      },
    },
    checkIns: { orderBy: [{ date: "desc" }, { createdAt: "desc" }], take: latest, select: checkInSelect },
  } as const satisfies Prisma.LiaisonSelect;
}

const SITTING = { status: { in: [...SITTING_SEAT_STATUSES] } } as const satisfies Prisma.RoleAssignmentWhereInput;
/** Lists show liaisons that run: an ended one is only on its own page, as history. */
const RUNNING = { endedAt: null } as const satisfies Prisma.LiaisonWhereInput;
const order = [
  { assignment: { tag: { name: "asc" } } },
  { createdAt: "asc" },
] as const satisfies Prisma.LiaisonOrderByWithRelationInput[];

export type LiaisonRow = Awaited<ReturnType<typeof listLiaisonsOfTags>>[number];

/** Running liaisons of held seats in the given TAGs (a lead's TAGs), with the latest check-in. */
export function listLiaisonsOfTags(tagIds: readonly string[]) {
  return db.liaison.findMany({
    where: { ...RUNNING, assignment: { tagId: { in: [...tagIds] }, ...SITTING } },
    orderBy: [...order],
    select: liaisonSelect(1),
  });
}

/** Liaisons of held seats in one TAG. */
export function listLiaisonsOfTag(tagId: string) {
  return listLiaisonsOfTags([tagId]);
}

/** A project's liaisons (held seats) with their latest check-ins, for the project page. */
export function listLiaisonsOfProject(projectName: string, latestCheckIns = 3) {
  return db.liaison.findMany({
    where: { ...RUNNING, project: { is: { name: projectName } }, assignment: SITTING },
    orderBy: [...order],
    select: liaisonSelect(latestCheckIns),
  });
}

/** A person's own liaisons (held seats), with the latest check-in. */
export function listLiaisonsOfPerson(userId: string) {
  return db.liaison.findMany({
    where: { ...RUNNING, assignment: { userId, ...SITTING } },
    orderBy: [...order],
    select: liaisonSelect(1),
  });
}

/** One liaison with its whole check-in history, newest first. */
export function findLiaison(id: string) {
  return db.liaison.findUnique({
    where: { id },
    select: {
      ...liaisonSelect(500),
      checkIns: {
        orderBy: [{ date: "desc" }, { createdAt: "desc" }],
        take: 500,
        select: { ...checkInSelect, authorId: true },
      },
    },
  });
}

/** Held TAG Ambassador seats of these TAGs with no open liaison (never had one, or it ended): the create form's choices. */
export function listSeatsWithoutLiaison(tagIds: readonly string[]) {
  return db.roleAssignment.findMany({
    where: {
      tagId: { in: [...tagIds] },
      kind: "tag_ambassador",
      status: "active",
      liaisons: { none: { endedAt: null } },
    },
    orderBy: [{ tag: { name: "asc" } }, { user: { login: "asc" } }],
    select: { id: true, tag: { select: { id: true, name: true } }, user: { select: { login: true, name: true } } },
  });
}

/** The TAGs a person may manage liaisons for: the ones they lead, or all for an admin. */
export function listManagedTags(actor: Actor | null) {
  return db.tag.findMany({
    where: tagScope(actor, "roster.manage", "id"),
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true },
  });
}

/** Catalogue names for the project field's suggestions. */
export async function listProjectNames(): Promise<string[]> {
  const rows = await db.project.findMany({ orderBy: { name: "asc" }, select: { name: true } });
  return rows.map((r) => r.name);
}

/** Login of the people who wrote check-ins (authors may be leads, not the liaison). */
export async function loginsOf(userIds: readonly string[]): Promise<Map<string, string>> {
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(userIds)] } },
    select: { id: true, login: true },
  });
  return new Map(users.map((u) => [u.id, u.login]));
}
