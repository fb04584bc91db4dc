import "server-only";
import { db } from "@/lib/db";
import { notify } from "@/lib/notify/send";
import { leadSeatWhere } from "@/lib/auth/lead-seats";
import { DAY, isoDay, roleName, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";
import { seatSummarySelect } from "./seats";
/** Days before a term ends when the holder and the TAG's leads hear about it. */
export const TERM_REMINDER_DAYS = [60, 14] as const;

/**
 * Notifies the holder and the TAG's leads 60 and 14 days before a term ends, once each: the
 * dedupe key names the seat, the term end (a renewal starts fresh reminders) and the threshold.
 * A seat first seen inside 14 days gets only the 14-day reminder. Returns notifications sent.
 */
export async function remindTermsEnding(now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + TERM_REMINDER_DAYS[0] * DAY);
  const seats = await db.roleAssignment.findMany({
    where: { status: { in: [...SITTING_SEAT_STATUSES] }, termEndAt: { gt: now, lte: horizon } },
    select: { ...seatSummarySelect, termEndAt: true },
    take: 5000,
  });
  if (seats.length === 0) return 0;
  const leads = await db.roleAssignment.findMany({
    where: {
      tagId: { in: [...new Set(seats.map((s) => s.tagId))] },
      ...leadSeatWhere(now),
    },
    select: { tagId: true, userId: true },
  });
  let sent = 0;
  for (const s of seats) {
    const end = s.termEndAt!;
    const daysLeft = (end.getTime() - now.getTime()) / DAY;
    const threshold = daysLeft <= TERM_REMINDER_DAYS[1] ? TERM_REMINDER_DAYS[1] : TERM_REMINDER_DAYS[0];
    const role = roleName(s.kind, s.roleDefinition?.name);
    const date = isoDay(end);
    const recipients = new Set([s.userId, ...leads.filter((l) => l.tagId === s.tagId).map((l) => l.userId)]);
    for (const userId of recipients) {
      const own = userId === s.userId;
      const created = await notify(
        {
          userId,
          kind: "roster.term-ending",
          title: own
            ? `Your term as ${role} of ${s.tag.name} ends on ${date}`
            : `@${s.user.login}'s term as ${role} of ${s.tag.name} ends on ${date}`,
          body: `About ${threshold} days left. Renew the seat, plan an election or an appointment, or let it end.`,
          link: `/tags/${s.tag.slug}`,
          dedupeKey: `term-reminder:${s.id}:${date}:${threshold}:${userId}`,
        },
        now,
      );
      if (created) sent++;
    }
  }
  return sent;
}
