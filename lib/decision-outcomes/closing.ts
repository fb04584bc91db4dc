import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { AuditAction } from "@/lib/audit/actions";
import { recordAudit, recordRefusal } from "@/lib/audit/record";
import { notifyTagChannel } from "@/lib/slack/notify";
import { requireFound } from "@/lib/auth/actor";
import type { Action, Actor } from "@/lib/auth/permissions";
import { notify, type NotificationInput } from "@/lib/notify/send";
import { applyEffect } from "./effects";
import { decisionOutcome, ruleOf, type Outcome } from "@/lib/decisions/outcome";
import type { DecisionRefInput, RecordExternalInput } from "@/lib/decisions/schemas";

/** Columns a decision is closed from. */
export const decisionSelect = {
  id: true,
  kind: true,
  tagId: true,
  subjectId: true,
  title: true,
  status: true,
  closesAt: true,
  externalLink: true,
  thresholdShare: true,
  thresholdMoreThan: true,
  thresholdBase: true,
  quorumShare: true,
  quorumMoreThan: true,
} as const;

export type DecisionRow = Prisma.DecisionGetPayload<{ select: typeof decisionSelect }>;

/** Counted electors and their votes (recused members are neither). */
export async function tallyOf(tx: Pick<Tx, "decisionElector" | "decisionVote">, decisionId: string) {
  const electorate = await tx.decisionElector.count({ where: { decisionId, recusal: null } });
  const votes = await tx.decisionVote.groupBy({ by: ["choice"], where: { decisionId }, _count: { _all: true } });
  const n = (c: string) => votes.find((v) => v.choice === c)?._count._all ?? 0;
  return { electorate, yes: n("yes"), no: n("no"), abstain: n("abstain") };
}

/** A decision for an act by `actor`, checked in its TAG (see requireFound). */
export async function requireDecision(actor: Actor | null, action: Action, decisionId: string) {
  const found = await db.decision.findUnique({ where: { id: decisionId }, select: { tagId: true } });
  const missing = "That decision does not exist.";
  const subject = { subjectType: "Decision", subjectId: decisionId, tagId: found?.tagId, missing };
  return requireFound(actor, action, found, subject);
}

/** Locks an open decision (FOR UPDATE) and returns it; a closed one is a conflict. */
export async function lockOpenDecision(tx: Tx, id: string): Promise<DecisionRow> {
  await tx.$queryRaw`SELECT id FROM "Decision" WHERE id = ${id}::uuid FOR UPDATE`;
  const d = await tx.decision.findUnique({ where: { id }, select: decisionSelect });
  if (!d) throw new AppError("NOT_FOUND", "That decision does not exist.");
  if (d.status !== "open") throw new AppError("CONFLICT", "This decision is closed.");
  return d;
}

/**
 * Writes the outcome and applies its effect; the caller holds the row lock. Exported for a
 * decision taken on GitHub (lib/github/roster-pulls.ts: a merged or closed roster pull request).
 */
export async function closeDecision(
  tx: Tx,
  d: DecisionRow,
  approved: boolean,
  explanation: string,
  ctx: { at: Date; actorId: string | null; action: AuditAction; after?: Record<string, string | null> },
): Promise<NotificationInput[]> {
  const effect = await applyEffect(tx, d, approved, { at: ctx.at, actorId: ctx.actorId });
  const outcome = `${explanation} ${effect.applied}`;
  await tx.decision.update({
    where: { id: d.id },
    data: { status: approved ? "approved" : "rejected", closedAt: ctx.at, outcome, blockedReason: effect.blocked },
  });
  await recordAudit(tx, {
    at: ctx.at,
    actorId: ctx.actorId,
    action: ctx.action,
    subjectType: "Decision",
    subjectId: d.id,
    tagId: d.tagId,
    before: { status: "open" },
    after: { status: approved ? "approved" : "rejected", outcome, blocked: effect.blocked, ...ctx.after },
  });
  await notifyTagChannel(tx, d.tagId, { kind: "decision", decisionId: d.id }, ctx.at);
  return effect.notices;
}

/**
 * Closes a locked open decision when its outcome is certain, or when its period is over. Returns
 * the outcome and the notices to send after commit (none while it stays open).
 */
export async function closeIfDecided(
  tx: Tx,
  d: DecisionRow,
  at: Date,
  actorId: string | null,
): Promise<{ outcome: Outcome; notices: NotificationInput[] }> {
  const outcome = decisionOutcome(ruleOf(d), await tallyOf(tx, d.id), at >= d.closesAt);
  if (outcome.state === "open") return { outcome, notices: [] };
  const notices = await closeDecision(tx, d, outcome.state === "approved", outcome.explanation, {
    at,
    actorId,
    action: "decision.close",
  });
  return { outcome, notices };
}

export async function sendNotices(notices: readonly NotificationInput[], at: Date): Promise<void> {
  for (const n of notices) await notify(n, at);
}

/** Sweep: closes every open decision whose period has ended (no result by then: not approved). */
export async function closeDueDecisions(at: Date): Promise<number> {
  const due = await db.decision.findMany({
    where: { status: "open", closesAt: { lte: at } },
    orderBy: { closesAt: "asc" },
    select: { id: true },
    take: 200,
  });
  let closed = 0;
  for (const { id } of due) {
    const notices = await db
      .$transaction(async (tx) => (await closeIfDecided(tx, await lockOpenDecision(tx, id), at, null)).notices)
      // Another worker closed it first.
      .catch((e: unknown) => (e instanceof AppError && e.code === "CONFLICT" ? null : Promise.reject(e)));
    if (notices === null) continue;
    closed++;
    await sendNotices(notices, at);
  }
  return closed;
}

/**
 * A TOC member records a decision taken elsewhere (a GitVote vote on cncf/toc, a TOC meeting)
 * with its link: it closes with that outcome and has the same effect as a vote here. A member
 * recused from the decision may not record it.
 */
export async function recordExternalDecision(actor: Actor | null, input: RecordExternalInput) {
  const { a, subject } = await requireDecision(actor, "decision.record", input.decisionId);
  const at = await now();
  const refuse = async (code: "FORBIDDEN" | "CONFLICT", reason: string): Promise<never> => {
    await recordRefusal(db, { at, actorId: a.id, action: "decision.record", ...subject, reason });
    throw new AppError(code, reason);
  };
  const elector = await db.decisionElector.findUnique({
    where: { decisionId_userId: { decisionId: input.decisionId, userId: a.id } },
    select: { recusal: true },
  });
  if (elector?.recusal) await refuse("FORBIDDEN", "You are recused from this decision, so you cannot record it.");
  const result = await db
    .$transaction(async (tx) => {
      const d = await lockOpenDecision(tx, input.decisionId);
      const approved = input.outcome === "approved";
      const explanation = `Decided elsewhere (${input.link}): ${approved ? "approved" : "not approved"}.${input.note ? ` ${input.note}` : ""}`;
      await tx.decision.update({ where: { id: d.id }, data: { externalLink: input.link, recordedById: a.id } });
      const notices = await closeDecision(tx, { ...d, externalLink: input.link }, approved, explanation, {
        at,
        actorId: a.id,
        action: "decision.record",
        after: { link: input.link, note: input.note ?? null },
      });
      return { notices, status: approved ? ("approved" as const) : ("rejected" as const) };
    })
    .catch(async (e: unknown) => {
      if (e instanceof AppError && e.code === "CONFLICT") await refuse("CONFLICT", e.message);
      throw e;
    });
  await sendNotices(result.notices, at);
  return { decisionId: input.decisionId, status: result.status };
}

/**
 * An approved decision that could not take effect (a seat cap reached meanwhile) is applied again
 * by a TOC member once the way is clear (a seat freed, the role's rules changed). When it is
 * refused again nothing changes and the refusal is audited with its reason.
 */
export async function applyDecisionAgain(actor: Actor | null, input: DecisionRefInput) {
  const { a, subject } = await requireDecision(actor, "decision.record", input.decisionId);
  const at = await now();
  const result = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Decision" WHERE id = ${input.decisionId}::uuid FOR UPDATE`;
    const d = await tx.decision.findUniqueOrThrow({
      where: { id: input.decisionId },
      select: { ...decisionSelect, blockedReason: true, outcome: true },
    });
    if (d.status !== "approved" || !d.blockedReason)
      return { refused: "This decision is not waiting to take effect.", notices: [], applied: "" };
    const effect = await applyEffect(tx, d, true, { at, actorId: a.id });
    if (effect.blocked) return { refused: `It still cannot take effect: ${effect.blocked}`, notices: [], applied: "" };
    const outcome = `${d.outcome ?? ""} Applied again: ${effect.applied}`.trim();
    await tx.decision.update({ where: { id: d.id }, data: { blockedReason: null, outcome } });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "decision.apply",
      subjectType: "Decision",
      subjectId: d.id,
      tagId: d.tagId,
      before: { blocked: d.blockedReason },
      after: { blocked: null, applied: effect.applied },
    });
    return { refused: undefined, notices: effect.notices, applied: effect.applied };
  });
  if (result.refused !== undefined) {
    await recordRefusal(db, { at, actorId: a.id, action: "decision.record", ...subject, reason: result.refused });
    throw new AppError("CONFLICT", result.refused);
  }
  await sendNotices(result.notices, at);
  return { decisionId: input.decisionId, applied: result.applied };
}
