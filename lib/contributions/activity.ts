import "server-only";
import { db } from "@/lib/db";
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
      OR: [{ source: { in: ["github", "help_wanted"] } }, { source: "self_reported", verification: "verified" }],
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
