import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { BASES, THRESHOLDS, type Base, type DecisionRuleOf, type ThresholdKey } from "./outcome";
import type { DecisionRuleInput, RemovalSupermajorityInput } from "./schemas";

/** The TOC's rule when nobody has set one: a majority of all TOC members, within a week. */
export const DEFAULT_RULE = {
  version: 0,
  threshold: "more-than-half" as ThresholdKey,
  base: "members" as Base,
  periodDays: 7,
  quorum: "more-than-half" as ThresholdKey,
  createdAt: null as Date | null,
  createdById: null as string | null,
};
export type TocRule = typeof DEFAULT_RULE;

const isThreshold = (k: string): k is ThresholdKey => k in THRESHOLDS;
const isBase = (k: string): k is Base => k in BASES;

/** The rule in force: the newest version, or the default. */
export async function currentRule(tx: Pick<Tx, "decisionRule"> = db): Promise<TocRule> {
  const r = await tx.decisionRule.findFirst({ orderBy: { version: "desc" } });
  if (!r) return DEFAULT_RULE;
  return {
    version: r.version,
    threshold: isThreshold(r.threshold) ? r.threshold : DEFAULT_RULE.threshold,
    base: isBase(r.base) ? r.base : DEFAULT_RULE.base,
    periodDays: r.periodDays,
    quorum: isThreshold(r.quorum) ? r.quorum : DEFAULT_RULE.quorum,
    createdAt: r.createdAt,
    createdById: r.createdById,
  };
}

/**
 * What a new decision of `kind` is decided by: removals by the TAG's supermajority of the votes
 * cast with the TOC's quorum (the TAG's chairs cannot lower the bar for their own removal: only the
 * TOC sets it), everything else by the TOC's rule.
 */
export function ruleFor(kind: "removal" | "other", rule: TocRule, removalSupermajority: number): DecisionRuleOf {
  const quorum = { share: THRESHOLDS[rule.quorum].share, moreThan: THRESHOLDS[rule.quorum].moreThan };
  if (kind === "removal") return { threshold: { share: removalSupermajority, moreThan: false }, base: "cast", quorum };
  const t = THRESHOLDS[rule.threshold];
  return {
    threshold: { share: t.share, moreThan: t.moreThan },
    base: rule.base,
    quorum: rule.base === "cast" ? quorum : null,
  };
}

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
