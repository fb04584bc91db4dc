import "server-only";
import { db } from "@/lib/db";
import { notify } from "@/lib/notify/send";
import { DAY } from "@/lib/vocabulary";
import { electionLink } from "./context";

/** Days before voting closes when eligible people who have not voted are reminded (issue 20 point 3). */
export const VOTE_REMINDER_DAYS = [2, 1] as const;

/**
 * Reminds each person on the roll who has not voted, two days and one day before voting closes,
 * once per threshold (the dedupe key names election, threshold and person). Someone first seen
 * inside a day gets only the one-day reminder. Whether a person voted is read only here and each
 * notice goes to that person alone: nobody else learns who has not voted.
 */
export async function remindVotersBeforeClose(now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + VOTE_REMINDER_DAYS[0] * DAY);
  const elections = await db.election.findMany({
    where: { phase: "voting", votingCloseAt: { gt: now, lte: horizon } },
    select: { id: true, title: true, votingCloseAt: true, tag: { select: { name: true } } },
  });
  let sent = 0;
  for (const e of elections) {
    const daysLeft = (e.votingCloseAt.getTime() - now.getTime()) / DAY;
    const threshold = daysLeft <= VOTE_REMINDER_DAYS[1] ? VOTE_REMINDER_DAYS[1] : VOTE_REMINDER_DAYS[0];
    const voted = await db.electionParticipation.findMany({ where: { electionId: e.id }, select: { userId: true } });
    const votedIds = new Set(voted.map((v) => v.userId));
    const roll = await db.electionVoter.findMany({ where: { electionId: e.id }, select: { userId: true } });
    for (const { userId } of roll) {
      if (votedIds.has(userId)) continue;
      const created = await notify(
        {
          userId,
          kind: "election.vote-reminder",
          title: `${threshold === 1 ? "One day" : "Two days"} left to vote: ${e.title}`,
          body: `Voting in ${e.title} (${e.tag.name}) closes ${e.votingCloseAt.toISOString()}. You have not voted yet.`,
          link: `${electionLink(e.id)}/vote`,
          dedupeKey: `election-vote-reminder:${e.id}:${threshold}:${userId}`,
        },
        now,
      );
      if (created) sent++;
    }
  }
  return sent;
}
