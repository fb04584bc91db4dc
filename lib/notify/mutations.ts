import "server-only";
import { db } from "@/lib/db";

/** Marks the given notifications (or all) of this user read. Scoped by user: a forged id matches nothing. */
export async function markNotificationsRead(userId: string, ids: string[] | "all", now: Date): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, heldForDigest: false, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: now },
  });
  return count;
}
