"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { openRemovalProposal } from "@/lib/roles/removals";
import { OpenRemovalSchema } from "@/lib/roles/schemas";

export const openRemovalAction = defineAction(OpenRemovalSchema, (input, actor) => openRemovalProposal(actor, input), {
  successMessage: "Removal vote opened: the TOC votes on its page.",
  revalidate: () => revalidatePath("/toc"),
});
