"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { TagSettingsSchema } from "@/lib/tags/schemas";
import { updateTagSettings } from "@/lib/tags/settings";

export const saveTagSettingsAction = defineAction(
  TagSettingsSchema,
  async (input, actor) => {
    const r = await updateTagSettings(actor, input);
    revalidatePath(`/manage/${r.slug}/settings`);
    revalidatePath(`/tags/${r.slug}`);
    return r;
  },
  {
    successMessage: (r) =>
      r.changed.length === 0 ? "Nothing changed." : `Saved as version ${r.version}. The TAG page shows the change.`,
  },
);
