import "server-only";
import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

/** A page of audit events, newest first, optionally for one TAG. */
export async function listAuditEvents(opts: { tagId?: string; cursor?: string } = {}) {
  const rows = await db.auditEvent.findMany({
    where: opts.tagId ? { tagId: opts.tagId } : {},
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const items = more ? rows.slice(0, AUDIT_PAGE_SIZE) : rows;
  return { items, nextCursor: more ? items.at(-1)?.id : undefined };
}
