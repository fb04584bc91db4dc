"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { saveTagReportDraft } from "@/lib/tag-reports/drafts";
import { SaveTagReportDraftSchema } from "@/lib/tag-reports/schemas";

export const saveTagReportDraftAction = defineAction(
  SaveTagReportDraftSchema,
  (input, actor) => saveTagReportDraft(actor, input),
  {
    successMessage: (r) => `Report narrative for ${r.period} saved (version ${r.version}).`,
    revalidate: () => revalidatePath("/manage/[slug]/reports", "page"),
  },
);
