import "server-only";
import { db } from "@/lib/db";
import { parseId } from "@/lib/vocabulary";

/** Initiatives of a TAG with counts, newest first. */
export function listInitiatives(tagId: string) {
  return db.initiative.findMany({
    where: { tagId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      state: true,
      lastCheckInAt: true,
      _count: { select: { items: true, participants: true } },
    },
  });
}

/** One initiative with its items, people and check-ins. */
export async function getInitiative(rawId: string) {
  const id = parseId(rawId);
  if (!id) return null;
  const ini = await db.initiative.findUnique({
    where: { id },
    include: {
      tag: { select: { id: true, slug: true, name: true } },
      items: { orderBy: { createdAt: "desc" }, select: { id: true, title: true, status: true } },
      participants: { orderBy: { joinedAt: "asc" }, select: { userId: true, joinedAt: true } },
      checkIns: {
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, body: true, createdAt: true, authorId: true },
      },
    },
  });
  if (!ini) return null;
  const ids = [
    ...new Set([
      ...ini.participants.map((p) => p.userId),
      ...ini.checkIns.map((c) => c.authorId).filter((x): x is string => !!x),
      ...(ini.sponsorId ? [ini.sponsorId] : []),
    ]),
  ];
  const people = new Map(
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, login: true, name: true } })).map((u) => [
      u.id,
      u,
    ]),
  );
  return { ...ini, people };
}
