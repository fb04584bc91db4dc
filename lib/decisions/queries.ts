import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordRefusal } from "@/lib/audit/record";
import { can, canInAnyTag, tagScope, type Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ruleOf } from "./outcome";
import { BASES, decisionOutcome, thresholdLabel, needed } from "./outcome";

const listSelect = {
  id: true,
  kind: true,
  title: true,
  status: true,
  openedAt: true,
  closesAt: true,
  closedAt: true,
  outcome: true,
  thresholdShare: true,
  thresholdMoreThan: true,
  thresholdBase: true,
  quorumShare: true,
  quorumMoreThan: true,
  tag: { select: { id: true, slug: true, name: true } },
  electorate: { select: { userId: true, recusal: true } },
  votes: { select: { userId: true, choice: true } },
} as const;

type ListRow = Prisma.DecisionGetPayload<{ select: typeof listSelect }>;

function summarize(d: ListRow, viewerId: string | null, at: Date) {
  const counted = d.electorate.filter((e) => !e.recusal);
  const count = (c: string) => d.votes.filter((v) => v.choice === c).length;
  const tally = { electorate: counted.length, yes: count("yes"), no: count("no"), abstain: count("abstain") };
  const mine = viewerId ? d.electorate.find((e) => e.userId === viewerId) : undefined;
  const myVote = viewerId ? (d.votes.find((v) => v.userId === viewerId)?.choice ?? null) : null;
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    status: d.status,
    openedAt: d.openedAt,
    closesAt: d.closesAt,
    closedAt: d.closedAt,
    outcome: d.outcome,
    tag: d.tag,
    tally,
    /** The viewer's part: `vote` (may vote now), `voted`, `recused`, or `none` (not in the electorate). */
    viewer: !mine ? "none" : mine.recusal ? "recused" : myVote ? "voted" : "vote",
    myVote,
    state: decisionOutcome(ruleOf(d), tally, at >= d.closesAt),
  } as const;
}

export type DecisionSummary = ReturnType<typeof summarize>;

/**
 * Open decisions the actor may see (all for TOC members and admins, their TAGs' for leads),
 * closing soonest first; `tagIds` narrows to some TAGs. Empty for anyone else.
 */
export async function listOpenDecisions(actor: Actor | null, opts: { tagIds?: string[] } = {}) {
  if (!canInAnyTag(actor, "decision.view")) return [];
  const scope = tagScope(actor, "decision.view");
  const [rows, at] = await Promise.all([
    db.decision.findMany({
      where: { AND: [scope, { status: "open" }, opts.tagIds ? { tagId: { in: opts.tagIds } } : {}] },
      orderBy: { closesAt: "asc" },
      select: listSelect,
      take: 200,
    }),
    now(),
  ]);
  return rows.map((r) => summarize(r, actor?.id ?? null, at));
}

/** Decisions closed most recently (the TOC's record), for the same readers. */
export async function listClosedDecisions(actor: Actor | null, take = 30) {
  if (!canInAnyTag(actor, "decision.view")) return [];
  const scope = tagScope(actor, "decision.view");
  const [rows, at] = await Promise.all([
    db.decision.findMany({
      where: { AND: [scope, { status: { not: "open" } }] },
      orderBy: { closedAt: "desc" },
      select: listSelect,
      take,
    }),
    now(),
  ]);
  return rows.map((r) => summarize(r, actor?.id ?? null, at));
}

/**
 * One decision with its electorate and votes (TOC votes are public), the rule in words, and the
 * seat or election it is about. TOC members, admins, the TAG's leads and the subject may read it.
 */
export async function getDecision(actor: Actor | null, id: string) {
  const d = await db.decision.findUnique({
    where: { id },
    select: {
      ...listSelect,
      subjectId: true,
      body: true,
      link: true,
      externalLink: true,
      openedById: true,
      recordedById: true,
      blockedReason: true,
      electorate: { select: { userId: true, recusal: true, recusalNote: true } },
      votes: { select: { userId: true, choice: true, castAt: true }, orderBy: { castAt: "asc" } },
    },
  });
  if (!d) throw new AppError("NOT_FOUND", "That decision does not exist.");
  const subjects = d.electorate.filter((e) => e.recusal === "subject").map((e) => e.userId);
  const seat =
    d.kind === "election_result"
      ? null
      : await db.roleAssignment.findUnique({
          where: { id: d.subjectId },
          include: { roleDefinition: { select: { name: true } }, user: { select: { login: true, name: true } } },
        });
  const isSubject = !!actor && (subjects.includes(actor.id) || seat?.userId === actor.id);
  if (!can(actor, "decision.view", d.tag.id) && !isSubject) {
    await recordRefusal(db, {
      at: await now(),
      actorId: actor?.id ?? null,
      action: "decision.view",
      subjectType: "Decision",
      subjectId: id,
      tagId: d.tag.id,
      reason: actor ? "FORBIDDEN" : "UNAUTHENTICATED",
    });
    throw new AppError("FORBIDDEN", "Only TOC members, admins and the TAG's leads see this decision.");
  }
  const people = await db.user.findMany({
    where: {
      id: {
        in: [
          ...d.electorate.map((e) => e.userId),
          ...(d.openedById ? [d.openedById] : []),
          ...(d.recordedById ? [d.recordedById] : []),
        ],
      },
    },
    select: { id: true, login: true, name: true },
  });
  const person = (userId: string | null) => {
    const p = people.find((x) => x.id === userId);
    return p ? { login: p.login, name: p.name } : null;
  };
  const at = await now();
  const rule = ruleOf(d);
  const summary = summarize(d, actor?.id ?? null, at);
  return {
    ...summary,
    subjectId: d.subjectId,
    body: d.body,
    link: d.link,
    externalLink: d.externalLink,
    blockedReason: d.blockedReason,
    openedBy: person(d.openedById),
    recordedBy: person(d.recordedById),
    seat,
    rule: {
      threshold: thresholdLabel(rule.threshold),
      base: BASES[rule.base],
      yesNeeded: rule.base === "members" ? needed(summary.tally.electorate, rule.threshold) : null,
      quorum: rule.quorum ? `${thresholdLabel(rule.quorum)} of the TOC members who may vote` : null,
      quorumNeeded: rule.quorum ? needed(summary.tally.electorate, rule.quorum) : null,
    },
    electorate: d.electorate
      .map((e) => ({
        userId: e.userId,
        person: person(e.userId),
        recusal: e.recusal,
        recusalNote: e.recusalNote,
        vote: d.votes.find((v) => v.userId === e.userId) ?? null,
      }))
      .sort((a, b) => (a.person?.login ?? "").localeCompare(b.person?.login ?? "")),
    periodOver: at >= d.closesAt,
  };
}

export type DecisionDetail = Awaited<ReturnType<typeof getDecision>>;

/** The TOC's open decision on an election's counted result, if any (the results page links to it). */
export function resultDecisionOf(electionId: string) {
  return db.decision.findFirst({
    where: { subjectId: electionId, kind: "election_result", status: "open" },
    select: { id: true, title: true },
  });
}

/** Each TAG's removal supermajority, for the TOC's settings form. */
export function listRemovalSupermajorities() {
  return db.tag.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, removalSupermajority: true } });
}
