import "server-only";
import { db } from "@/lib/db";
import { notify } from "@/lib/notify/send";
import { DAY, isoDay } from "@/lib/vocabulary";
import { closeDueDecisions } from "./closing";
import { decisionLink, openSeatDecision } from "@/lib/decisions/decisions";

/** Members who have not voted hear again this long before the period ends. */
export const REMIND_BEFORE_DAYS = 2;
export const DIGEST_EVERY_DAYS = 7;

/** Counted electors of a decision who have not voted yet. */
async function waitingFor(decisionId: string) {
  const electors = await db.decisionElector.findMany({
    where: { decisionId, recusal: null },
    select: { userId: true },
  });
  const voted = new Set(
    (await db.decisionVote.findMany({ where: { decisionId }, select: { userId: true } })).map((v) => v.userId),
  );
  return electors.map((e) => e.userId).filter((u) => !voted.has(u));
}

/**
 * Tells the electorate of each newly opened decision that their vote is needed (once: the decision
 * is claimed with a compare-and-swap on `announcedAt`, and each notice has a dedupe key), and
 * reminds those who have not voted {@link REMIND_BEFORE_DAYS} days before the period ends.
 */
async function announceAndRemind(at: Date): Promise<number> {
  let sent = 0;
  const fresh = await db.decision.findMany({
    where: { status: "open", announcedAt: null },
    select: { id: true, title: true, closesAt: true },
    take: 200,
  });
  for (const d of fresh) {
    const claimed = await db.decision.updateMany({ where: { id: d.id, announcedAt: null }, data: { announcedAt: at } });
    if (claimed.count === 0) continue;
    for (const userId of await waitingFor(d.id)) {
      const created = await notify(
        {
          userId,
          kind: "decision.open",
          title: `Your vote is needed: ${d.title}`,
          body: `Vote yes, no or abstain by ${isoDay(d.closesAt)}.`,
          link: decisionLink(d.id),
          dedupeKey: `decision-open:${d.id}:${userId}`,
        },
        at,
      );
      if (created) sent++;
    }
  }
  const closing = await db.decision.findMany({
    where: { status: "open", closesAt: { gt: at, lte: new Date(at.getTime() + REMIND_BEFORE_DAYS * DAY) } },
    select: { id: true, title: true, closesAt: true },
    take: 200,
  });
  for (const d of closing) {
    for (const userId of await waitingFor(d.id)) {
      const created = await notify(
        {
          userId,
          kind: "decision.reminder",
          title: `Vote closes ${isoDay(d.closesAt)}: ${d.title}`,
          body: "You have not voted yet. Without enough votes by then, it is not approved.",
          link: decisionLink(d.id),
          dedupeKey: `decision-remind:${d.id}:${userId}`,
        },
        at,
      );
      if (created) sent++;
    }
  }
  return sent;
}

/**
 * A pending seat that never had a TOC vote gets one: seats pending from before votes existed (every
 * path, the tags.yaml import included, now opens its vote with the seat). Seats whose vote closed
 * are left alone: their outcome stands.
 */
async function openMissingSeatDecisions(): Promise<number> {
  const pending = await db.roleAssignment.findMany({ where: { status: "pending" }, select: { id: true }, take: 200 });
  if (pending.length === 0) return 0;
  const decided = new Set(
    (
      await db.decision.findMany({
        where: { subjectId: { in: pending.map((p) => p.id) } },
        select: { subjectId: true },
      })
    ).map((d) => d.subjectId),
  );
  let opened = 0;
  for (const p of pending.filter((p) => !decided.has(p.id))) {
    await db.$transaction(async (tx) => {
      // Re-read under the transaction: a lead may have cancelled it, or a portal path opened one.
      const still = await tx.roleAssignment.count({ where: { id: p.id, status: "pending" } });
      const any = await tx.decision.count({ where: { subjectId: p.id } });
      if (still === 0 || any > 0) return;
      await openSeatDecision(tx, { kind: "appointment", assignmentId: p.id, openedById: null });
      opened++;
    });
  }
  return opened;
}

/** The decisions sweep: close what is due, open what is missing, then tell TOC members what is new or closing. */
export async function sweepDecisions(at: Date): Promise<number> {
  return (await closeDueDecisions(at)) + (await openMissingSeatDecisions()) + (await announceAndRemind(at));
}

/**
 * Weekly digest for TOC members: every open decision (election results awaiting approval
 * included), with whether they have voted. One per member per week (the week is in the dedupe key).
 */
export async function sendDecisionDigests(at: Date): Promise<number> {
  const open = await db.decision.findMany({
    where: { status: "open" },
    orderBy: { closesAt: "asc" },
    select: {
      id: true,
      title: true,
      closesAt: true,
      electorate: { select: { userId: true, recusal: true } },
      votes: { select: { userId: true } },
    },
  });
  if (open.length === 0) return 0;
  const week = Math.floor(at.getTime() / (DIGEST_EVERY_DAYS * DAY));
  const members = await db.user.findMany({ where: { isTocMember: true }, select: { id: true } });
  let sent = 0;
  for (const m of members) {
    const lines = open.map((d) => {
      const elector = d.electorate.find((e) => e.userId === m.id);
      const mine = !elector
        ? "not in its electorate"
        : elector.recusal
          ? "recused"
          : d.votes.some((v) => v.userId === m.id)
            ? "you voted"
            : "your vote is needed";
      return `- ${d.title} (closes ${isoDay(d.closesAt)}; ${mine})\n  ${decisionLink(d.id)}`;
    });
    const needed = open.filter(
      (d) => d.electorate.some((e) => e.userId === m.id && !e.recusal) && !d.votes.some((v) => v.userId === m.id),
    ).length;
    const created = await notify(
      {
        userId: m.id,
        kind: "decision.digest",
        title:
          needed > 0
            ? `TOC decisions this week: ${needed} awaiting your vote`
            : `TOC decisions this week: ${open.length} open`,
        body: lines.join("\n"),
        link: "/toc#pending",
        dedupeKey: `decision-digest:${m.id}:${week}`,
      },
      at,
    );
    if (created) sent++;
  }
  return sent;
}
