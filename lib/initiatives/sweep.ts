import "server-only";
import { db } from "@/lib/db";
import { notify } from "@/lib/notify/send";
import { STALE_AFTER_DAYS } from "./schemas";
import { DAY, isoDay, LEAD_KINDS } from "@/lib/vocabulary";

/**
 * Sweep: an initiative in progress (or not started) with no check-in for three months is
 * flagged stale, and the TAG's leads and its sponsor hear about it once.
 */
export async function flagStaleInitiatives(now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_AFTER_DAYS * DAY);
  const stale = await db.initiative.findMany({
    where: {
      state: { in: ["not_started", "in_progress"] },
      OR: [{ lastCheckInAt: { lt: cutoff } }, { lastCheckInAt: null, createdAt: { lt: cutoff } }],
    },
    select: { id: true, name: true, tagId: true, sponsorId: true, state: true },
    take: 500,
  });
  let flagged = 0;
  for (const ini of stale) {
    const { count } = await db.initiative.updateMany({
      where: { id: ini.id, state: ini.state },
      data: { state: "stale" },
    });
    if (count === 0) continue;
    flagged++;
    const leads = await db.roleAssignment.findMany({
      where: { tagId: ini.tagId, status: "active", kind: { in: [...LEAD_KINDS] } },
      select: { userId: true },
      distinct: ["userId"],
    });
    const people = new Set([...leads.map((l) => l.userId), ...(ini.sponsorId ? [ini.sponsorId] : [])]);
    for (const userId of people) {
      await notify(
        {
          userId,
          kind: "initiative.stale",
          title: `Initiative "${ini.name}" has had no check-in for three months`,
          link: `/initiatives/${ini.id}`,
          dedupeKey: `initiative-stale:${ini.id}:${userId}:${isoDay(now)}`,
        },
        now,
      );
    }
  }
  return flagged;
}
