"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { decideLeadershipChange } from "@/lib/roles/leadership";
import { castRemovalVote, closeRemovalProposal, openRemovalProposal } from "@/lib/roles/removals";
import { CloseRemovalSchema, DecideChangeSchema, OpenRemovalSchema, RemovalVoteSchema } from "@/lib/roles/schemas";

// No revalidation for decisions: the decided item stays on screen with its outcome announced;
// the list is fresh at the next visit.
const decide = defineAction(DecideChangeSchema, (input, actor) => decideLeadershipChange(actor, input));

const openRemoval = defineAction(
  OpenRemovalSchema,
  async (input, actor) => {
    const r = await openRemovalProposal(actor, input);
    revalidatePath("/toc");
    return r;
  },
  { successMessage: "Removal vote opened." },
);

const vote = defineAction(RemovalVoteSchema, (input, actor) => castRemovalVote(actor, input));
const close = defineAction(CloseRemovalSchema, (input, actor) => closeRemovalProposal(actor, input));

export async function decideLeadershipChangeAction(input: unknown) {
  return decide(input);
}

export async function openRemovalAction(input: unknown) {
  return openRemoval(input);
}

export async function castRemovalVoteAction(input: unknown) {
  return vote(input);
}

export async function closeRemovalAction(input: unknown) {
  return close(input);
}
