"use server";
/** Server functions for nominations (contract: selfNominate, endorseNomination, withdrawNomination); logic in ./nominating. */
import { defineAction } from "@/lib/action";
import { endorseNominationAs, selfNominateAs, withdrawNominationAs } from "./nominating";
import { NominationRefSchema, SelfNominateSchema } from "./schemas";

const nominate = defineAction(SelfNominateSchema, (input, actor) => selfNominateAs(actor, input), {
  successMessage: "You are standing in this election.",
});
const endorse = defineAction(NominationRefSchema, (input, actor) => endorseNominationAs(actor, input), {
  successMessage: "Endorsement recorded.",
});
const withdraw = defineAction(NominationRefSchema, (input, actor) => withdrawNominationAs(actor, input), {
  successMessage: "Your nomination was withdrawn.",
});

/** `{ electionId, statement }` -> `{ id }`. */
export async function selfNominate(input: unknown) {
  return nominate(input);
}

/** `{ nominationId }` -> `{ endorsements, met }`. */
export async function endorseNomination(input: unknown) {
  return endorse(input);
}

/** `{ nominationId }` -> `{ withdrawn: true }`. */
export async function withdrawNomination(input: unknown) {
  return withdraw(input);
}
