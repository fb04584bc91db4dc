"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { decideLeadershipChange } from "@/lib/roles/leadership";
import { DecideChangeSchema } from "@/lib/roles/schemas";

const decide = defineAction(DecideChangeSchema, async (input, actor) => {
  const r = await decideLeadershipChange(actor, input);
  revalidatePath("/toc");
  return r;
});

export async function decideLeadershipChangeAction(input: unknown) {
  return decide(input);
}
