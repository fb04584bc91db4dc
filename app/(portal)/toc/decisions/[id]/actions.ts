"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { applyDecisionAgain, recordExternalDecision } from "@/lib/decision-outcomes/closing";
import {
  CastVoteSchema,
  DecisionRefSchema,
  DeclareConflictSchema,
  RecordExternalSchema,
} from "@/lib/decisions/schemas";
import { castVote, declareConflict } from "@/lib/decision-outcomes/votes";
import { DECISION_CHOICE_LABEL } from "@/lib/vocabulary";

const refresh = (id: string) => revalidatePath(`/toc/decisions/${id}`);

export const castVoteAction = defineAction(CastVoteSchema, (input, actor) => castVote(actor, input), {
  successMessage: (r) => `Your vote is recorded: ${DECISION_CHOICE_LABEL[r.choice]}. ${r.explanation}`,
  revalidate: (_, input) => refresh(input.decisionId),
});

export const declareConflictAction = defineAction(
  DeclareConflictSchema,
  (input, actor) => declareConflict(actor, input),
  {
    successMessage: "Conflict declared: you are recused from this decision.",
    revalidate: (_, input) => refresh(input.decisionId),
  },
);

export const recordExternalDecisionAction = defineAction(
  RecordExternalSchema,
  (input, actor) => recordExternalDecision(actor, input),
  {
    successMessage: "Recorded: the decision is closed with that outcome.",
    revalidate: (_, input) => refresh(input.decisionId),
  },
);

export const applyDecisionAgainAction = defineAction(
  DecisionRefSchema,
  async (input, actor) => {
    const r = await applyDecisionAgain(actor, input);
    // The seat it changed shows on the TAG's pages and the dashboards.
    revalidatePath("/", "layout");
    return r;
  },
  { successMessage: (r) => `Applied: ${r.applied}` },
);
