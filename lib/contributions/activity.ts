import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionKind } from "@/lib/generated/prisma/enums";
import { DAY, windowEndingAt, type ActivityWindow } from "@/lib/vocabulary";

export interface Activity {
  total: number;
  byKind: Partial<Record<ContributionKind, number>>;
  lastAt: Date | null;
}

/** The records that count: GitHub and help-wanted ones, and self-reports a lead verified. */
const COUNTED: Prisma.ContributionRecordWhereInput[] = [
  { source: { in: ["github", "help_wanted"] } },
  { source: "self_reported", verification: "verified" },
];

/**
 * How active a person is in one TAG (or across all TAGs when `tagId` is null) over
 * `[from, to)`: records from GitHub and help-wanted, and self-reports a lead verified.
 * The one answer to "is this person active" for rosters, eligibility and dashboards.
 */
export async function activityFor(userId: string, tagId: string | null, window: ActivityWindow): Promise<Activity> {
  const rows = await db.contributionRecord.groupBy({
    by: ["kind"],
    where: {
      userId,
      ...(tagId ? { tagId } : {}),
      occurredAt: { gte: window.from, lt: window.to },
      OR: COUNTED,
    },
    _count: { _all: true },
    _max: { occurredAt: true },
  });
  const byKind: Activity["byKind"] = {};
  let total = 0;
  let lastAt: Date | null = null;
  for (const r of rows) {
    byKind[r.kind] = r._count._all;
    total += r._count._all;
    const max = r._max.occurredAt;
    if (max && (!lastAt || max > lastAt)) lastAt = max;
  }
  return { total, byKind, lastAt };
}

export type ActivityStatus = "active" | "quiet" | "inactive";

/** A TAG's rule: at least `minRecords` counted records in the window is active; some but fewer is quiet; none is inactive. */
export function statusFromTotal(total: number, minRecords: number): ActivityStatus {
  if (total >= Math.max(1, minRecords)) return "active";
  return total > 0 ? "quiet" : "inactive";
}

/**
 * Active, quiet or inactive in one TAG by the TAG's rule (`activityMinRecords` counted records
 * in the last `activityWindowMonths` before `at`). Counts exactly what `activityFor` counts.
 */
export async function activityStatus(
  userId: string,
  tag: { id: string; activityMinRecords: number; activityWindowMonths: number },
  at: Date,
): Promise<{ status: ActivityStatus; activity: Activity; window: ActivityWindow }> {
  const window = windowEndingAt(at, tag.activityWindowMonths);
  const activity = await activityFor(userId, tag.id, window);
  return { status: statusFromTotal(activity.total, tag.activityMinRecords), activity, window };
}

export interface PersonActivity {
  status: ActivityStatus;
  /** Counted records in the TAG's window (what the status is decided on). */
  total: number;
  /** The most recent counted record before `at`, however long ago. */
  lastAt: Date | null;
}

/**
 * Activity of many people in one TAG at once, for a roster page: one set-based query (the
 * (userId, tagId, occurredAt) index serves each person) that counts exactly what `activityFor`
 * counts in the TAG's window, plus each person's latest counted record ever before `at`.
 * People with no counted record are `inactive` with `lastAt` null.
 */
export async function rosterActivity(
  userIds: readonly string[],
  tag: { id: string; activityMinRecords: number; activityWindowMonths: number },
  at: Date,
): Promise<Map<string, PersonActivity>> {
  const ids = [...new Set(userIds)];
  const out = new Map<string, PersonActivity>(ids.map((id) => [id, { status: "inactive", total: 0, lastAt: null }]));
  if (ids.length === 0) return out;
  const { from } = windowEndingAt(at, tag.activityWindowMonths);
  const rows = await db.$queryRaw<{ userId: string; lastAt: Date; total: number }[]>`
    SELECT "userId", max("occurredAt") AS "lastAt", (count(*) FILTER (WHERE "occurredAt" >= ${from}))::int AS "total"
      FROM "ContributionRecord"
     WHERE "userId" = ANY(${ids}::uuid[]) AND "tagId" = ${tag.id}::uuid AND "occurredAt" < ${at}
       AND ("source" IN ('github', 'help-wanted') OR ("source" = 'self-reported' AND "verification" = 'verified'))
     GROUP BY "userId"`;
  for (const r of rows)
    out.set(r.userId, { status: statusFromTotal(r.total, tag.activityMinRecords), total: r.total, lastAt: r.lastAt });
  return out;
}

/** "last contribution 8 months ago" (or days, or years), measured on the portal clock. */
export function lastContributionText(lastAt: Date | null, at: Date): string {
  if (!lastAt) return "no contributions recorded";
  const days = Math.max(0, Math.floor((at.getTime() - lastAt.getTime()) / DAY));
  if (days === 0) return "last contribution today";
  if (days < 31) return `last contribution ${days === 1 ? "1 day" : `${days} days`} ago`;
  const months = Math.floor(days / 30.44);
  if (months < 24) return `last contribution ${months === 1 ? "1 month" : `${months} months`} ago`;
  return `last contribution ${Math.floor(months / 12)} years ago`;
}
/** One TAG's people and the window its rule uses, for {@link activityInTags}. */
export interface ActivityScope {
  tagId: string;
  userIds: readonly string[];
  window: ActivityWindow;
}

/** Key of {@link activityInTags}' answer. */
export const activityKey = (userId: string, tagId: string) => `${userId}:${tagId}`;

/**
 * `activityFor` for many people in many TAGs at once (dashboards): one grouped query, each TAG
 * with its own window, counting exactly what `activityFor` counts. Keyed by {@link activityKey};
 * a person with no counted record is absent.
 */
export async function activityInTags(
  scopes: readonly ActivityScope[],
): Promise<Map<string, { total: number; lastAt: Date | null }>> {
  const wanted = scopes.filter((s) => s.userIds.length > 0);
  const out = new Map<string, { total: number; lastAt: Date | null }>();
  if (wanted.length === 0) return out;
  const rows = await db.contributionRecord.groupBy({
    by: ["userId", "tagId"],
    where: {
      AND: [
        { OR: COUNTED },
        {
          OR: wanted.map((s) => ({
            tagId: s.tagId,
            userId: { in: [...s.userIds] },
            occurredAt: { gte: s.window.from, lt: s.window.to },
          })),
        },
      ],
    },
    _count: { _all: true },
    _max: { occurredAt: true },
  });
  for (const r of rows)
    if (r.tagId) out.set(activityKey(r.userId, r.tagId), { total: r._count._all, lastAt: r._max.occurredAt });
  return out;
}
