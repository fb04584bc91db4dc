"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { setDecisionRule, setRemovalSupermajority } from "@/lib/decisions/rules";
import { DecisionRuleSchema, RemovalSupermajoritySchema } from "@/lib/decisions/schemas";

const rule = defineAction(
  DecisionRuleSchema,
  async (input, actor) => {
    const r = await setDecisionRule(actor, input);
    revalidatePath("/toc/decisions");
    return r;
  },
  { successMessage: (r) => `Saved as version ${r.version}. Votes already open keep the rule they opened with.` },
);

export const setRemovalSupermajorityAction = defineAction(
  RemovalSupermajoritySchema,
  async (input, actor) => {
    const r = await setRemovalSupermajority(actor, input);
    revalidatePath("/toc/decisions");
    return r;
  },
  { successMessage: "Saved. Removal votes already open keep the share they opened with." },
);

export async function setDecisionRuleAction(input: unknown) {
  return rule(input);
}
