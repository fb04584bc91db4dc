/**
 * The outcome of a TOC decision (pure: no I/O). A vote passes when the yes votes reach the
 * threshold of its base: `members` counts every TOC member of the electorate (a majority of all
 * TOC members: staying away counts against), `cast` counts the yes and no votes cast (an abstention
 * is no vote either way) and needs a quorum of the electorate to have voted, abstentions included.
 *
 * The electorate is fixed when the vote opens; recused members (the subject, or a declared
 * conflict) are left out of it. The decision closes as soon as no vote still to come can change
 * the outcome, or when its period ends; at the end of the period a vote that has not passed is not
 * approved.
 */

export interface Threshold {
  share: number;
  /** Strictly more than `share` (a majority: more than half), else at least `share`. */
  moreThan: boolean;
}

export const THRESHOLDS = {
  "more-than-half": { share: 0.5, moreThan: true, label: "more than half" },
  "two-thirds": { share: 0.6667, moreThan: false, label: "at least two thirds" },
  "three-quarters": { share: 0.75, moreThan: false, label: "at least three quarters" },
  all: { share: 1, moreThan: false, label: "all" },
} as const satisfies Record<string, Threshold & { label: string }>;
export type ThresholdKey = keyof typeof THRESHOLDS;
export const THRESHOLD_KEYS = Object.keys(THRESHOLDS) as ThresholdKey[];

export const BASES = {
  members: "of all TOC members who may vote",
  cast: "of the yes and no votes cast",
} as const;
export type Base = keyof typeof BASES;

export interface DecisionRuleOf {
  threshold: Threshold;
  base: Base;
  /** Only for `cast`: the share of the electorate that must vote. */
  quorum: Threshold | null;
}

/** How many of `n` reach the threshold. A stored 0.6667 means two thirds: 2 of 3, 4 of 6. */
export function needed(n: number, t: Threshold): number {
  if (t.moreThan) return Math.floor(n * t.share) + 1;
  return Math.max(1, Math.ceil(n * (t.share - 0.001)));
}

/** The label of a threshold: its preset's words, or a percentage. */
export function thresholdLabel(t: Threshold): string {
  const preset = Object.values(THRESHOLDS).find(
    (p) => Math.abs(p.share - t.share) < 0.001 && p.moreThan === t.moreThan,
  );
  return preset?.label ?? `${t.moreThan ? "more than" : "at least"} ${Math.round(t.share * 100)}%`;
}

export interface Tally {
  /** TOC members who may vote (the electorate less the recused). */
  electorate: number;
  yes: number;
  no: number;
  abstain: number;
}

export type OutcomeState = "approved" | "rejected" | "open";

export interface Outcome {
  state: OutcomeState;
  /** Yes votes needed now (for `cast`: of the votes cast so far, at least one). */
  yesNeeded: number;
  /** Votes needed for the quorum (null: none). */
  quorumNeeded: number | null;
  explanation: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The outcome of `tally` under `rule`. `periodOver`: the period has ended, so anything not passed
 * is not approved. Otherwise the state is `open` unless every vote still to come (members who have
 * not voted may vote yes, no, abstain or not at all) leads to the same outcome.
 */
export function decisionOutcome(rule: DecisionRuleOf, tally: Tally, periodOver: boolean): Outcome {
  const { electorate, yes, no, abstain } = tally;
  const voted = yes + no + abstain;
  const remaining = Math.max(0, electorate - voted);
  if (electorate === 0)
    return {
      state: "rejected",
      yesNeeded: 1,
      quorumNeeded: null,
      explanation: "Not approved: every TOC member is recused, so nobody may vote.",
    };
  if (rule.base === "members") {
    const need = needed(electorate, rule.threshold);
    const passed = yes >= need;
    const lost = yes + remaining < need;
    const state: OutcomeState = passed ? "approved" : lost || periodOver ? "rejected" : "open";
    const head = `${plural(yes, "yes vote")} of ${plural(electorate, "TOC member")} who may vote; ${need} needed (${thresholdLabel(rule.threshold)})`;
    const tail =
      state === "approved"
        ? "approved."
        : state === "rejected"
          ? lost
            ? "not approved: the remaining votes cannot reach the threshold."
            : "not approved: the period ended before the threshold was reached."
          : `${plural(remaining, "member")} still to vote.`;
    return { state, yesNeeded: need, quorumNeeded: null, explanation: `${head}: ${tail}` };
  }
  const quorumNeeded = rule.quorum ? needed(electorate, rule.quorum) : null;
  const quorumMet = quorumNeeded === null || voted >= quorumNeeded;
  const sharePassed = (y: number, cast: number) => cast > 0 && y >= needed(cast, rule.threshold);
  // The worst case for passing: every remaining member votes no; the best: every one votes yes.
  const surelyPasses = quorumMet && sharePassed(yes, yes + no + remaining);
  const canStillPass =
    (quorumNeeded === null || voted + remaining >= quorumNeeded) && sharePassed(yes + remaining, yes + no + remaining);
  const passesNow = quorumMet && sharePassed(yes, yes + no);
  const state: OutcomeState = surelyPasses
    ? "approved"
    : !canStillPass
      ? "rejected"
      : periodOver
        ? passesNow
          ? "approved"
          : "rejected"
        : "open";
  const cast = yes + no;
  const head = `${plural(yes, "yes vote")} of ${plural(cast, "vote")} cast (${plural(abstain, "abstention")}); ${thresholdLabel(rule.threshold)} needed${
    quorumNeeded !== null ? `, with at least ${quorumNeeded} of ${electorate} TOC members voting` : ""
  }`;
  const tail =
    state === "approved"
      ? "approved."
      : state === "open"
        ? `${plural(remaining, "member")} still to vote.`
        : !quorumMet && (periodOver || !canStillPass)
          ? "not approved: no quorum."
          : "not approved.";
  return {
    state,
    yesNeeded: Math.max(1, needed(Math.max(cast, 1), rule.threshold)),
    quorumNeeded,
    explanation: `${head}: ${tail}`,
  };
}

/** The rule copied onto a decision when it opened. */
export function ruleOf(
  d: Readonly<{
    thresholdShare: number;
    thresholdMoreThan: boolean;
    thresholdBase: string;
    quorumShare: number | null;
    quorumMoreThan: boolean;
  }>,
): DecisionRuleOf {
  return {
    threshold: { share: d.thresholdShare, moreThan: d.thresholdMoreThan },
    base: (d.thresholdBase === "cast" ? "cast" : "members") satisfies Base,
    quorum: d.quorumShare === null ? null : { share: d.quorumShare, moreThan: d.quorumMoreThan },
  };
}
