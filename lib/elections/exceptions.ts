"use server";
/** Server functions for exception requests (contract: requestElectionException, decideElectionException); logic in ./exception-requests. */
import { defineAction } from "@/lib/action";
import { decideElectionExceptionAs, requestElectionExceptionAs } from "./exception-requests";
import { DecideExceptionSchema, RequestExceptionSchema } from "./schemas";

const request = defineAction(RequestExceptionSchema, (input, actor) => requestElectionExceptionAs(actor, input), {
  successMessage: "Your request was sent to the officers.",
});
const decide = defineAction(DecideExceptionSchema, (input, actor) => decideElectionExceptionAs(actor, input), {
  successMessage: (d) => `Request ${d.status}.`,
});

/** `{ electionId, kind: "vote" | "stand", reason }` -> `{ id }`. */
export async function requestElectionException(input: unknown) {
  return request(input);
}

/** `{ exceptionId, grant, reason }` -> `{ status }` (officers). */
export async function decideElectionException(input: unknown) {
  return decide(input);
}
