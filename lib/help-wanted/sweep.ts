import "server-only";
import { db } from "@/lib/db";
import { notify } from "@/lib/notify/send";
import { isoDay } from "@/lib/vocabulary";
import { itemLink } from "./items";
import { notifyLeads } from "./notify-leads";
import { staleClaimSql } from "./stale-claims-sql";

/**
 * Sweep: stale claims (./stale-claims.ts) are flagged once:
 * the volunteer and the item's leads are notified. Progress clears the flag.
 */
export async function flagStaleClaims(now: Date): Promise<number> {
  const stale = await db.$queryRaw<{ id: string; itemId: string; userId: string; title: string }[]>`
    SELECT c."id", c."itemId", c."userId", i."title"
      FROM "Claim" c JOIN "HelpWantedItem" i ON i."id" = c."itemId"
     WHERE c."staleNotifiedAt" IS NULL AND ${staleClaimSql(now)}
     LIMIT 1000`;
  for (const c of stale) {
    const { count } = await db.claim.updateMany({
      where: { id: c.id, staleNotifiedAt: null },
      data: { staleNotifiedAt: now },
    });
    if (count === 0) continue;
    const link = itemLink(c.itemId);
    await notify(
      {
        userId: c.userId,
        kind: "claim.stale",
        title: `How is "${c.title}" going?`,
        body: "No update for a while: post progress, or withdraw if you can't continue.",
        link,
        dedupeKey: `stale:${c.id}:${isoDay(now)}`,
      },
      now,
    );
    const tagIds = (await db.helpWantedItemTag.findMany({ where: { itemId: c.itemId }, select: { tagId: true } })).map(
      (t) => t.tagId,
    );
    await notifyLeads(
      db,
      tagIds,
      { kind: "claim.stale", title: `A claim on "${c.title}" went stale`, link },
      now,
      c.userId,
    );
  }
  return stale.length;
}
