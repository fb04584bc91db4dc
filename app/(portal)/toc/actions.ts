"use server";

import { defineAction } from "@/lib/action";
import { decideLeadershipChange } from "@/lib/roles/leadership";
import { DecideChangeSchema } from "@/lib/roles/schemas";

// No revalidation here: the decided item stays on screen with its outcome announced; the list
// is fresh at the next visit.
const decide = defineAction(DecideChangeSchema, (input, actor) => decideLeadershipChange(actor, input));

export async function decideLeadershipChangeAction(input: unknown) {
  return decide(input);
}
