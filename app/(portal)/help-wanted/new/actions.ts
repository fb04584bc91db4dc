"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { now } from "@/lib/clock";
import { fetchLinkedIssue } from "@/lib/github/issue-links";
import { githubIssueSync } from "@/lib/github/issue-sync";
import { expireBoardCache } from "@/lib/help-wanted/board-cache";
import { createItem } from "@/lib/help-wanted/items";
import { itemSchema } from "@/lib/help-wanted/schemas";

// The schema depends on the portal clock (a due date must be in its future): built per call.
const create = defineAction(
  async () => itemSchema(await now()),
  async (input, actor) => {
    const item = await createItem(actor, input, fetchLinkedIssue, githubIssueSync());
    revalidatePath("/help-wanted");
    await expireBoardCache();
    return item;
  },
);

/** Posts an item, then opens its page (which says it was posted). */
export async function createItemAction(input: unknown) {
  const result = await create(input);
  if (result.ok) redirect(`/help-wanted/${result.data.id}?posted=1`);
  return result;
}
