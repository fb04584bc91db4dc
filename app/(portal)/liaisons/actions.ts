"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { createLiaison, logCheckIn, updateLiaison } from "@/lib/liaisons/mutations";
import { CheckInSchema, CreateLiaisonSchema, UpdateLiaisonSchema } from "@/lib/liaisons/schemas";

/** The liaison pages and project pages show liaisons and their check-ins. */
function refresh() {
  revalidatePath("/liaisons");
  revalidatePath("/liaisons/[id]", "page");
  revalidatePath("/projects/[name]", "page");
}

const create = defineAction(CreateLiaisonSchema, async (input, actor) => {
  const r = await createLiaison(actor, input);
  refresh();
  return r;
});

/** Makes a TAG Ambassador seat a liaison, then opens the liaison's page. */
export async function createLiaisonAction(input: unknown) {
  const result = await create(input);
  if (result.ok) redirect(`/liaisons/${result.data.id}?created=1`);
  return result;
}

export const updateLiaisonAction = defineAction(
  UpdateLiaisonSchema,
  async (input, actor) => {
    const r = await updateLiaison(actor, input);
    refresh();
    return r;
  },
  { successMessage: "Liaison changed." },
);

export const logCheckInAction = defineAction(
  CheckInSchema,
  async (input, actor) => {
    const r = await logCheckIn(actor, input);
    refresh();
    return r;
  },
  { successMessage: "Check-in logged." },
);
