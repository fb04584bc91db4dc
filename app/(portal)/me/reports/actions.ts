"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { HolderReportSchema, postHolderReport } from "@/lib/roles/holder-reports";

export const postHolderReportAction = defineAction(
  HolderReportSchema,
  (input, actor) => postHolderReport(actor, input),
  {
    successMessage: (r) => (r.updated ? `Your ${r.quarter} report is updated.` : `Your ${r.quarter} report is posted.`),
    revalidate: () => {
      revalidatePath("/me/reports");
      revalidatePath("/manage/[slug]/reports", "page");
    },
  },
);
