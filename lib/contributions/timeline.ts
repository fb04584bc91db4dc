import "server-only";
import { db } from "@/lib/db";
import type { ContributionKind } from "@/lib/generated/prisma/enums";
import { windowEndingAt } from "@/lib/vocabulary";

export const TIMELINE_KINDS = [
  "pr",
  "issue",
  "review",
  "comment",
  "talk",
  "blog",
  "podcast",
  "assessment",
  "meeting",
  "event",
  "mentoring",
  "help_wanted",
] as const satisfies readonly ContributionKind[];

export interface TimelineMonth {
  /** `YYYY-MM` (UTC). */
  month: string;
  count: number;
}

/** The last `months` calendar months up to and including the one of `at`, oldest first, all zero. */
export function emptyMonths(at: Date, months: number): TimelineMonth[] {
  const out: TimelineMonth[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - i, 1));
    out.push({ month: d.toISOString().slice(0, 7), count: 0 });
  }
  return out;
}

/** Buckets dates into the months of `emptyMonths(at, months)`; dates outside are ignored. */
export function bucketByMonth(dates: Date[], at: Date, months: number): TimelineMonth[] {
  const out = emptyMonths(at, months);
  const index = new Map(out.map((m, i) => [m.month, i]));
  for (const d of dates) {
    const i = index.get(d.toISOString().slice(0, 7));
    if (i !== undefined) out[i]!.count++;
  }
  return out;
}

/**
 * A person's counted contributions (the same rule as `activityFor`) per month for the last 12
 * months, optionally of one TAG and one kind; and the TAGs they have records in, for the filter.
 */
export async function contributionTimeline(
  login: string,
  at: Date,
  filter: { tagSlug?: string; kind?: ContributionKind },
) {
  const user = await db.user.findFirst({
    where: { login: { equals: login, mode: "insensitive" } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  if (!user) return null;
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 11, 1));
  const counted = {
    OR: [
      { source: { in: ["github" as const, "help_wanted" as const] } },
      { source: "self_reported" as const, verification: "verified" as const },
    ],
  };
  const [rows, tagRows] = await Promise.all([
    db.contributionRecord.findMany({
      where: {
        userId: user.id,
        occurredAt: { gte: start, lte: at },
        ...counted,
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.tagSlug ? { tag: { slug: filter.tagSlug } } : {}),
      },
      select: { occurredAt: true },
      take: 20_000,
    }),
    db.tag.findMany({
      where: { contributions: { some: { userId: user.id, ...counted } } },
      orderBy: { name: "asc" },
      select: { slug: true, name: true },
    }),
  ]);
  return {
    months: bucketByMonth(
      rows.map((r) => r.occurredAt),
      at,
      12,
    ),
    tags: tagRows,
    window: windowEndingAt(at, 12),
  };
}
