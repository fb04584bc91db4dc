import "server-only";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/actor";
import { can, tagsWhere, type Actor } from "@/lib/auth/permissions";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  actorLogin?: string;
  action?: string;
  tagSlug?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
}

/**
 * Audit events with filters, newest first, with actor and TAG names for display, as `viewer` may see
 * them (`audit.view`): TOC members and admins every event, a lead the events of the TAGs they lead.
 * Refused (FORBIDDEN, audited) for someone who may see no TAG's log, or who asks for a TAG whose log
 * is not theirs. `everyTag` says which of the two the viewer sees.
 */
export async function searchAuditEvents(viewer: Actor | null, f: AuditFilter) {
  const tag = f.tagSlug ? await db.tag.findUnique({ where: { slug: f.tagSlug }, select: { id: true } }) : null;
  const scope = tagsWhere(viewer, "audit.view");
  // An unknown slug is no TAG to refuse: it matches no event, as a filter should.
  if ((scope !== "all" && scope.length === 0) || (tag && !can(viewer, "audit.view", tag.id)))
    await requirePermission(viewer, "audit.view", { subjectType: "AuditLog", tagId: tag?.id ?? null });
  const tagIds = tag ? [tag.id] : f.tagSlug ? [] : scope === "all" ? undefined : [...scope];
  const people = f.actorLogin
    ? await db.user.findMany({ where: { login: { equals: f.actorLogin, mode: "insensitive" } }, select: { id: true } })
    : null;
  const rows = await db.auditEvent.findMany({
    where: {
      ...(tagIds ? { tagId: { in: tagIds } } : {}),
      ...(people ? { actorId: { in: people.map((a) => a.id) } } : {}),
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
  const [actors, tags] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds }, deletedAt: null }, select: { id: true, login: true } }),
    db.tag.findMany({ where: { id: { in: tagIdsShown } }, select: { id: true, slug: true, name: true } }),
  ]);
  const loginOf = new Map(actors.map((p) => [p.id, p.login]));
  const tagOf = new Map(tags.map((t) => [t.id, t]));
  return {
    everyTag: scope === "all",
    items: items.map((e) => ({
      ...e,
      // Events reference people by id; an actor whose account was deleted shows as such.
      actorLabel: e.actorId ? (loginOf.has(e.actorId) ? `@${loginOf.get(e.actorId)}` : "deleted account") : "system",
      tag: e.tagId ? (tagOf.get(e.tagId) ?? null) : null,
    })),
    nextCursor: more ? items.at(-1)?.id : undefined,
  };
}
