import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContributionKind } from "@/lib/generated/prisma/enums";

export interface ActivityWindow {
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
}

export interface Activity {
  total: number;
  byKind: Partial<Record<ContributionKind, number>>;
  lastAt: Date | null;
}

/** The records that count: GitHub and help-wanted ones, and self-reports a lead verified. */
const COUNTED: Prisma.ContributionRecordWhereInput[] = [{ source: { in: ["github", "help_wanted"] } }, { source: "self_reported", verification: "verified" }];

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

/** `[at - months, at)`, by calendar months in UTC. */
export function windowEndingAt(at: Date, months: number): ActivityWindow {
  const from = new Date(at);
  from.setUTCMonth(from.getUTCMonth() - months);
  return { from, to: at };
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
export async function activityInTags(scopes: readonly ActivityScope[]): Promise<Map<string, { total: number; lastAt: Date | null }>> {
  const wanted = scopes.filter((s) => s.userIds.length > 0);
  const out = new Map<string, { total: number; lastAt: Date | null }>();
  if (wanted.length === 0) return out;
  const rows = await db.contributionRecord.groupBy({
    by: ["userId", "tagId"],
    where: {
      AND: [
        { OR: COUNTED },
        { OR: wanted.map((s) => ({ tagId: s.tagId, userId: { in: [...s.userIds] }, occurredAt: { gte: s.window.from, lt: s.window.to } })) },
      ],
    },
    _count: { _all: true },
    _max: { occurredAt: true },
  });
  for (const r of rows) if (r.tagId) out.set(activityKey(r.userId, r.tagId), { total: r._count._all, lastAt: r._max.occurredAt });
  return out;
}
