import "server-only";
import { db } from "@/lib/db";
import { DAY } from "@/lib/vocabulary";
import { absoluteLink, sendMail } from "./send";

export const NOTIFICATION_DIGEST_DAYS = 7;

/**
 * Sweep: notices held for the weekly digest (kinds a person set to "digest") go out once every
 * {@link NOTIFICATION_DIGEST_DAYS} days per person: they appear in the app and, for a person
 * with an address, one mail lists them. The week is claimed with a compare-and-swap on
 * `notificationDigestAt` and the notices are released in the same transaction, so a sweep run twice
 * releases and mails them once; a week with nothing held sends nothing. Returns the number of mails.
 */
export async function sendNotificationDigests(now: Date): Promise<number> {
  const due = new Date(now.getTime() - NOTIFICATION_DIGEST_DAYS * DAY);
  const people = await db.user.findMany({
    where: {
      // The first digest comes a week after the first notice held for it, then weekly.
      OR: [
        { notificationDigestAt: null, notifications: { some: { heldForDigest: true, createdAt: { lte: due } } } },
        {
          notificationDigestAt: { lte: due },
          notifications: { some: { heldForDigest: true, createdAt: { lte: now } } },
        },
      ],
    },
    select: { id: true, email: true, deletedAt: true, notificationDigestAt: true },
    take: 500,
  });
  let sent = 0;
  for (const p of people) {
    const listed = await db.$transaction(async (tx) => {
      const claimed = await tx.user.updateMany({
        where: { id: p.id, notificationDigestAt: p.notificationDigestAt ?? null },
        data: { notificationDigestAt: now },
      });
      if (claimed.count === 0) return [];
      const where = { userId: p.id, heldForDigest: true, createdAt: { lte: now } };
      const rows = await tx.notification.findMany({
        where,
        orderBy: { createdAt: "asc" },
        select: { title: true, link: true },
      });
      await tx.notification.updateMany({ where, data: { heldForDigest: false } });
      return rows;
    });
    if (!listed.length || !p.email || p.deletedAt) continue;
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
