import "server-only";
import { db } from "@/lib/db";
import { sendDecisionDigests, sweepDecisions } from "@/lib/decision-outcomes/sweep";
import { advanceElectionPhases } from "@/lib/elections/phases";
import { compactOwedBallots } from "@/lib/elections/compaction";
import { remindVotersBeforeClose } from "@/lib/elections/reminders";
import { expireVacancyOffers } from "@/lib/elections/vacancy-offers";
import { flagStaleInitiatives } from "@/lib/initiatives/sweep";
import { flagStaleClaims } from "@/lib/help-wanted/sweep";
import { flagOverdueLiaisons } from "@/lib/liaisons/sweep";
import { sweepBoardReviews } from "@/lib/help-wanted/board-reviews";
import { sendMatchDigests } from "@/lib/matching/digest";
import { notify } from "@/lib/notify/send";
import { sendNotificationDigests } from "@/lib/notify/digest";
import { endFinishedTerms } from "@/lib/roles/term-ends";
import { closeConsensusWindows } from "@/lib/roles/consensus";
import { remindTermsEnding } from "@/lib/roles/term-reminders";
import { remindHolderReports } from "@/lib/roles/holder-reports";
import { DAY } from "@/lib/vocabulary";
import { scheduleDailySyncs } from "@/lib/github/sync-runs";
import { openPendingRosterPulls } from "@/lib/github/roster-pulls";
import { deliverSlackMessages } from "@/lib/slack/deliveries";
import { enqueueSync, ensureQueues, getBoss, type QueuedJob } from "@/lib/jobs/queue";

/**
 * Time-driven work. Each sweep compares domain data with the clock's `now` and acts on what is
 * due; running it twice does nothing new (notifications carry a dedupe key). Nothing relies on the
 * queue's delays or cron: the worker enqueues every sweep each minute, and moving the demo clock
 * enqueues them at once. Later features add their sweeps (stale claims, overdue check-ins, term
 * reminders, election phases, digests) to this list.
 */
export interface Sweep {
  name: string;
  description: string;
  run: (now: Date) => Promise<number>;
}
export const PROFILE_REMINDER_AFTER_DAYS = 7;
/** Also queued every few seconds by the worker: a Slack message should not wait for the minute's tick. */
export const SLACK_SWEEP = "sweep-slack-deliveries";

/** A week after joining, people whose profile lacks region or timezone are asked to add them (matching needs both). */
async function remindIncompleteProfiles(now: Date): Promise<number> {
  const due = await db.user.findMany({
    where: {
      createdAt: { lte: new Date(now.getTime() - PROFILE_REMINDER_AFTER_DAYS * DAY) },
      deletedAt: null,
      OR: [{ region: null }, { timezone: null }],
    },
    select: { id: true },
    take: 1000,
  });
  let sent = 0;
  for (const u of due) {
    const created = await notify(
      {
        userId: u.id,
        kind: "profile.incomplete",
        title: "Complete your profile",
        body: "Add your region and timezone so TAGs can match you with help-wanted work that fits.",
        link: "/me",
        dedupeKey: `profile-reminder:${u.id}`,
      },
      now,
    );
    if (created) sent++;
  }
  return sent;
}

export const sweeps: Sweep[] = [
  {
    name: "sweep-profile-reminders",
    description: "Remind people to complete their profile",
    run: remindIncompleteProfiles,
  },
  { name: "sweep-stale-claims", description: "Flag accepted claims with no recent update", run: flagStaleClaims },
  {
    name: "sweep-term-reminders",
    description: "Remind holders and leads 60 and 14 days before a term ends",
    run: remindTermsEnding,
  },
  {
    name: "sweep-holder-reports",
    description: "Remind seat holders who have not posted their quarterly report two weeks before the quarter ends",
    run: remindHolderReports,
  },
  {
    name: "sweep-consensus-windows",
    description: "Move consensus appointments whose objection window ended without objection to their next step",
    run: closeConsensusWindows,
  },
  {
    name: "sweep-term-ends",
    description: "End (or move to emeritus) seats whose term has passed; tell the person and the leads",
    run: endFinishedTerms,
  },
  { name: "sweep-liaison-check-ins", description: "Flag liaisons whose check-in is overdue", run: flagOverdueLiaisons },
  {
    name: "sweep-board-reviews",
    description: "Finish board reviews with nothing left to review; remind leads when a review falls due",
    run: sweepBoardReviews,
  },
  {
    name: "sweep-stale-initiatives",
    description: "Flag initiatives with no check-in for three months",
    run: flagStaleInitiatives,
  },
  {
    name: "sweep-election-phases",
    description: "Open nominations and voting, close and count elections when their times come",
    run: advanceElectionPhases,
  },
  {
    name: "sweep-ballot-compaction",
    description: "Remove dead ballot copies a close or cancellation left while an older database snapshot lasted",
    run: compactOwedBallots,
  },
  {
    name: "sweep-vote-reminders",
    description: "Remind eligible people who have not voted two days and one day before voting closes",
    run: remindVotersBeforeClose,
  },
  {
    name: "sweep-vacancy-offers",
    description: "Expire vacancy offers whose deadline passed and offer the seat to the next runner-up",
    run: expireVacancyOffers,
  },
  {
    name: "sweep-decisions",
    description: "Close TOC decisions whose period ended; tell TOC members about new votes and ones closing soon",
    run: sweepDecisions,
  },
  {
    name: "sweep-roster-pulls",
    description: "Open a pull request to the TOC's tags.yaml for each open roster decision (when configured)",
    run: openPendingRosterPulls,
  },
  {
    name: "sweep-decision-digests",
    description: "Send TOC members the open decisions, once a week",
    run: sendDecisionDigests,
  },
  {
    name: "sweep-match-digests",
    description: "Send opted-in people their new best matches, once a week",
    run: sendMatchDigests,
  },
  {
    name: "sweep-github-daily-sync",
    description: "Queue a GitHub sync of every TAG's repositories once a day",
    run: (at) => scheduleDailySyncs(at, enqueueSync),
  },
  {
    name: SLACK_SWEEP,
    description: "Post queued Slack messages to TAG channels; retry failed posts with backoff",
    run: (at) => deliverSlackMessages(at),
  },
  {
    name: "sweep-github-writes",
    description: "Send writes to GitHub whose time came (a retry after its backoff, or one whose job was lost)",
    run: async (at) => (await import("@/lib/github/writes")).sendDueWrites(at),
  },
  {
    name: "sweep-notification-digests",
    description: "Mail people the notices they chose to get in a weekly digest",
    run: sendNotificationDigests,
  },
];

/**
 * Enqueues every sweep. A worker's tick passes `tickSeconds`: however many workers tick, each sweep
 * is queued once per time slot of that length (pg-boss's singleton slot), so it runs once per tick.
 * The demo clock sends without a slot: it must run them now.
 */
export async function enqueueSweeps(opts: { tickSeconds?: number } = {}): Promise<QueuedJob[]> {
  const b = await getBoss();
  await ensureQueues(
    b,
    sweeps.map((s) => s.name),
  );
  const jobs: QueuedJob[] = [];
  const slot = opts.tickSeconds ? { singletonKey: "tick", singletonSeconds: opts.tickSeconds } : {};
  for (const s of sweeps) {
    const id = await b.send(s.name, {}, { retryLimit: 2, ...slot });
    if (id) jobs.push({ name: s.name, id });
  }
  return jobs;
}
