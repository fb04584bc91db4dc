import "server-only";
import { db } from "@/lib/db";
import { notify } from "@/lib/notify/send";
import { findMatchesForPerson } from "./queries";
import { DAY, isoDay } from "@/lib/vocabulary";

export const DIGEST_EVERY_DAYS = 7;
export const DIGEST_ITEMS = 5;

/**
 * Sweep (weekly digest, issue 9): each person who opted in gets, at most once every
 * {@link DIGEST_EVERY_DAYS} days, their best matches among items posted since their last digest
 * (the week before, the first time): in the app, and by mail when SMTP is configured (lib/notify).
 * The week is claimed with a compare-and-swap on `digestSentAt` before anything is sent, so two
 * workers, or a sweep run twice, never send a second digest; a week without new matches sends
 * nothing and waits for the next.
 */
export async function sendMatchDigests(now: Date): Promise<number> {
  const due = new Date(now.getTime() - DIGEST_EVERY_DAYS * DAY);
  const people = await db.user.findMany({
    where: { digestOptIn: true, OR: [{ digestSentAt: null }, { digestSentAt: { lte: due } }] },
    select: { id: true, digestSentAt: true },
    take: 500,
  });
  let sent = 0;
  for (const p of people) {
    const claimed = await db.user.updateMany({
      where: { id: p.id, digestOptIn: true, digestSentAt: p.digestSentAt ?? null },
      data: { digestSentAt: now },
    });
    if (claimed.count === 0) continue;
    const since = p.digestSentAt ?? due;
    const found = await findMatchesForPerson(p.id, { now, limit: DIGEST_ITEMS, createdAfter: since });
    if (!found?.matches.length) continue;
    const n = found.matches.length;
    const body = found.matches.map((m) => `- ${m.item.title}: ${m.line}.\n  /help-wanted/${m.item.id}`).join("\n");
    const created = await notify(
      {
        userId: p.id,
        kind: "match.digest",
        title: n === 1 ? "A new help-wanted item matches you" : `${n} new help-wanted items match you`,
        body: `${body}\n\nMore on your page of matches. You can stop this weekly digest there.`,
        link: "/help-wanted/for-you",
        dedupeKey: `digest:${p.id}:${isoDay(now)}`,
      },
      now,
    );
    if (created) sent++;
  }
  return sent;
}
