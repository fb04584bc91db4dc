import "server-only";
import { db } from "@/lib/db";

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** Unread notifications of one user (the header badge); those held for the weekly digest wait for it. */
export function countUnread(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null, heldForDigest: false } });
}

/**
 * One page of a user's notifications, newest first, without those held for the weekly digest;
 * `cursor` is the last id of the previous page.
 */
export async function listNotifications(userId: string, opts: { cursor?: string; unreadOnly?: boolean } = {}) {
  const rows = await db.notification.findMany({
    where: { userId, heldForDigest: false, ...(opts.unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_PAGE_SIZE + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
  const more = rows.length > NOTIFICATIONS_PAGE_SIZE;
  const items = more ? rows.slice(0, NOTIFICATIONS_PAGE_SIZE) : rows;
  return { items, nextCursor: more ? items.at(-1)?.id : undefined };
}
