"use server";

import { revalidatePath } from "next/cache";
import { invalidateBoard } from "@/lib/help-wanted/board-cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/action";
import { createItem } from "@/lib/help-wanted/mutations";
import { itemFormToObject, parseItemInput } from "./item-input";

// The schema depends on the portal clock (due dates), so the input is parsed inside `run`.
const create = defineAction(z.unknown(), async (raw, actor) => {
  const item = await createItem(actor, await parseItemInput(raw));
  revalidatePath("/help-wanted");
  invalidateBoard();
  return item;
});

/** Posts an item, then opens its page (which says it was posted). */
export async function createItemAction(input: unknown) {
  const result = await create(itemFormToObject(input));
  if (result.ok) redirect(`/help-wanted/${result.data.id}?posted=1`);
  return result;
}
