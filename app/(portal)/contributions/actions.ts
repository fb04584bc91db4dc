"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { SelfReportSchema, VerifySchema } from "@/lib/contributions/schemas";
import { selfReportContribution, verifyContribution } from "@/lib/contributions/self-report";

function refresh() {
  revalidatePath("/contributions");
  revalidatePath("/people/[login]", "page");
}

export const selfReportAction = defineAction(SelfReportSchema, (input, actor) => selfReportContribution(actor, input), {
  successMessage: "Reported. A lead of the TAG will verify it.",
  revalidate: refresh,
});

const verify = defineAction(VerifySchema, (input, actor) => verifyContribution(actor, input), { revalidate: refresh });

/** Decides on a report; the decided report leaves the list, so the page says what happened. */
export async function verifyAction(input: unknown) {
  const result = await verify(input);
  if (result.ok) redirect(`/contributions?decided=${result.data.verification}`);
  return result;
}
