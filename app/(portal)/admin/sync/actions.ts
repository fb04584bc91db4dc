"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { HelpWantedLabelsSchema, StartSyncSchema } from "@/lib/github/schemas";
import { setHelpWantedLabels } from "@/lib/github/repository-settings";
import { startSync } from "@/lib/github/sync-runs";
import { enqueueSync } from "@/lib/jobs/queue";

export const startSyncAction = defineAction(
  StartSyncSchema,
  async (input, actor) => {
    const r = await startSync(actor, input.tagSlug, (id) => enqueueSync(id));
    revalidatePath("/admin/sync");
    return r;
  },
  { successMessage: "Sync queued. Its progress shows below as it goes." },
);

export const setHelpWantedLabelsAction = defineAction(
  HelpWantedLabelsSchema,
  async (input, actor) => {
    const r = await setHelpWantedLabels(actor, input);
    revalidatePath("/admin/sync");
    return r;
  },
  { successMessage: (r) => `Labels saved for ${r.repo}: the next sync reads them.` },
);
