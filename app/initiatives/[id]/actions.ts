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

const create = defineAction(CreateInitiativeSchema, (input, actor) => createInitiative(actor, input), {
  successMessage: "Initiative started.",
  revalidate: refresh,
});
const join = defineAction(InitiativeIdSchema, (input, actor) => joinInitiative(actor, input), {
  successMessage: "You joined.",
  revalidate: refresh,
});
const checkIn = defineAction(InitiativeCheckInSchema, (input, actor) => checkInInitiative(actor, input), {
  successMessage: "Check-in posted.",
  revalidate: refresh,
});
const state = defineAction(InitiativeStateSchema, (input, actor) => setInitiativeState(actor, input), {
  successMessage: "State saved.",
  revalidate: refresh,
});

export async function createInitiativeAction(input: unknown) {
  return create(input);
}
export async function joinInitiativeAction(input: unknown) {
  return join(input);
}
export async function checkInInitiativeAction(input: unknown) {
  return checkIn(input);
}
export async function setInitiativeStateAction(input: unknown) {
  return state(input);
}
