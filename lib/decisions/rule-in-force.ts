// Not server-only, relative imports: decisions open from the tags.yaml import (a CLI script) too.
import type { Tx } from "../db.ts";
import { BASES, THRESHOLDS, type Base, type DecisionRuleOf, type ThresholdKey } from "./outcome.ts";

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
export async function currentRule(tx: Pick<Tx, "decisionRule">): Promise<TocRule> {
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
