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

export interface AuditFilter {
  /** Restrict to these TAGs (a lead sees their own); undefined: every event. */
  tagIds?: string[];
  actorLogin?: string;
  action?: string;
  tagSlug?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
}

/** Audit events with filters, newest first, with actor and TAG names for display. */
export async function searchAuditEvents(f: AuditFilter) {
  const actor = f.actorLogin
    ? await db.user.findMany({ where: { login: { equals: f.actorLogin, mode: "insensitive" } }, select: { id: true } })
    : null;
  const tag = f.tagSlug ? await db.tag.findUnique({ where: { slug: f.tagSlug }, select: { id: true } }) : null;
  const tagIds = f.tagIds ? (tag ? f.tagIds.filter((id) => id === tag.id) : f.tagIds) : tag ? [tag.id] : undefined;
  const rows = await db.auditEvent.findMany({
    where: {
      ...(tagIds ? { tagId: { in: tagIds } } : {}),
      ...(f.tagSlug && !tag ? { tagId: "00000000-0000-0000-0000-000000000000" } : {}),
      ...(actor ? { actorId: { in: actor.map((a) => a.id) } } : {}),
      ...(f.action ? { action: { startsWith: f.action } } : {}),
      ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const items = more ? rows.slice(0, AUDIT_PAGE_SIZE) : rows;
  const actorIds = [...new Set(items.map((e) => e.actorId).filter((x): x is string => Boolean(x)))];
  const tagIdsShown = [...new Set(items.map((e) => e.tagId).filter((x): x is string => Boolean(x)))];
  const [people, tags] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds }, deletedAt: null }, select: { id: true, login: true } }),
    db.tag.findMany({ where: { id: { in: tagIdsShown } }, select: { id: true, slug: true, name: true } }),
  ]);
  const loginOf = new Map(people.map((p) => [p.id, p.login]));
  const tagOf = new Map(tags.map((t) => [t.id, t]));
  return {
    items: items.map((e) => ({
      ...e,
      // Events reference people by id; an actor whose account was deleted shows as such.
      actorLabel: e.actorId ? (loginOf.has(e.actorId) ? `@${loginOf.get(e.actorId)}` : "deleted account") : "system",
      tag: e.tagId ? (tagOf.get(e.tagId) ?? null) : null,
    })),
    nextCursor: more ? items.at(-1)?.id : undefined,
  };
}
