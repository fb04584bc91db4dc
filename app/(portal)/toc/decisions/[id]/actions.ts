"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { recordExternalDecision } from "@/lib/decisions/closing";
import { CastVoteSchema, DeclareConflictSchema, RecordExternalSchema } from "@/lib/decisions/schemas";
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

export async function castVoteAction(input: unknown) {
  return vote(input);
}
