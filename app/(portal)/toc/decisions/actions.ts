"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { setDecisionRule, setRemovalSupermajority } from "@/lib/decisions/rules";
import { DecisionRuleSchema, RemovalSupermajoritySchema } from "@/lib/decisions/schemas";

const rule = defineAction(DecisionRuleSchema, (input, actor) => setDecisionRule(actor, input), {
  successMessage: (r) => `Saved as version ${r.version}. Votes already open keep the rule they opened with.`,
  revalidate: () => revalidatePath("/toc/decisions"),
});

export const setRemovalSupermajorityAction = defineAction(
  RemovalSupermajoritySchema,
  (input, actor) => setRemovalSupermajority(actor, input),
  {
    successMessage: "Saved. Removal votes already open keep the share they opened with.",
    revalidate: () => revalidatePath("/toc/decisions"),
  },
);

export async function setDecisionRuleAction(input: unknown) {
  return rule(input);
}
