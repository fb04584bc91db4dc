"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { saveTargets } from "@/lib/representation/mutations";
import { SaveTargetsSchema } from "@/lib/representation/schemas";

export const saveTargetsAction = defineAction(SaveTargetsSchema, (input, actor) => saveTargets(actor, input), {
  successMessage: (r) => (r.count ? `Targets saved (${r.count}).` : "Targets removed."),
  revalidate: () => {
    revalidatePath("/manage/[slug]/representation", "page");
    revalidatePath("/toc/[slug]", "page");
  },
});
