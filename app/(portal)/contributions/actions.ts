"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { SelfReportSchema, VerifySchema } from "@/lib/contributions/schemas";
import { selfReportContribution, verifyContribution } from "@/lib/contributions/self-report";

function refresh() {
  revalidatePath("/contributions");
  revalidatePath("/people/[login]", "page");
}

export const selfReportAction = defineAction(
  SelfReportSchema,
  async (input, actor) => {
    const r = await selfReportContribution(actor, input);
    refresh();
    return r;
  },
  { successMessage: "Reported. A lead of the TAG will verify it." },
);

export const verifyAction = defineAction(
  VerifySchema,
  async (input, actor) => {
    const r = await verifyContribution(actor, input);
    refresh();
    return r;
  },
  { successMessage: "Decision saved." },
);
