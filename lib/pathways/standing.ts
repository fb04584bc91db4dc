import type { ContributionKind } from "@/lib/generated/prisma/enums";
import { windowEndingAt } from "@/lib/vocabulary";
import type { Ladder, StepCriterion } from "./ladder";

/** What the standing of one person in one TAG is computed from (loaded by `load-standing.ts`). */
export interface PathwayFacts {
  /** The person's counted contribution records in the TAG (what activity counts), any age. */
  records: readonly { kind: ContributionKind; occurredAt: Date }[];
  /** Names of the steps the person's mentor signed off. */
  signedOff: ReadonlySet<string>;
}

export interface CriterionProgress extends StepCriterion {
  have: number;
  met: boolean;
}

export interface StepProgress {
  name: string;
  criteria: CriterionProgress[];
  /** `null` when the step needs no sign-off. */
  signedOff: boolean | null;
  met: boolean;
}

export interface Standing {
  /** The highest step reached (every step up to it met), or null below the first. */
  reached: string | null;
  steps: StepProgress[];
  /** The first step not reached, with what it still needs; null at the top of the ladder. */
  next: StepProgress | null;
  /** The next step's counts are met and only a mentor's sign-off is missing: leads and mentors act. */
  ready: boolean;
}

/**
 * Where a person stands on a TAG's ladder at `at`, and what the next step needs. Steps are
 * climbed in order: a step counts as reached only when every step below it is met too (a
 * person cannot skip "Reviewer" by leading a project). Pure: the one rule that profiles, the
 * leads' list and role eligibility all read.
 */
export function pathwayStanding(ladder: Ladder, facts: PathwayFacts, at: Date): Standing {
  const steps = ladder.map((step): StepProgress => {
    const criteria = step.criteria.map((c) => {
      const { from } = windowEndingAt(at, c.windowMonths);
      const have = facts.records.filter((r) => r.kind === c.kind && r.occurredAt >= from && r.occurredAt < at).length;
      return { ...c, have, met: have >= c.count };
    });
    const signedOff = step.mentorSignOff ? facts.signedOff.has(step.name) : null;
    return { name: step.name, criteria, signedOff, met: criteria.every((c) => c.met) && signedOff !== false };
  });
  const firstUnmet = steps.findIndex((s) => !s.met);
  const reachedIndex = firstUnmet < 0 ? steps.length - 1 : firstUnmet - 1;
  const next = firstUnmet < 0 ? null : steps[firstUnmet]!;
  return {
    reached: reachedIndex >= 0 ? steps[reachedIndex]!.name : null,
    steps,
    next,
    ready: next !== null && next.signedOff === false && next.criteria.every((c) => c.met),
  };
}

/** Whether `standing` is at `stepName` or above it on `ladder` (a role's required step). */
export function hasReached(ladder: Ladder, standing: Standing, stepName: string): boolean {
  const need = ladder.findIndex((s) => s.name === stepName);
  const have = standing.reached === null ? -1 : ladder.findIndex((s) => s.name === standing.reached);
  return need >= 0 && have >= need;
}
