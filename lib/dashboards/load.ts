import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  activityByTag,
  activityKey,
  type ActivityStatus,
  type ActivityWindowDays,
  type TagActivity,
} from "@/lib/contributions/activity";
import { isBoardReviewDue } from "@/lib/help-wanted/board-review-due";
import { checkInDueAt } from "@/lib/liaisons/overdue";
import { isChasedOverdue } from "@/lib/liaisons/queries";
import { employerKey, parseRegionCounts, type RegionCounts } from "@/lib/roles/seat-rules";
import { roleFigures } from "@/lib/roles/figures";
import { seatStatusAt } from "@/lib/roles/seats";
import {
  addMonths,
  DAY,
  dayOf,
  isoDay,
  type Region,
  REGIONS,
  roleName,
  SEAT_TAKEN_STATUSES,
  SITTING_SEAT_STATUSES,
} from "@/lib/vocabulary";
import { staleClaimSql } from "@/lib/help-wanted/stale-claims-sql";
import { stampedMemo } from "@/lib/cache/memo";
import { dateOf, epochMs, type AsJson } from "./json-sql";

/**
 * The data behind the TOC dashboard and its per-TAG drill-down (issue 10), for any set of TAGs,
 * in a fixed number of set-based queries whatever the number of TAGs, people or items:
 * TAGs, role definitions, seats (with people and leaves), activity of leaders, elections,
 * help-wanted flow (one aggregate statement), liaisons; the drill-down adds two lists.
 * Pure shaping happens in {@link shapeDashboard}; permission checks are in ./queries.ts.
 */
/** "Terms ending soon" and "elections due" look this far ahead (the TOC's question: the next six months). */
export const LOOKAHEAD_MONTHS = 6;
/** Help-wanted flow and "active CNCF Ambassadors" look back this far. */
export const FLOW_DAYS = 90;

export interface RoleSummary {
  /** The role definition's stable key. */
  key: string;
  name: string;
  kind: string;
  /** Held (active and on leave), pending (awaiting the TOC, shown apart) and vacancies: `roleFigures`. */
  holders: number;
  pending: number;
  vacancies: number | null;
  retired: boolean;
  totalSeats: number | null;
  byRegion: Record<Region | "unknown", number>;
  minPerRegion: RegionCounts;
  maxPerRegion: RegionCounts;
  /** Regional minimums unmet and maximums exceeded, e.g. "EMEA 0 of at least 1". */
  regionIssues: string[];
  /** The employer holding most seats of this role (counted for caps), or null when nobody has one. */
  largestEmployer: { name: string; count: number; share: number } | null;
  maxPerEmployer: number | null;
  overEmployerCap: boolean;
}

export interface LeaderActivity {
  /** The seat (RoleAssignment) held: what a removal vote names. */
  seatId: string;
  login: string;
  name: string | null;
  role: string;
  /** Counted contributions in the TAG over the last 30, 90 and 365 days. */
  days: Record<ActivityWindowDays, number>;
  /** Counted contributions in the TAG's activity window (what the status is decided on). */
  total: number;
  lastAt: Date | null;
  status: ActivityStatus;
}

export interface TagDashboard {
  tag: {
    id: string;
    slug: string;
    name: string;
    boardReviewMonths: number;
    boardReviewedAt: Date | null;
    staleAfterDays: number;
    activityMinRecords: number;
    activityWindowMonths: number;
  };
  roles: RoleSummary[];
  /** Held seats (all roles) by region. */
  regions: Record<Region | "unknown", number>;
  /** Chair and tech-lead seats held, awaiting the TOC, and defined. */
  leadership: { filled: number; pending: number; total: number | null };
  /** The largest employer among the TAG's chairs and tech leads. */
  leadershipEmployer: { name: string; count: number; share: number } | null;
  termsEnding: { login: string; role: string; termEndAt: Date }[];
  leaders: LeaderActivity[];
  /** Leaders inactive under the TAG's activity rule (no counted contribution in its window). */
  inactiveLeaders: LeaderActivity[];
  onLeave: { login: string; role: string; from: Date | null; to: Date | null; note: string }[];
  elections: {
    id: string;
    title: string;
    phase: string;
    state: "open" | "awaiting" | "scheduled";
    nextAt: Date | null;
  }[];
  electionsDue: { role: string; reason: string }[];
  flow: {
    open: number;
    held: number;
    done90: number;
    medianDaysToFirstVolunteer: number | null;
    stale: number;
    ambassadorsActive: number;
  };
  liaisonsOverdue: { login: string; target: string; dueAt: Date; lastCheckInAt: Date | null }[];
  /** The board review fell due (one cadence after the last, or after the TAG's creation) and is not finished. */
  boardReviewOverdue: boolean;
  pendingChanges: { login: string; role: string; change: "appointment" | "end" | "renewal"; requestedAt: Date }[];
  /** Drill-down only (empty on the overview). */
  staleClaims: { login: string; itemId: string; item: string; lastActivityAt: Date }[];
  ambassadors: { login: string; name: string | null; lastAt: Date | null }[];
}

const emptyRegions = (): Record<Region | "unknown", number> => ({ APAC: 0, EMEA: 0, Americas: 0, unknown: 0 });

interface FlowRow {
  tagId: string;
  open: number;
  held: number;
  done90: number;
  stale: number;
  ambassadors: number;
  median: number | null;
}

/** Help-wanted flow per TAG: one statement with a grouped aggregate per question. */
function flowSql(tagIds: string[], at: Date, since: Date): Prisma.Sql {
  return Prisma.sql`
    WITH t AS (SELECT g."id" FROM "Tag" g WHERE g."id" = ANY(${tagIds}::uuid[])),
    items AS (
      SELECT x."tagId", count(*) FILTER (WHERE i."status" = 'open')::int AS open
      FROM "HelpWantedItemTag" x JOIN "HelpWantedItem" i ON i."id" = x."itemId"
      WHERE x."tagId" = ANY(${tagIds}::uuid[]) AND i."status" = 'open'
      GROUP BY x."tagId"),
    claims AS (
      SELECT x."tagId",
        count(*) FILTER (WHERE c."status" IN ('accepted', 'done'))::int AS held,
        count(*) FILTER (WHERE c."status" = 'completed' AND c."completedAt" >= ${since})::int AS done90,
        count(*) FILTER (WHERE ${staleClaimSql(at)})::int AS stale,
        count(DISTINCT c."userId") FILTER (WHERE u."isCncfAmbassador" AND (
          (c."status" IN ('accepted', 'done', 'completed') AND c."decidedAt" >= ${since}) OR (c."status" = 'completed' AND c."completedAt" >= ${since})))::int AS ambassadors
      FROM "Claim" c
      JOIN "HelpWantedItemTag" x ON x."itemId" = c."itemId"
      JOIN t ON t."id" = x."tagId"
      JOIN "User" u ON u."id" = c."userId"
      WHERE c."status" IN ('accepted', 'done') OR (c."status" = 'completed' AND (c."completedAt" >= ${since} OR c."decidedAt" >= ${since}))
      GROUP BY x."tagId"),
    firsts AS (
      SELECT c."itemId", min(c."createdAt") AS "firstAt"
      FROM "Claim" c
      WHERE c."invitedById" IS NULL AND c."createdAt" >= ${since}
      GROUP BY c."itemId"),
    waits AS (
      SELECT x."tagId", percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f."firstAt" - i."createdAt") / 86400) AS median
      FROM firsts f
      JOIN "HelpWantedItem" i ON i."id" = f."itemId"
      JOIN "HelpWantedItemTag" x ON x."itemId" = f."itemId"
      WHERE x."tagId" = ANY(${tagIds}::uuid[])
        -- the item's first claim ever falls in the window (not a later one)
        AND NOT EXISTS (SELECT 1 FROM "Claim" e WHERE e."itemId" = f."itemId" AND e."invitedById" IS NULL AND e."createdAt" < ${since})
      GROUP BY x."tagId")
    SELECT t."id" AS "tagId", coalesce(items.open, 0) AS open, coalesce(claims.held, 0) AS held, coalesce(claims.done90, 0) AS done90,
      coalesce(claims.stale, 0) AS stale, coalesce(claims.ambassadors, 0) AS ambassadors, waits.median::float8 AS median
    FROM t LEFT JOIN items ON items."tagId" = t."id" LEFT JOIN claims ON claims."tagId" = t."id" LEFT JOIN waits ON waits."tagId" = t."id"`;
}

/**
 * The flow statement reads every held and recent claim and every open item of the TAGs: about a
 * second at 100,000 items, nine tenths of the dashboard's time. Its figures are the same for every
 * viewer of the same TAGs, so a web process keeps them while no help-wanted or TAG change is announced
 * (lib/cache/memo.ts): fresh for a minute, then served while one refresh runs for up to five.
 */
const flowMemo = stampedMemo<FlowRow[]>(["help-wanted", "tags"], {
  freshMs: 60_000,
  staleMs: 5 * 60_000,
  maxEntries: 64,
});

/**
 * The rows of {@link dashboardRows} for a scope and day, kept in a web process while no governance
 * or TAG change is announced (lib/cache/memo.ts; the triggers of migration governance_cache_notice
 * announce every writer's change): the same for every viewer of the same TAGs, and at bench scale
 * most of `/toc`'s database time (with the trends' document, 44 -> 8 ms of PostgreSQL CPU per
 * request; decision 018, sixth round).
 * What moves with time alone is decided per request from these rows (terms ending, overdue
 * check-ins); only leaves are filtered by day, and the day is in the key.
 */
const rowsMemo = stampedMemo<Rows>(["governance", "tags"], { freshMs: 60_000, staleMs: 5 * 60_000, maxEntries: 64 });

/** The stale claims on a TAG's items (the oldest 500), by the one stale-claim rule. */
async function staleClaimIdsIn(tagId: string, at: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "Claim" c
     WHERE c."itemId" IN (SELECT x."itemId" FROM "HelpWantedItemTag" x WHERE x."tagId" = ${tagId}::uuid)
       AND ${staleClaimSql(at)}
     ORDER BY c."lastActivityAt" LIMIT 500`;
  return rows.map((r) => r.id);
}

/** What {@link shapeDashboard} reads for every TAG in scope, with the TAG each row belongs to. */
interface Rows {
  tags: Inputs["tag"][];
  defs: (Inputs["defs"][number] & { tagId: string })[];
  seats: (Inputs["seats"][number] & { tagId: string })[];
  elections: (Inputs["elections"][number] & { tagId: string })[];
  liaisons: (Inputs["liaisons"][number] & { assignment: { tagId: string } })[];
}

/**
 * The TAGs in `tagIds` (every TAG when null, by name) with their current role definitions, taken
 * seats (holder, role, leaves not over by `today`), elections not yet published and running
 * liaisons: one statement and one JSON document instead of a dozen ORM reads and their objects
 * (decision 018: these made most of `/toc`'s CPU). The same filters and orders as those reads, with
 * the row's id last so that ties (seats requested at once) keep one order from page to page.
 */
async function dashboardRows(tagIds: readonly string[] | null, today: Date): Promise<Rows> {
  const ms = (column: string) => epochMs(Prisma.raw(column));
  const scope = tagIds ? Prisma.sql`g."id" = ANY(${[...tagIds]}::uuid[])` : Prisma.sql`true`;
  // The schema stores these enums' values with "-" where the client spells "_" (`on-leave`,
  // `tech-lead`): filters are written in the stored spelling, values read back in the client's.
  // The parameters take the column's enum type, so the comparison can use the (tagId, status) index.
  const statuses = (list: readonly string[]) =>
    Prisma.join(list.map((v) => Prisma.sql`${v.replaceAll("_", "-")}::"AssignmentStatus"`));
  const named = (column: string) => Prisma.raw(`replace(${column}::text, '-', '_')`);
  const leaves = (note: boolean) => Prisma.sql`coalesce((
      SELECT json_agg(json_build_object('from', ${ms(`l."from"`)}, 'to', ${ms(`l."to"`)}${note ? Prisma.sql`, 'note', l."note"` : Prisma.empty}) ORDER BY l."from")
        FROM "Leave" l WHERE l."assignmentId" = a."id" AND l."to" >= ${isoDay(today)}::date), '[]'::json)`;
  const [row] = await db.$queryRaw<{ doc: string }[]>`
    WITH t AS (SELECT g.* FROM "Tag" g WHERE ${scope})
    SELECT json_build_object(
      'tags', (SELECT coalesce(json_agg(json_build_object(
          'id', t."id", 'slug', t."slug", 'name', t."name", 'createdAt', ${ms(`t."createdAt"`)},
          'boardReviewMonths', t."boardReviewMonths", 'boardReviewedAt', ${ms(`t."boardReviewedAt"`)},
          'staleAfterDays', t."staleAfterDays", 'activityMinRecords', t."activityMinRecords",
          'activityWindowMonths', t."activityWindowMonths", 'leaveCountsTowardCaps', t."leaveCountsTowardCaps")
          ORDER BY t."name"), '[]'::json) FROM t),
      'defs', (SELECT coalesce(json_agg(json_build_object(
          'tagId', d."tagId", 'roleKey', d."roleKey", 'name', d."name", 'kind', ${named(`d."kind"`)}, 'selection', d."selection",
          'totalSeats', d."totalSeats", 'maxPerRegion', d."maxPerRegion", 'minPerRegion', d."minPerRegion",
          'maxPerEmployer', d."maxPerEmployer", 'retiredAt', ${ms(`d."retiredAt"`)})
          ORDER BY d."kind", d."name", d."id"), '[]'::json)
        FROM "RoleDefinition" d JOIN t ON t."id" = d."tagId" WHERE d."supersededAt" IS NULL),
      'seats', (SELECT coalesce(json_agg(json_build_object(
          'id', a."id", 'userId', a."userId", 'tagId', a."tagId", 'kind', ${named(`a."kind"`)}, 'status', ${named(`a."status"`)},
          'regionAtStart', a."regionAtStart", 'termEndAt', ${ms(`a."termEndAt"`)}, 'requestedAt', ${ms(`a."requestedAt"`)},
          'endRequestedAt', ${ms(`a."endRequestedAt"`)}, 'renewRequestedAt', ${ms(`a."renewRequestedAt"`)},
          'user', json_build_object('login', u."login", 'name', u."name", 'region', u."region", 'employer', u."employer"),
          'roleDefinition', CASE WHEN r."id" IS NULL THEN NULL ELSE json_build_object('roleKey', r."roleKey", 'name', r."name") END,
          'leaves', ${leaves(true)})
          ORDER BY a."kind", a."requestedAt", a."id"), '[]'::json)
        FROM "RoleAssignment" a JOIN t ON t."id" = a."tagId" JOIN "User" u ON u."id" = a."userId"
        LEFT JOIN "RoleDefinition" r ON r."id" = a."roleDefinitionId"
        WHERE a."status" IN (${statuses(SEAT_TAKEN_STATUSES)})),
      'elections', (SELECT coalesce(json_agg(json_build_object(
          'id', e."id", 'tagId', e."tagId", 'roleKey', e."roleKey", 'title', e."title", 'phase', e."phase",
          'nominationsOpenAt', ${ms(`e."nominationsOpenAt"`)}, 'votingOpenAt', ${ms(`e."votingOpenAt"`)},
          'votingCloseAt', ${ms(`e."votingCloseAt"`)})
          ORDER BY e."votingOpenAt", e."id"), '[]'::json)
        FROM "Election" e JOIN t ON t."id" = e."tagId" WHERE e."phase" <> 'published'),
      'liaisons', (SELECT coalesce(json_agg(json_build_object(
          'cadenceDays', li."cadenceDays", 'lastCheckInAt', ${ms(`li."lastCheckInAt"`)}, 'createdAt', ${ms(`li."createdAt"`)},
          'foundation', li."foundation",
          'project', CASE WHEN p."id" IS NULL THEN NULL ELSE json_build_object('displayName', p."displayName") END,
          'assignment', json_build_object('tagId', a."tagId", 'status', ${named(`a."status"`)},
            'user', json_build_object('login', u."login"), 'leaves', ${leaves(false)}))
          ORDER BY li."createdAt", li."id"), '[]'::json)
        FROM "Liaison" li JOIN "RoleAssignment" a ON a."id" = li."assignmentId" JOIN t ON t."id" = a."tagId"
        JOIN "User" u ON u."id" = a."userId" LEFT JOIN "Project" p ON p."id" = li."projectId"
        WHERE li."endedAt" IS NULL AND a."status" IN (${statuses(SITTING_SEAT_STATUSES)}))
    )::text AS "doc"`;
  const doc = JSON.parse(row!.doc) as AsJson<Rows>;
  const leavesOf = <L extends { from: number; to: number }>(ls: L[]) =>
    ls.map((l) => ({ ...l, from: dateOf(l.from), to: dateOf(l.to) }));
  return {
    tags: doc.tags.map((t) => ({ ...t, createdAt: dateOf(t.createdAt), boardReviewedAt: dateOf(t.boardReviewedAt) })),
    defs: doc.defs.map((d) => ({ ...d, retiredAt: dateOf(d.retiredAt) })),
    seats: doc.seats.map((s) => ({
      ...s,
      termEndAt: dateOf(s.termEndAt),
      requestedAt: dateOf(s.requestedAt),
      endRequestedAt: dateOf(s.endRequestedAt),
      renewRequestedAt: dateOf(s.renewRequestedAt),
      leaves: leavesOf(s.leaves),
    })),
    elections: doc.elections.map((e) => ({
      ...e,
      nominationsOpenAt: dateOf(e.nominationsOpenAt),
      votingOpenAt: dateOf(e.votingOpenAt),
      votingCloseAt: dateOf(e.votingCloseAt),
    })),
    liaisons: doc.liaisons.map((l) => ({
      ...l,
      lastCheckInAt: dateOf(l.lastCheckInAt),
      createdAt: dateOf(l.createdAt),
      assignment: { ...l.assignment, leaves: leavesOf(l.assignment.leaves) },
    })),
  };
}

/**
 * Loads the dashboard of each TAG in `tagIds` (all TAGs when null) as of `at`.
 * `detail` adds the lists of the drill-down page (stale claims, active CNCF Ambassadors).
 * Callers check permission first (./queries.ts).
 */
export async function loadDashboards(
  tagIds: readonly string[] | null,
  at: Date,
  detail = false,
): Promise<TagDashboard[]> {
  const today = dayOf(at);
  const { tags, defs, seats, elections, liaisons } = await rowsMemo.get(
    `${tagIds?.join(",") ?? "all"} ${isoDay(today)}`,
    at,
    () => dashboardRows(tagIds, today),
  );
  if (tags.length === 0) return [];
  const ids = tags.map((t) => t.id);
  const since = new Date(at.getTime() - FLOW_DAYS * DAY);
  const leaderSeats = seats.filter((s) => (s.kind === "chair" || s.kind === "tech_lead") && s.status !== "pending");
  const [flows, activity] = await Promise.all([
    flowMemo.get(ids.join(","), at, () => db.$queryRaw<FlowRow[]>(flowSql(ids, at, since))),
    activityByTag(
      tags.map((t) => ({ tag: t, userIds: leaderSeats.filter((s) => s.tagId === t.id).map((s) => s.userId) })),
      at,
    ),
  ]);

  let details: { stale: TagDashboard["staleClaims"]; ambassadors: TagDashboard["ambassadors"] } | null = null;
  if (detail && tags.length === 1) {
    const tag = tags[0]!;
    const [stale, ambassadors] = await Promise.all([
      db.claim.findMany({
        where: { id: { in: await staleClaimIdsIn(tag.id, at) } },
        orderBy: { lastActivityAt: "asc" },
        select: {
          lastActivityAt: true,
          user: { select: { login: true } },
          item: { select: { id: true, title: true } },
        },
      }),
      db.user.findMany({
        where: {
          isCncfAmbassador: true,
          claims: {
            some: {
              item: { tags: { some: { tagId: tag.id } } },
              OR: [
                { status: { in: ["accepted", "done", "completed"] }, decidedAt: { gte: since } },
                { status: "completed", completedAt: { gte: since } },
              ],
            },
          },
        },
        orderBy: { login: "asc" },
        select: {
          login: true,
          name: true,
          claims: {
            where: { item: { tags: { some: { tagId: tag.id } } } },
            orderBy: { lastActivityAt: "desc" },
            take: 1,
            select: { lastActivityAt: true },
          },
        },
      }),
    ]);
    details = {
      stale: stale.map((c) => ({
        login: c.user.login,
        itemId: c.item.id,
        item: c.item.title,
        lastActivityAt: c.lastActivityAt,
      })),
      ambassadors: ambassadors.map((u) => ({
        login: u.login,
        name: u.name,
        lastAt: u.claims[0]?.lastActivityAt ?? null,
      })),
    };
  }

  return tags.map((tag) =>
    shapeDashboard({
      tag,
      at,
      defs: defs.filter((d) => d.tagId === tag.id),
      seats: seats.filter((s) => s.tagId === tag.id),
      elections: elections.filter((e) => e.tagId === tag.id),
      flow: flows.find((f) => f.tagId === tag.id),
      liaisons: liaisons.filter((l) => l.assignment.tagId === tag.id),
      activity,
      details,
    }),
  );
}

interface Inputs {
  tag: TagDashboard["tag"] & { leaveCountsTowardCaps: boolean; createdAt: Date };
  at: Date;
  defs: {
    roleKey: string;
    name: string;
    kind: string;
    selection: string;
    totalSeats: number | null;
    maxPerRegion: unknown;
    minPerRegion: unknown;
    maxPerEmployer: number | null;
    retiredAt: Date | null;
  }[];
  seats: {
    id: string;
    userId: string;
    kind: string;
    status: string;
    regionAtStart: Region | null;
    termEndAt: Date | null;
    requestedAt: Date;
    endRequestedAt: Date | null;
    renewRequestedAt: Date | null;
    user: { login: string; name: string | null; region: Region | null; employer: string | null };
    roleDefinition: { roleKey: string; name: string } | null;
    leaves: { from: Date; to: Date; note: string }[];
  }[];
  elections: {
    id: string;
    roleKey: string;
    title: string;
    phase: string;
    nominationsOpenAt: Date;
    votingOpenAt: Date;
    votingCloseAt: Date;
  }[];
  flow: FlowRow | undefined;
  liaisons: {
    cadenceDays: number;
    lastCheckInAt: Date | null;
    createdAt: Date;
    foundation: string | null;
    project: { displayName: string } | null;
    assignment: { status: string; user: { login: string }; leaves: { from: Date; to: Date }[] };
  }[];
  activity: Map<string, TagActivity>;
  details: { stale: TagDashboard["staleClaims"]; ambassadors: TagDashboard["ambassadors"] } | null;
}

/** The largest employer among holders (independents and unknown employers are never one employer). */
function largestEmployer(holders: { employer: string | null }[]) {
  const counts = new Map<string, { name: string; count: number }>();
  for (const h of holders) {
    const k = employerKey(h.employer);
    if (k === null) continue;
    const c = counts.get(k) ?? { name: h.employer!.trim(), count: 0 };
    c.count++;
    counts.set(k, c);
  }
  const top = [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))[0];
  return top && holders.length > 0 ? { ...top, share: top.count / holders.length } : null;
}

/** Pure: one TAG's dashboard from the rows loaded for it. */
export function shapeDashboard(i: Inputs): TagDashboard {
  const { tag, at } = i;
  const horizon = addMonths(at, LOOKAHEAD_MONTHS);
  // Each field named rather than the row spread and extended: the figures below filter these
  // objects many times, and the spread copies took twice the CPU of the whole loader (9 against
  // 18 ms per call for every TAG at bench scale, in process).
  const seats = i.seats.map((s) => {
    const state = seatStatusAt(s.status, s.leaves, at);
    return {
      id: s.id,
      userId: s.userId,
      kind: s.kind,
      status: s.status,
      termEndAt: s.termEndAt,
      requestedAt: s.requestedAt,
      endRequestedAt: s.endRequestedAt,
      renewRequestedAt: s.renewRequestedAt,
      user: s.user,
      leaves: s.leaves,
      roleKey: s.roleDefinition?.roleKey ?? null,
      role: roleName(s.kind, s.roleDefinition?.name),
      region: s.regionAtStart ?? s.user.region,
      state,
      onLeave: state === "on-leave",
      held: state !== "pending",
    };
  });
  const held = seats.filter((s) => s.held);

  const roles: RoleSummary[] = i.defs.map((def) => {
    const figures = roleFigures(def, seats);
    const holders = held.filter((s) => s.roleKey === def.roleKey);
    const counted = tag.leaveCountsTowardCaps ? holders : holders.filter((h) => !h.onLeave);
    const byRegion = emptyRegions();
    for (const h of counted) byRegion[h.region ?? "unknown"]++;
    const minPerRegion = parseRegionCounts(def.minPerRegion);
    const maxPerRegion = parseRegionCounts(def.maxPerRegion);
    const regionIssues: string[] = [];
    for (const r of REGIONS) {
      const min = minPerRegion[r];
      const max = maxPerRegion[r];
      if (min !== undefined && byRegion[r] < min) regionIssues.push(`${r} ${byRegion[r]} of at least ${min}`);
      if (max !== undefined && byRegion[r] > max) regionIssues.push(`${r} ${byRegion[r]} of at most ${max}`);
    }
    const top = largestEmployer(counted.map((h) => ({ employer: h.user.employer })));
    const cap = def.maxPerEmployer;
    return {
      key: def.roleKey,
      name: roleName(def.kind, def.name),
      kind: def.kind,
      holders: figures.holders,
      pending: figures.pending,
      vacancies: figures.vacancies,
      retired: figures.retired,
      totalSeats: figures.totalSeats,
      byRegion,
      minPerRegion,
      maxPerRegion,
      regionIssues,
      largestEmployer: top,
      maxPerEmployer: cap,
      overEmployerCap: cap !== null && top !== null && top.count > cap,
    };
  });

  const regions = emptyRegions();
  for (const s of held) regions[s.region ?? "unknown"]++;
  const leadershipRoles = roles.filter((r) => r.kind === "chair" || r.kind === "tech_lead");
  const leadershipSeats = held.filter((s) => s.kind === "chair" || s.kind === "tech_lead");
  const totals = leadershipRoles.map((r) => r.totalSeats);

  const leaders: LeaderActivity[] = leadershipSeats.map((s) => {
    const a = i.activity.get(activityKey(s.userId, tag.id));
    return {
      seatId: s.id,
      login: s.user.login,
      name: s.user.name,
      role: s.role,
      days: a?.days ?? { 30: 0, 90: 0, 365: 0 },
      total: a?.inRule ?? 0,
      lastAt: a?.lastAt ?? null,
      status: a?.status ?? "inactive",
    };
  });

  const elections = i.elections.map((e) => {
    const state =
      e.phase === "nominations" || e.phase === "voting"
        ? ("open" as const)
        : e.phase === "draft"
          ? ("scheduled" as const)
          : ("awaiting" as const);
    const nextAt =
      e.phase === "draft"
        ? e.nominationsOpenAt
        : e.phase === "nominations"
          ? e.votingOpenAt
          : e.phase === "voting"
            ? e.votingCloseAt
            : null;
    return { id: e.id, title: e.title, phase: e.phase, state, nextAt };
  });
  // An elected role is due an election when seats are open or terms end within the lookahead
  // and no election of that role is under way.
  const electionsDue: TagDashboard["electionsDue"] = [];
  for (const d of i.defs.filter((d) => d.selection === "election")) {
    if (i.elections.some((e) => e.roleKey === d.roleKey)) continue;
    const ending = held.filter((s) => s.roleKey === d.roleKey && s.termEndAt && s.termEndAt <= horizon).length;
    const open = roles.find((r) => r.key === d.roleKey)?.vacancies ?? 0;
    if (ending > 0 || open > 0) {
      electionsDue.push({
        role: d.name,
        reason: [
          open ? `${open} open seat${open > 1 ? "s" : ""}` : "",
          ending ? `${ending} term${ending > 1 ? "s" : ""} ending within ${LOOKAHEAD_MONTHS} months` : "",
        ]
          .filter(Boolean)
          .join(", "),
      });
    }
  }

  const pendingChanges = seats.flatMap((s): TagDashboard["pendingChanges"] => {
    if (s.status === "pending")
      return [{ login: s.user.login, role: s.role, change: "appointment" as const, requestedAt: s.requestedAt }];
    if (s.endRequestedAt)
      return [{ login: s.user.login, role: s.role, change: "end" as const, requestedAt: s.endRequestedAt }];
    if (s.renewRequestedAt)
      return [{ login: s.user.login, role: s.role, change: "renewal" as const, requestedAt: s.renewRequestedAt }];
    return [];
  });

  const f = i.flow;
  return {
    tag: {
      id: tag.id,
      slug: tag.slug,
      name: tag.name,
      boardReviewMonths: tag.boardReviewMonths,
      boardReviewedAt: tag.boardReviewedAt,
      staleAfterDays: tag.staleAfterDays,
      activityMinRecords: tag.activityMinRecords,
      activityWindowMonths: tag.activityWindowMonths,
    },
    roles,
    regions,
    leadership: {
      filled: leadershipRoles.reduce((n, r) => n + r.holders, 0),
      pending: leadershipRoles.reduce((n, r) => n + r.pending, 0),
      total:
        totals.length > 0 && totals.every((t) => t !== null) ? totals.reduce<number>((a, b) => a + (b ?? 0), 0) : null,
    },
    leadershipEmployer: largestEmployer(leadershipSeats.map((s) => ({ employer: s.user.employer }))),
    termsEnding: held
      .filter((s) => s.termEndAt && s.termEndAt > at && s.termEndAt <= horizon)
      .sort((a, b) => a.termEndAt!.getTime() - b.termEndAt!.getTime())
      .map((s) => ({ login: s.user.login, role: s.role, termEndAt: s.termEndAt! })),
    leaders,
    inactiveLeaders: leaders.filter((l) => l.status === "inactive"),
    onLeave: seats
      .filter((s) => s.onLeave)
      .map((s) => {
        const leave = s.leaves.find((l) => l.from <= at) ?? null;
        return {
          login: s.user.login,
          role: s.role,
          from: leave?.from ?? null,
          to: leave?.to ?? null,
          note: leave?.note ?? "",
        };
      }),
    elections,
    electionsDue,
    flow: {
      open: f?.open ?? 0,
      held: f?.held ?? 0,
      done90: f?.done90 ?? 0,
      medianDaysToFirstVolunteer: f?.median ?? null,
      stale: f?.stale ?? 0,
      ambassadorsActive: f?.ambassadors ?? 0,
    },
    liaisonsOverdue: i.liaisons
      .filter((l) => isChasedOverdue(l, at))
      .map((l) => ({
        login: l.assignment.user.login,
        target: l.project?.displayName ?? l.foundation ?? "",
        dueAt: checkInDueAt(l),
        lastCheckInAt: l.lastCheckInAt,
      }))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()),
    boardReviewOverdue: isBoardReviewDue(tag, at),
    pendingChanges,
    staleClaims: i.details?.stale ?? [],
    ambassadors: i.details?.ambassadors ?? [],
  };
}
