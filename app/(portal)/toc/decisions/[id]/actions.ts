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

const vote = defineAction(
  CastVoteSchema,
  async (input, actor) => {
    const r = await castVote(actor, input);
    refresh(input.decisionId);
    return r;
  },
  { successMessage: (r) => `Your vote is recorded: ${DECISION_CHOICE_LABEL[r.choice]}. ${r.explanation}` },
);

const conflict = defineAction(
  DeclareConflictSchema,
  async (input, actor) => {
    const r = await declareConflict(actor, input);
    refresh(input.decisionId);
    return r;
  },
  { successMessage: "Conflict declared: you are recused from this decision." },
);

const record = defineAction(
  RecordExternalSchema,
  async (input, actor) => {
    const r = await recordExternalDecision(actor, input);
    refresh(input.decisionId);
    return r;
  },
  { successMessage: "Recorded: the decision is closed with that outcome." },
);

const applyAgain = defineAction(
  DecisionRefSchema,
  async (input, actor) => {
    const r = await applyDecisionAgain(actor, input);
    // The seat it changed shows on the TAG's pages and the dashboards.
    revalidatePath("/", "layout");
    return r;
  },
  { successMessage: (r) => `Applied: ${r.applied}` },
);

export async function castVoteAction(input: unknown) {
  return vote(input);
}

export async function declareConflictAction(input: unknown) {
  return conflict(input);
}

export async function recordExternalDecisionAction(input: unknown) {
  return record(input);
}

export async function applyDecisionAgainAction(input: unknown) {
  return applyAgain(input);
}
