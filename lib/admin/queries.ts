import "server-only";
import { db } from "@/lib/db";

export const PEOPLE_PAGE_SIZE = 25;

/** People for the admin console, by login or name, with their global roles. */
export function searchPeople(q: string | undefined, page = 0) {
  const term = q?.trim();
  return db.user.findMany({
    where: {
      deletedAt: null,
      ...(term
        ? {
            OR: [{ login: { contains: term, mode: "insensitive" } }, { name: { contains: term, mode: "insensitive" } }],
          }
        : {}),
    },
    orderBy: { login: "asc" },
    skip: page * PEOPLE_PAGE_SIZE,
    take: PEOPLE_PAGE_SIZE + 1,
    select: { id: true, login: true, name: true, isAdmin: true, isTocMember: true, isCncfAmbassador: true },
  });
}
