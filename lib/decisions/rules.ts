import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { THRESHOLDS } from "./outcome";
import { currentRule as ruleInForce } from "./rule-in-force";
import type { DecisionRuleInput, RemovalSupermajorityInput } from "./schemas";

export { DEFAULT_RULE, ruleFor, type TocRule } from "./rule-in-force";

/** The rule in force: the newest version, or the default. */
export const currentRule = (tx: Pick<Tx, "decisionRule"> = db) => ruleInForce(tx);

/** A TOC member (or an admin) sets the TOC's decision rule: a new version; open votes keep theirs. */
export async function setDecisionRule(actor: Actor | null, input: DecisionRuleInput) {
  const a = await requirePermission(actor, "decision.rule", { subjectType: "DecisionRule" });
  const at = await now();
  return db.$transaction(async (tx) => {
    // Two members saving at once: the second insert of the same version is a unique violation
    // ("just changed by someone else"), never a lost update.
    const before = await currentRule(tx);
    const version = before.version + 1;
    await tx.decisionRule.create({
      data: {
        version,
        threshold: input.threshold,
        base: input.base,
        periodDays: input.periodDays,
        quorum: input.quorum,
        createdAt: at,
        createdById: a.id,
      },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "decision.rule",
      subjectType: "DecisionRule",
      subjectId: String(version),
      before: { threshold: before.threshold, base: before.base, periodDays: before.periodDays, quorum: before.quorum },
      after: { threshold: input.threshold, base: input.base, periodDays: input.periodDays, quorum: input.quorum },
    });
    return { version };
  });
}

/** A TOC member (or an admin) sets a TAG's removal supermajority; open removal votes keep theirs. */
export async function setRemovalSupermajority(actor: Actor | null, input: RemovalSupermajorityInput) {
  const subject = { subjectType: "Tag", subjectId: input.tagId, tagId: input.tagId };
  const a = await requirePermission(actor, "decision.rule", subject);
  const tag = await db.tag.findUnique({ where: { id: input.tagId }, select: { removalSupermajority: true } });
  if (!tag) throw new AppError("NOT_FOUND", "That TAG does not exist.", { tagId: ["No such TAG"] });
  const share = THRESHOLDS[input.supermajority].share;
  const at = await now();
  await db.$transaction(async (tx) => {
    await tx.tag.update({ where: { id: input.tagId }, data: { removalSupermajority: share } });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "tag.removal-supermajority",
      subjectType: "Tag",
      subjectId: input.tagId,
      tagId: input.tagId,
      before: { removalSupermajority: tag.removalSupermajority },
      after: { removalSupermajority: share },
    });
  });
  return { tagId: input.tagId, removalSupermajority: share };
}
