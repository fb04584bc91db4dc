"use server";
/**
 * Server functions for the ballot pages (contract: castBallot, replaceBallot, checkReceipt). Each
 * authenticates, parses strictly and checks eligibility itself; the logic is in ./casting.
 */
import { defineAction } from "@/lib/action";
import { castBallotAs, checkReceiptAs, replaceBallotAs } from "./casting";
import { CastBallotSchema, CheckReceiptSchema, ReplaceBallotSchema } from "./schemas";

const cast = defineAction(CastBallotSchema, (input, actor) => castBallotAs(actor, input), {
  successMessage: "Your ballot was cast. Keep your receipt: it is shown only once.",
});
const replace = defineAction(ReplaceBallotSchema, (input, actor) => replaceBallotAs(actor, input), {
  successMessage: "Your ballot was replaced.",
});
const check = defineAction(CheckReceiptSchema, (input, actor) => checkReceiptAs(actor, input));

/** `{ electionId, ranking: string[][] }` -> `{ receipt }` (32 lowercase hex characters, shown once). */
export async function castBallot(input: unknown) {
  return cast(input);
}

/** `{ electionId, receipt, ranking }`: replaces the ballot that receipt belongs to, before close. */
export async function replaceBallot(input: unknown) {
  return replace(input);
}

/** `{ electionId, receipt }` -> `{ found }` once results are published. */
export async function checkReceipt(input: unknown) {
  return check(input);
}
