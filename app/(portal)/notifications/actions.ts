"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { markNotificationsRead } from "@/lib/notify/mutations";
import { MarkReadSchema } from "@/lib/notify/schemas";

const markRead = defineAction(MarkReadSchema, async (input, actor) => {
  const count = await markNotificationsRead(actor, input);
  revalidatePath("/notifications");
  return { count };
});

export async function markNotificationsReadAction(input: unknown) {
  return markRead(input);
}
