"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { saveTagReportDraft } from "@/lib/tag-reports/drafts";
import { openTagReportPull } from "@/lib/tag-reports/pull-request";
import { OpenTagReportPullSchema, SaveTagReportDraftSchema } from "@/lib/tag-reports/schemas";

export const saveTagReportDraftAction = defineAction(
  SaveTagReportDraftSchema,
  (input, actor) => saveTagReportDraft(actor, input),
  {
    successMessage: (r) => `Report narrative for ${r.period} saved (version ${r.version}).`,
    revalidate: () => revalidatePath("/manage/[slug]/reports", "page"),
  },
);

export const openTagReportPullAction = defineAction(
  OpenTagReportPullSchema,
  (input, actor) => openTagReportPull(actor, input),
  {
    successMessage: (r) => `Pull request opened in ${r.repo}: ${r.url}`,
    revalidate: () => revalidatePath("/manage/[slug]/reports", "page"),
  },
);
