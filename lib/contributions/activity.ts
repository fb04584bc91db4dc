import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionKind } from "@/lib/generated/prisma/enums";
import { DAY, windowEndingAt, type ActivityStatus, type ActivityWindow } from "@/lib/vocabulary";

export interface Activity {
  total: number;
  byKind: Partial<Record<ContributionKind, number>>;
  lastAt: Date | null;
}

/** The records that count: GitHub and help-wanted ones, and self-reports a lead verified. */
export const COUNTED: Prisma.ContributionRecordWhereInput[] = [
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

export type { ActivityStatus };

/** A TAG's rule: at least `minRecords` counted records in the window is active; some but fewer is quiet; none is inactive. */
export function statusFromTotal(total: number, minRecords: number): ActivityStatus {
  if (total >= Math.max(1, minRecords)) return "active";
  return total > 0 ? "quiet" : "inactive";
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

/** Every activity figure is shown over these windows, in days before `at`. */
export const ACTIVITY_WINDOW_DAYS = [30, 90, 365] as const;
export type ActivityWindowDays = (typeof ACTIVITY_WINDOW_DAYS)[number];

/** A TAG's activity rule (TAG settings): at least `activityMinRecords` in `activityWindowMonths`. */
export interface ActivityRule {
  id: string;
  activityMinRecords: number;
  activityWindowMonths: number;
}

/** One person's activity in one TAG. */
export interface TagActivity {
  userId: string;
  tagId: string;
  /** Counted records in the last 30, 90 and 365 days. */
  days: Record<ActivityWindowDays, number>;
  /** Counted records in the TAG's rule window: what `status` is decided on. */
  inRule: number;
  /** The most recent counted record before `at`, however long ago. */
  lastAt: Date | null;
  status: ActivityStatus;
}

/** Key of {@link activityByTag}'s answer. */
export const activityKey = (userId: string, tagId: string) => `${userId}:${tagId}`;

/**
 * The one answer to "how active is this person in this TAG": counted records (what
 * `activityFor` counts) over the last 30, 90 and 365 days, in the TAG's own rule window, the
 * latest ever, and the status under the TAG's rule. Profiles, rosters, dashboards and the
 * reverse match all read it. Many people in many TAGs at once, in one set-based query (the
 * (userId, tagId, occurredAt) index serves each pair); every pair asked for is in the answer,
 * `inactive` with zeros when the person has no counted record there.
 */
export async function activityByTag(
  scopes: readonly { tag: ActivityRule; userIds: readonly string[] }[],
  at: Date,
): Promise<Map<string, TagActivity>> {
  const out = new Map<string, TagActivity>();
  const pairs: { userId: string; tag: ActivityRule }[] = [];
  for (const { tag, userIds } of scopes)
    for (const userId of new Set(userIds)) {
      if (out.has(activityKey(userId, tag.id))) continue;
      pairs.push({ userId, tag });
      out.set(activityKey(userId, tag.id), {
        userId,
        tagId: tag.id,
        days: { 30: 0, 90: 0, 365: 0 },
        inRule: 0,
        lastAt: null,
        status: "inactive",
      });
    }
  if (pairs.length === 0) return out;
  const since = (days: number) => new Date(at.getTime() - days * DAY);
  const rows = await db.$queryRaw<
    { userId: string; tagId: string; d30: number; d90: number; d365: number; inRule: number; lastAt: Date }[]
  >`
    SELECT s."userId", s."tagId",
           (count(*) FILTER (WHERE r."occurredAt" >= ${since(30)}))::int AS "d30",
           (count(*) FILTER (WHERE r."occurredAt" >= ${since(90)}))::int AS "d90",
           (count(*) FILTER (WHERE r."occurredAt" >= ${since(365)}))::int AS "d365",
           (count(*) FILTER (WHERE r."occurredAt" >= s."ruleFrom"))::int AS "inRule",
           max(r."occurredAt") AS "lastAt"
      FROM unnest(${pairs.map((p) => p.userId)}::uuid[], ${pairs.map((p) => p.tag.id)}::uuid[],
                  ${pairs.map((p) => windowEndingAt(at, p.tag.activityWindowMonths).from.toISOString())}::timestamptz[])
           AS s("userId", "tagId", "ruleFrom")
      JOIN "ContributionRecord" r ON r."userId" = s."userId" AND r."tagId" = s."tagId" AND r."occurredAt" < ${at}
     WHERE r."source" IN ('github', 'help-wanted') OR (r."source" = 'self-reported' AND r."verification" = 'verified')
     GROUP BY s."userId", s."tagId"`;
  const rules = new Map(pairs.map((p) => [p.tag.id, p.tag]));
  for (const r of rows)
    out.set(activityKey(r.userId, r.tagId), {
      userId: r.userId,
      tagId: r.tagId,
      days: { 30: r.d30, 90: r.d90, 365: r.d365 },
      inRule: r.inRule,
      lastAt: r.lastAt,
      status: statusFromTotal(r.inRule, rules.get(r.tagId)!.activityMinRecords),
    });
  return out;
}

/** The TAGs where a person has any counted record before `at` (a profile's rows of activity). */
export async function tagsWithActivity(userId: string, at: Date): Promise<string[]> {
  const rows = await db.contributionRecord.findMany({
    where: { userId, tagId: { not: null }, occurredAt: { lt: at }, OR: COUNTED },
    distinct: ["tagId"],
    select: { tagId: true },
  });
  return rows.flatMap((r) => (r.tagId ? [r.tagId] : []));
}

/** "2 in 30 days, 5 in 90, 9 in 365": the windows in words. */
export function windowsText(days: Record<ActivityWindowDays, number>): string {
  return `${days[30]} in 30 days, ${days[90]} in 90, ${days[365]} in 365`;
}
