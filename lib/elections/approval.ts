"use server";
/** Server functions for the TOC decision and what follows (contract: approveElection, sendBackElection, publishElection, offerVacancy); logic in ./approving. */
import { defineAction } from "@/lib/action";
import { approveElectionAs, offerVacancyAs, publishElectionAs, sendBackElectionAs } from "./approving";
import { ElectionRefSchema, OfferVacancySchema, SendBackSchema } from "./schemas";

const approve = defineAction(ElectionRefSchema, (input, actor) => approveElectionAs(actor, input), {
  successMessage: "Result approved; the roster was updated.",
});
const sendBack = defineAction(SendBackSchema, (input, actor) => sendBackElectionAs(actor, input), {
  successMessage: "Result sent back to the officers.",
});
const publish = defineAction(ElectionRefSchema, (input, actor) => publishElectionAs(actor, input), {
  successMessage: "Result published.",
});
const offer = defineAction(OfferVacancySchema, (input, actor) => offerVacancyAs(actor, input), {
  successMessage: "Seat offered to the next runner-up.",
});

/** `{ electionId }`: a TOC member (not a candidate) approves; runs once under races. */
export async function approveElection(input: unknown) {
  return approve(input);
}

/** `{ electionId, reason }`: tallied -> closed. */
export async function sendBackElection(input: unknown) {
  return sendBack(input);
}

/** `{ electionId }`: approved -> published (officer or TOC). */
export async function publishElection(input: unknown) {
  return publish(input);
}

/** `{ electionId, assignmentId }`: the next runner-up gets a pending seat. */
export async function offerVacancy(input: unknown) {
  return offer(input);
}
