"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { HelpWantedLabelsSchema, StartSyncSchema } from "@/lib/github/schemas";
import { setHelpWantedLabels } from "@/lib/github/repository-settings";
import { startSync } from "@/lib/github/sync-runs";
import { enqueueSync } from "@/lib/jobs/queue";

export const startSyncAction = defineAction(
  StartSyncSchema,
  (input, actor) => startSync(actor, input.tagSlug, (id) => enqueueSync(id)),
  {
    successMessage: "Sync queued. Its progress shows below as it goes.",
    revalidate: () => revalidatePath("/admin/sync"),
  },
);

export const setHelpWantedLabelsAction = defineAction(
  HelpWantedLabelsSchema,
  (input, actor) => setHelpWantedLabels(actor, input),
  {
    successMessage: (r) => `Labels saved for ${r.repo}: the next sync reads them.`,
    revalidate: () => revalidatePath("/admin/sync"),
  },
);
