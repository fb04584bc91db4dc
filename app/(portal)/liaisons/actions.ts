"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { createLiaison, endLiaison, logCheckIn, updateLiaison } from "@/lib/liaisons/mutations";
import { CheckInSchema, CreateLiaisonSchema, EndLiaisonSchema, UpdateLiaisonSchema } from "@/lib/liaisons/schemas";

/** The liaison pages and project pages show liaisons and their check-ins. */
function refresh() {
  revalidatePath("/liaisons");
  revalidatePath("/liaisons/[id]", "page");
  revalidatePath("/projects/[name]", "page");
}

const create = defineAction(CreateLiaisonSchema, (input, actor) => createLiaison(actor, input), {
  revalidate: refresh,
});

/** Makes a TAG Ambassador seat a liaison, then opens the liaison's page. */
export async function createLiaisonAction(input: unknown) {
  const result = await create(input);
  if (result.ok) redirect(`/liaisons/${result.data.id}?created=1`);
  return result;
}

export const updateLiaisonAction = defineAction(UpdateLiaisonSchema, (input, actor) => updateLiaison(actor, input), {
  successMessage: "Liaison changed.",
  revalidate: refresh,
});

export const logCheckInAction = defineAction(CheckInSchema, (input, actor) => logCheckIn(actor, input), {
  successMessage: "Check-in logged.",
  revalidate: refresh,
});

export const endLiaisonAction = defineAction(EndLiaisonSchema, (input, actor) => endLiaison(actor, input), {
  successMessage: "Liaison ended. The liaison was told.",
  revalidate: refresh,
});
