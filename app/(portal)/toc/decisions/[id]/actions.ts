"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { applyDecisionAgain, recordExternalDecision } from "@/lib/decisions/closing";
import {
  CastVoteSchema,
  DecisionRefSchema,
  DeclareConflictSchema,
  RecordExternalSchema,
} from "@/lib/decisions/schemas";
import { castVote, declareConflict } from "@/lib/decisions/votes";
import { DECISION_CHOICE_LABEL } from "@/lib/vocabulary";

const refresh = (id: string) => revalidatePath(`/toc/decisions/${id}`);

export const castVoteAction = defineAction(
  CastVoteSchema,
  async (input, actor) => {
    const r = await castVote(actor, input);
    refresh(input.decisionId);
    return r;
  },
  { successMessage: (r) => `Your vote is recorded: ${DECISION_CHOICE_LABEL[r.choice]}. ${r.explanation}` },
);

export const declareConflictAction = defineAction(
  DeclareConflictSchema,
  async (input, actor) => {
    const r = await declareConflict(actor, input);
    refresh(input.decisionId);
    return r;
  },
  { successMessage: "Conflict declared: you are recused from this decision." },
);

export const recordExternalDecisionAction = defineAction(
  RecordExternalSchema,
  async (input, actor) => {
    const r = await recordExternalDecision(actor, input);
    refresh(input.decisionId);
    return r;
  },
  { successMessage: "Recorded: the decision is closed with that outcome." },
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
