// Not server-only, relative imports: the tags.yaml import (a plain tsx script with its own Prisma
// client) gives seats through the same code as the portal.
import { Prisma } from "../generated/prisma/client.ts";
import type { RoleKind } from "../generated/prisma/enums.ts";
import type { Tx } from "../db.ts";
import { parseRegionCounts, type SeatHolder, type SeatRules } from "./seat-rules.ts";
import { dayOf, isoDay, SEAT_TAKEN_STATUSES } from "../vocabulary/index.ts";

/** An end request whose approval moves the seat to emeritus instead of ended (see lib/decision-outcomes/effects.ts). */
export const EMERITUS_PREFIX = "[emeritus] ";

/** Chair and tech-lead changes always need the TOC (CNCF rules); other roles when their definition says so. */
export function needsTocApproval(kind: RoleKind, def: { needsTocApproval: boolean } | null | undefined): boolean {
  return kind === "chair" || kind === "tech_lead" || (def?.needsTocApproval ?? false);
}

/**
 * The states a seat is in, as the API spells them. `on-leave` is derived at read time from the
 * clock: a held seat is on leave while one of its leaves includes today (or when the stored status
 * says so), so moving the clock never needs a job to flip it back. Every reader (pages, CSVs, the
 * API, sweeps) asks `seatStatusAt` or filters with `onLeaveWhere`.
 */
export const SEAT_STATES = ["active", "on-leave", "pending", "emeritus", "ended"] as const;
export type SeatState = (typeof SEAT_STATES)[number] | "rejected";

export function isOnLeave(status: string, leaves: readonly { from: Date; to: Date }[], at: Date): boolean {
  const today = dayOf(at).getTime();
  return status === "on_leave" || leaves.some((l) => l.from.getTime() <= today && l.to.getTime() >= today);
}

export function seatStatusAt(status: string, leaves: readonly { from: Date; to: Date }[], at: Date): SeatState {
  if (status === "active" || status === "on_leave") return isOnLeave(status, leaves, at) ? "on-leave" : "active";
  return status as SeatState;
}

/** Held seats (active or on leave) on leave at `at`, as a Prisma filter: the same rule as `isOnLeave`. */
export function onLeaveWhere(at: Date): Prisma.RoleAssignmentWhereInput {
  const today = dayOf(at);
  return {
    OR: [{ status: "on_leave" }, { status: "active", leaves: { some: { from: { lte: today }, to: { gte: today } } } }],
  };
}

/** {@link isOnLeave} in SQL for the seat row aliased `alias`: sweeps filter on it (the same rule, one place). */
export function onLeaveSql(alias: string, at: Date): Prisma.Sql {
  const seat = Prisma.raw(`"${alias}"`);
  const today = isoDay(at);
  return Prisma.sql`(${seat}."status" = 'on-leave' OR EXISTS (
    SELECT 1 FROM "Leave" lv WHERE lv."assignmentId" = ${seat}."id" AND lv."from" <= ${today}::date AND lv."to" >= ${today}::date))`;
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

/** What the seat rules read of a seat: its state, the region it started in, its holder and leaves. */
export const seatHolderSelect = {
  id: true,
  userId: true,
  status: true,
  regionAtStart: true,
  user: { select: { login: true, name: true, region: true, employer: true } },
  leaves: { select: { from: true, to: true } },
} as const;

type HolderRow = Prisma.RoleAssignmentGetPayload<{ select: typeof seatHolderSelect }>;

/** A seat as the seat rules count it at `at` (its region is the one it started in, else the holder's). */
export function holderOf(r: HolderRow, at: Date): SeatHolder & { userId: string; seatId: string } {
  return {
    seatId: r.id,
    userId: r.userId,
    who: `@${r.user.login}`,
    region: r.regionAtStart ?? r.user.region,
    employer: r.user.employer,
    onLeave: isOnLeave(r.status, r.leaves, at),
    pending: r.status === "pending",
  };
}

/** The seats of a role (any version) the seat rules see: held, and pending (marked). */
export async function loadHolders(
  tx: Tx | Pick<Tx, "roleAssignment">,
  roleKey: string,
  at: Date,
): Promise<(SeatHolder & { userId: string; seatId: string })[]> {
  const rows = await tx.roleAssignment.findMany({
    where: { roleDefinition: { roleKey }, status: { in: [...SEAT_TAKEN_STATUSES] } },
    orderBy: { requestedAt: "asc" },
    select: seatHolderSelect,
  });
  return rows.map((r) => holderOf(r, at));
}

/** The columns a seat action reads to check, audit and tell (whose seat, which role, which TAG). */
export const seatSummarySelect = {
  id: true,
  tagId: true,
  userId: true,
  kind: true,
  status: true,
  roleDefinition: { select: { name: true } },
  user: { select: { login: true } },
  tag: { select: { name: true, slug: true } },
} as const;

/** A seat summary with its term and how it was obtained: what a roster, a person's history and tags.yaml show. */
export const seatTermSelect = {
  ...seatSummarySelect,
  startAt: true,
  termEndAt: true,
  endedAt: true,
  obtainedBy: true,
  decisionLink: true,
} as const;
