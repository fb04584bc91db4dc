import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit, recordRefusal } from "@/lib/audit/record";
import type { Action, Actor } from "@/lib/auth/permissions";
import type { NotificationInput } from "@/lib/notify/send";
import { closeIfDecided, lockOpenDecision, requireDecision, sendNotices, type DecisionRow } from "./closing";
import type { Outcome } from "@/lib/decisions/outcome";
import type { CastVoteInput, DeclareConflictInput } from "@/lib/decisions/schemas";

/**
 * Runs one TOC member's act on an open decision (a vote, a declared conflict) in a transaction
 * that holds the decision's lock, then closes it if the outcome became certain. Every refusal
 * (not a TOC member then, recused, voted already, period over, closed) is audited.
 */
async function actOnDecision(
  actor: Actor | null,
  decisionId: string,
  action: Action,
  act: (tx: Tx, d: DecisionRow, a: Actor, at: Date) => Promise<void>,
): Promise<{ outcome: Outcome }> {
  const { a, subject } = await requireDecision(actor, action, decisionId);
  const at = await now();
  let notices: NotificationInput[] = [];
  try {
    const outcome = await db.$transaction(async (tx) => {
      const d = await lockOpenDecision(tx, decisionId);
      if (at >= d.closesAt) throw new AppError("CONFLICT", "The voting period of this decision has ended.");
      const elector = await tx.decisionElector.findUnique({
        where: { decisionId_userId: { decisionId, userId: a.id } },
        select: { recusal: true },
      });
      if (!elector)
        throw new AppError(
          "FORBIDDEN",
          "You were not a TOC member when this vote opened, so you are not in its electorate.",
        );
      if (elector.recusal)
        throw new AppError(
          "FORBIDDEN",
          elector.recusal === "subject"
            ? "This decision is about you: you are recused."
            : "You declared a conflict: you are recused.",
        );
      const voted = await tx.decisionVote.findUnique({
        where: { decisionId_userId: { decisionId, userId: a.id } },
        select: { choice: true },
      });
      if (voted) throw new AppError("CONFLICT", "You already voted on this decision.");
      await act(tx, d, a, at);
      const r = await closeIfDecided(tx, d, at, a.id);
      notices = r.notices;
      return r.outcome;
    });
    await sendNotices(notices, at);
    return { outcome };
  } catch (e) {
    if (e instanceof AppError && e.code !== "NOT_FOUND")
      await recordRefusal(db, { at, actorId: a.id, action, ...subject, reason: e.message });
    throw e;
  }
}

/** A TOC member of the electorate votes yes, no or abstain, once; the vote closes the decision when it settles it. */
export async function castVote(actor: Actor | null, input: CastVoteInput) {
  const { outcome } = await actOnDecision(actor, input.decisionId, "decision.vote", async (tx, d, a, at) => {
    await tx.decisionVote.create({ data: { decisionId: d.id, userId: a.id, choice: input.choice, castAt: at } });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "decision.vote",
      subjectType: "Decision",
      subjectId: d.id,
      tagId: d.tagId,
      after: { choice: input.choice },
    });
  });
  return { decisionId: input.decisionId, choice: input.choice, state: outcome.state, explanation: outcome.explanation };
}

/**
 * A TOC member declares a conflict before voting: they are recused and no longer counted (which
 * may settle the decision).
 */
export async function declareConflict(actor: Actor | null, input: DeclareConflictInput) {
  const { outcome } = await actOnDecision(actor, input.decisionId, "decision.vote", async (tx, d, a, at) => {
    await tx.decisionElector.update({
      where: { decisionId_userId: { decisionId: d.id, userId: a.id } },
      data: { recusal: "conflict", recusalNote: input.note, recusedAt: at },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "decision.conflict",
      subjectType: "Decision",
      subjectId: d.id,
      tagId: d.tagId,
      after: { note: input.note },
    });
  });
  return { decisionId: input.decisionId, state: outcome.state, explanation: outcome.explanation };
}
