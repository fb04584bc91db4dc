import "server-only";
import { db } from "@/lib/db";
import { roleFigures } from "./figures";
import { seatWarnings } from "./seat-rules";
import { rulesOf, seatHolderSelect, seatStatusAt, seatSummarySelect, seatTermSelect } from "./seats";
import {
  DAY,
  dayOf,
  isoDay,
  LEAD_KINDS,
  parseId,
  roleName,
  SEAT_TAKEN_STATUSES,
  SITTING_SEAT_STATUSES,
} from "@/lib/vocabulary";

const seatSelect = {
  id: true,
  kind: true,
  status: true,
  startAt: true,
  termEndAt: true,
  requestedAt: true,
  decisionLink: true,
  endRequestedAt: true,
  renewRequestedAt: true,
  renewTermEndAt: true,
  endReason: true,
  regionAtStart: true,
  roleDefinition: { select: { name: true } },
  user: { select: { login: true, name: true, avatarUrl: true, region: true, employer: true } },
  tag: { select: { name: true, slug: true } },
} as const;

/** Chair and tech-lead seats of a TAG that are held or awaiting approval. */
export function listLeadershipSeats(tagId: string) {
  return db.roleAssignment.findMany({
    where: { tagId, kind: { in: [...LEAD_KINDS] }, status: { in: [...SEAT_TAKEN_STATUSES] } },
    orderBy: [{ kind: "asc" }, { requestedAt: "asc" }],
    select: seatSelect,
  });
}

/**
 * Changes waiting for a TOC decision, across TAGs, oldest first: chair and tech-lead seats and
 * any role marked as needing TOC approval (only those are ever pending or end-requested).
 */
export function listPendingLeadershipChanges() {
  return db.roleAssignment.findMany({
    where: {
      OR: [
        { status: "pending" },
        { endRequestedAt: { not: null }, status: { in: [...SITTING_SEAT_STATUSES] } },
        { renewRequestedAt: { not: null }, status: { in: [...SITTING_SEAT_STATUSES] } },
      ],
    },
    orderBy: { requestedAt: "asc" },
    select: seatSelect,
  });
}

/** Current versions of a TAG's role definitions (retired ones included), with every field the TAG page shows. */
export function listRoleDefinitions(tagId: string) {
  return db.roleDefinition.findMany({
    where: { tagId, supersededAt: null },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      id: true,
      roleKey: true,
      version: true,
      name: true,
      kind: true,
      ambassadorKind: true,
      responsibilities: true,
      deliverables: true,
      hoursPerMonth: true,
      termMonths: true,
      selection: true,
      escalationPath: true,
      totalSeats: true,
      maxPerRegion: true,
      minPerRegion: true,
      maxPerEmployer: true,
      eligibilityMinRecords: true,
      eligibilityWindowMonths: true,
      requiredStep: true,
      needsTocApproval: true,
      emeritusAfterTerm: true,
      coverHasPowers: true,
      retiredAt: true,
      createdAt: true,
    },
  });
}

export type RoleDefinitionRow = Awaited<ReturnType<typeof listRoleDefinitions>>[number];

/**
 * The roster of a TAG as of `at`: every seat held or awaiting approval, with its role (the
 * version in force when it was given; `roleKey` names the role across versions), the current or
 * next leave, and its state (`seatStatusAt`: on leave is derived from the clock).
 */
export async function listRoster(tagId: string, at: Date) {
  const today = dayOf(at);
  const rows = await db.roleAssignment.findMany({
    where: { tagId, status: { in: [...SEAT_TAKEN_STATUSES] } },
    orderBy: [{ kind: "asc" }, { requestedAt: "asc" }],
    select: {
      ...seatSelect,
      userId: true,
      obtainedBy: true,
      roleDefinition: {
        select: {
          id: true,
          roleKey: true,
          name: true,
          version: true,
          termMonths: true,
          kind: true,
          needsTocApproval: true,
        },
      },
      leaves: {
        where: { to: { gte: today } },
        orderBy: { from: "asc" },
        select: { id: true, from: true, to: true, note: true, coverUserId: true },
      },
    },
  });
  const coverIds = [...new Set(rows.flatMap((r) => r.leaves.flatMap((l) => (l.coverUserId ? [l.coverUserId] : []))))];
  const covers = coverIds.length
    ? new Map(
        (await db.user.findMany({ where: { id: { in: coverIds } }, select: { id: true, login: true } })).map((u) => [
          u.id,
          u.login,
        ]),
      )
    : new Map<string, string>();
  return rows.map((r) => {
    const state = seatStatusAt(r.status, r.leaves, at);
    const leaves = r.leaves.map((l) => ({
      ...l,
      coverLogin: l.coverUserId ? (covers.get(l.coverUserId) ?? null) : null,
    }));
    return { ...r, leaves, roleKey: r.roleDefinition?.roleKey ?? null, state, onLeave: state === "on-leave" };
  });
}

export type RosterRow = Awaited<ReturnType<typeof listRoster>>[number];

/**
 * Per role: its figures (holders, pending, vacancies: `roleFigures`, the same function every
 * surface uses) and warnings (unmet minimums, caps the roster breaks, pending seats that would).
 */
export async function summarizeRoles(tagId: string, at: Date, roster?: RosterRow[]) {
  const [defs, tag, seats] = await Promise.all([
    listRoleDefinitions(tagId),
    db.tag.findUniqueOrThrow({ where: { id: tagId }, select: { leaveCountsTowardCaps: true } }),
    roster ?? listRoster(tagId, at),
  ]);
  return defs.map((d) => {
    const own = seats.filter((s) => s.roleKey === d.roleKey);
    return {
      def: d,
      figures: roleFigures(d, seats),
      warnings: seatWarnings(
        rulesOf(d),
        own.map((s) => ({
          who: `@${s.user.login}`,
          region: s.regionAtStart ?? s.user.region,
          employer: s.user.employer,
          onLeave: s.onLeave,
          pending: s.state === "pending",
        })),
        tag.leaveCountsTowardCaps,
      ),
    };
  });
}

/** Held seats whose term ends within `days` of `at`, soonest first. */
export function listTermsEnding(tagId: string, at: Date, days = 90) {
  return db.roleAssignment.findMany({
    where: {
      tagId,
      status: { in: [...SITTING_SEAT_STATUSES] },
      termEndAt: { gt: at, lte: new Date(at.getTime() + days * DAY) },
    },
    orderBy: { termEndAt: "asc" },
    select: { ...seatSummarySelect, termEndAt: true, user: { select: { login: true, name: true } } },
  });
}

const TIMELINE_SUBJECTS = ["RoleAssignment", "RoleDefinition", "RemovalProposal"];

/** The leadership timeline of a TAG: audit events about its roles and seats, newest first. */
export async function listLeadershipTimeline(tagId: string, take = 50) {
  const events = await db.auditEvent.findMany({
    where: { tagId, subjectType: { in: TIMELINE_SUBJECTS }, outcome: "ok" },
    orderBy: { at: "desc" },
    take,
    select: { id: true, at: true, action: true, actorId: true, subjectId: true, after: true },
  });
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const seatIds = [...new Set(events.flatMap((e) => (e.subjectId ? [e.subjectId] : [])))];
  const [actors, seats] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, login: true } }),
    db.roleAssignment.findMany({
      where: { id: { in: seatIds.flatMap((s) => parseId(s) ?? []) }, tagId },
      select: { id: true, kind: true, user: { select: { login: true } }, roleDefinition: { select: { name: true } } },
    }),
  ]);
  const actorLogin = new Map(actors.map((a) => [a.id, a.login]));
  const seatOf = new Map(seats.map((s) => [s.id, s]));
  return events.map((e) => {
    const seat = e.subjectId ? seatOf.get(e.subjectId) : undefined;
    const after = (e.after ?? {}) as Record<string, unknown>;
    return {
      id: e.id,
      at: e.at,
      action: e.action,
      actor: e.actorId ? (actorLogin.get(e.actorId) ?? "deleted account") : "system",
      person: seat?.user.login ?? (typeof after.login === "string" ? after.login : null),
      role: seat ? roleName(seat.kind, seat.roleDefinition?.name) : typeof after.name === "string" ? after.name : null,
    };
  });
}

/** Every seat of a TAG for the CSV export (held, pending, emeritus), as plain strings. */
export async function listRosterForExport(tagId: string, at: Date) {
  const rows = await db.roleAssignment.findMany({
    where: { tagId, status: { in: [...SEAT_TAKEN_STATUSES, "emeritus"] } },
    orderBy: [{ kind: "asc" }, { requestedAt: "asc" }],
    select: { ...seatTermSelect, ...seatHolderSelect, roleDefinition: { select: { name: true, roleKey: true } } },
  });
  return rows.map((r) => ({
    login: r.user.login,
    name: r.user.name ?? "",
    role: roleName(r.kind, r.roleDefinition?.name),
    roleKey: r.roleDefinition?.roleKey ?? "",
    kind: r.kind,
    region: r.regionAtStart ?? r.user.region ?? "",
    employer: r.user.employer ?? "",
    status: seatStatusAt(r.status, r.leaves, at),
    start: isoDay(r.startAt) ?? "",
    termEnd: isoDay(r.termEndAt) ?? "",
    obtainedBy: r.obtainedBy,
    decisionLink: r.decisionLink ?? "",
  }));
}

/** A person's seats over time (every status but rejected), newest first: their roster history. */
export function listPersonSeats(userId: string) {
  return db.roleAssignment.findMany({
    where: { userId, status: { not: "rejected" } },
    orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
    take: 100,
    // Read for the public profile, which never shows a person's id.
    select: { ...seatTermSelect, userId: false },
  });
}
