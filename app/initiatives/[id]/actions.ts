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

const create = defineAction(
  CreateInitiativeSchema,
  async (input, actor) => {
    const r = await createInitiative(actor, input);
    refresh();
    return r;
  },
  { successMessage: "Initiative started." },
);
const join = defineAction(
  InitiativeIdSchema,
  async (input, actor) => {
    const r = await joinInitiative(actor, input);
    refresh();
    return r;
  },
  { successMessage: "You joined." },
);
const checkIn = defineAction(
  InitiativeCheckInSchema,
  async (input, actor) => {
    const r = await checkInInitiative(actor, input);
    refresh();
    return r;
  },
  { successMessage: "Check-in posted." },
);
const state = defineAction(
  InitiativeStateSchema,
  async (input, actor) => {
    const r = await setInitiativeState(actor, input);
    refresh();
    return r;
  },
  { successMessage: "State saved." },
);

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
