import "server-only";
import type { RoleKind } from "@/lib/generated/prisma/enums";
import { parseRegionCounts, type SeatHolder, type SeatRules } from "./seat-rules";
import { dayOf, SEAT_TAKEN_STATUSES } from "@/lib/vocabulary";
import type { Tx } from "@/lib/db";

/** An end request whose approval moves the seat to emeritus instead of ended (see lib/decisions/effects.ts). */
export const EMERITUS_PREFIX = "[emeritus] ";

/** Chair and tech-lead changes always need the TOC (CNCF rules); other roles when their definition says so. */
export function needsTocApproval(kind: RoleKind, def: { needsTocApproval: boolean } | null | undefined): boolean {
  return kind === "chair" || kind === "tech_lead" || (def?.needsTocApproval ?? false);
}

/**
 * On leave is derived at read time from the clock: a seat is on leave while one of its leaves
 * includes today (or when an import set the `on_leave` status). The stored status stays `active`,
 * so moving the clock never needs a job to flip it back.
 */
export function isOnLeave(status: string, leaves: readonly { from: Date; to: Date }[], at: Date): boolean {
  const today = dayOf(at).getTime();
  return status === "on_leave" || leaves.some((l) => l.from.getTime() <= today && l.to.getTime() >= today);
}

/**
 * Serializes every seat change of one role (all its versions) until the transaction ends: two
 * leads appointing to the last seat at once queue here, and the second sees the first's seat.
 */
export async function lockRole(tx: Tx, roleKey: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`role:${roleKey}`}::text, 0))`;
}

/** Locks one assignment row (leaves, removal proposals of that seat). */
export async function lockAssignment(tx: Tx, assignmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "RoleAssignment" WHERE id = ${assignmentId}::uuid FOR UPDATE`;
}

export function rulesOf(def: {
  totalSeats: number | null;
  maxPerRegion: unknown;
  minPerRegion: unknown;
  maxPerEmployer: number | null;
}): SeatRules {
  return {
    totalSeats: def.totalSeats,
    maxPerRegion: parseRegionCounts(def.maxPerRegion),
    minPerRegion: parseRegionCounts(def.minPerRegion),
    maxPerEmployer: def.maxPerEmployer,
  };
}

/** Who holds a seat of the role (any version), as the seat rules see them. */
export async function loadHolders(
  tx: Tx | Pick<Tx, "roleAssignment">,
  roleKey: string,
  at: Date,
): Promise<(SeatHolder & { userId: string })[]> {
  const rows = await tx.roleAssignment.findMany({
    where: { roleDefinition: { roleKey }, status: { in: [...SEAT_TAKEN_STATUSES] } },
    select: {
      userId: true,
      status: true,
      regionAtStart: true,
      user: { select: { login: true, region: true, employer: true } },
      leaves: { select: { from: true, to: true } },
    },
  });
  return rows.map((r) => ({
    userId: r.userId,
    who: `@${r.user.login}`,
    region: r.regionAtStart ?? r.user.region,
    employer: r.user.employer,
    onLeave: isOnLeave(r.status, r.leaves, at),
  }));
}
