import "server-only";
import { db } from "@/lib/db";
import { DAY } from "@/lib/vocabulary";
import { modeFor } from "./preferences";
import { absoluteLink, sendMail } from "./send";

export const NOTIFICATION_DIGEST_DAYS = 7;

/**
 * Sweep: people who set some kinds to "digest" get, at most once every
 * {@link NOTIFICATION_DIGEST_DAYS} days, one mail listing those kinds' notifications since their
 * last digest (the week before, the first time). The week is claimed with a compare-and-swap on
 * `notificationDigestAt` before anything is sent, so a sweep run twice sends one mail; a week with
 * nothing to tell sends nothing. Returns the number of mails.
 */
export async function sendNotificationDigests(now: Date): Promise<number> {
  const due = new Date(now.getTime() - NOTIFICATION_DIGEST_DAYS * DAY);
  const people = await db.user.findMany({
    where: {
      email: { not: null },
      deletedAt: null,
      NOT: { notificationPrefs: { equals: {} } },
      OR: [{ notificationDigestAt: null }, { notificationDigestAt: { lte: due } }],
    },
    select: { id: true, email: true, notificationPrefs: true, notificationDigestAt: true },
    take: 500,
  });
  let sent = 0;
  for (const p of people.filter((u) => Object.values(u.notificationPrefs ?? {}).includes("digest"))) {
    const claimed = await db.user.updateMany({
      where: { id: p.id, notificationDigestAt: p.notificationDigestAt ?? null },
      data: { notificationDigestAt: now },
    });
    if (claimed.count === 0) continue;
    const since = p.notificationDigestAt ?? due;
    const rows = await db.notification.findMany({
      where: { userId: p.id, createdAt: { gt: since, lte: now } },
      orderBy: { createdAt: "asc" },
      select: { kind: true, title: true, link: true },
    });
    const listed = rows.filter((r) => modeFor(p.notificationPrefs, r.kind) === "digest");
    if (!listed.length || !p.email) continue;
    const body = listed.map((r) => `- ${r.title}${absoluteLink(r.link, "\n  ")}`).join("\n");
    await sendMail(
      {
        to: p.email,
        subject:
          listed.length === 1
            ? "Your weekly TAG Portal digest: 1 notice"
            : `Your weekly TAG Portal digest: ${listed.length} notices`,
        text: `${body}\n\nChoose how each kind of notice reaches you on your profile page (${absoluteLink("/me#notifications", "")}).`,
      },
      now,
    );
    sent++;
  }
  return sent;
}
