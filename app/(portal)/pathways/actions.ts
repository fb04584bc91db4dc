"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { endPairing } from "@/lib/pathways/pairings";
import { EndPairingSchema, SignOffSchema } from "@/lib/pathways/schemas";
import { signOffStep } from "@/lib/pathways/sign-offs";

function refresh() {
  revalidatePath("/pathways");
  revalidatePath("/manage/[slug]/pathway", "page");
  revalidatePath("/people/[login]", "page");
}

export const signOffStepAction = defineAction(SignOffSchema, (input, actor) => signOffStep(actor, input), {
  successMessage: (r) => `Signed off @${r.mentee} for "${r.step}".`,
  revalidate: refresh,
});

/** The mentor, the mentee or a lead ends a pairing (also offered on the leads' pathway page). */
export const endPairingAction = defineAction(EndPairingSchema, (input, actor) => endPairing(actor, input), {
  successMessage: "The pairing has ended.",
  revalidate: refresh,
});
