import "server-only";
import { db } from "@/lib/db";
import { addDays } from "@/lib/vocabulary";
import { TICK_DAYS } from "./schemas";

/**
 * A TAG's meetings, newest first, with who attended (confirmed) and who ticked and waits for a
 * lead; `mine` is the viewer's own attendance, and `tickOpen` whether they may still tick.
 */
export async function listMeetings(tagId: string, viewerId: string | null, at: Date, take = 20) {
  const meetings = await db.meeting.findMany({
    where: { tagId },
    orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
    take,
    select: { id: true, heldOn: true, notesUrl: true },
  });
  const records = meetings.length
    ? await db.contributionRecord.findMany({
        where: {
          tagId,
          kind: "meeting",
          OR: meetings.map((m) => ({ externalId: { startsWith: `meeting:${m.id}:` } })),
        },
        select: { externalId: true, verification: true, userId: true, user: { select: { login: true } } },
        orderBy: { user: { login: "asc" } },
      })
    : [];
  return meetings.map((m) => {
    const mine = records.filter((r) => r.externalId?.startsWith(`meeting:${m.id}:`));
    return {
      ...m,
      attended: mine.filter((r) => r.verification === "verified").map((r) => r.user.login),
      waiting: mine.filter((r) => r.verification === "pending").map((r) => r.user.login),
      mine: viewerId ? (mine.find((r) => r.userId === viewerId)?.verification ?? null) : null,
      tickOpen: at.getTime() <= addDays(m.heldOn, TICK_DAYS).getTime(),
    };
  });
}

/** A TAG (by slug) with its meetings as {@link listMeetings} gives them, or null for an unknown slug. */
export async function getTagMeetings(slug: string, viewerId: string | null, at: Date) {
  const tag = await db.tag.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  return tag ? { tag, meetings: await listMeetings(tag.id, viewerId, at) } : null;
}
