"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { checkInInitiative, createInitiative, joinInitiative, setInitiativeState } from "@/lib/initiatives/mutations";
import {
  CreateInitiativeSchema,
  InitiativeCheckInSchema,
  InitiativeIdSchema,
  InitiativeStateSchema,
} from "@/lib/initiatives/schemas";

const refresh = () => {
  revalidatePath("/initiatives/[id]", "page");
  revalidatePath("/tags/[slug]", "page");
};

export const createInitiativeAction = defineAction(
  CreateInitiativeSchema,
  (input, actor) => createInitiative(actor, input),
  {
    successMessage: "Initiative started.",
    revalidate: refresh,
  },
);
export const joinInitiativeAction = defineAction(InitiativeIdSchema, (input, actor) => joinInitiative(actor, input), {
  successMessage: "You joined.",
  revalidate: refresh,
});
export const checkInInitiativeAction = defineAction(
  InitiativeCheckInSchema,
  (input, actor) => checkInInitiative(actor, input),
  {
    successMessage: "Check-in posted.",
    revalidate: refresh,
  },
);
export const setInitiativeStateAction = defineAction(
  InitiativeStateSchema,
  (input, actor) => setInitiativeState(actor, input),
  {
    successMessage: "State saved.",
    revalidate: refresh,
  },
);
