"use server";
/**
 * Server functions for setting up and running an election (contract: createElection,
 * updateElectionRules, extendElectionWindow, moveElectionPhase, uploadVoterList). Each is a
 * defineAction, so each authenticates and checks permission itself; logic in ./election-setup and
 * ./phases. Nothing else is exported here: every export of a "use server" module is a server
 * action anyone can call (the setup page reads default seats from ./election-setup directly).
 */
import { defineAction } from "@/lib/action";
import { createElectionAs, extendElectionWindowAs, updateElectionRulesAs, uploadVoterListAs } from "./election-setup";
import { moveElectionPhaseAs } from "./phases";
import {
  CreateElectionSchema,
  ExtendWindowSchema,
  MovePhaseSchema,
  UpdateRulesSchema,
  UploadVotersSchema,
} from "./schemas";

const create = defineAction(CreateElectionSchema, (input, actor) => createElectionAs(actor, input), {
  successMessage: "Election created as a draft.",
});
const update = defineAction(UpdateRulesSchema, (input, actor) => updateElectionRulesAs(actor, input), {
  successMessage: "Rules saved.",
});
const extend = defineAction(ExtendWindowSchema, (input, actor) => extendElectionWindowAs(actor, input), {
  successMessage: "Window extended.",
});
const move = defineAction(MovePhaseSchema, (input, actor) => moveElectionPhaseAs(actor, input), {
  successMessage: (d) => `The election is now in ${d.phase}.`,
});
const upload = defineAction(UploadVotersSchema, (input, actor) => uploadVoterListAs(actor, input), {
  successMessage: (d) =>
    `${d.added} voter(s) added${d.unresolved.length ? `; not found on GitHub: ${d.unresolved.join(", ")}` : ""}.`,
});

/** `{ tagId, roleKey, title, cycleDate, ... }` -> `{ id }`; the creator becomes an officer. */
export async function createElection(input: unknown) {
  return create(input);
}

/** `{ electionId, ...rules }`: draft only; refused once rules froze. */
export async function updateElectionRules(input: unknown) {
  return update(input);
}

/** `{ electionId, field: "nominationsCloseAt" | "votingCloseAt", to, reason }`. */
export async function extendElectionWindow(input: unknown) {
  return extend(input);
}

/** `{ electionId, to, reason }`: officers move to the next phase only. */
export async function moveElectionPhase(input: unknown) {
  return move(input);
}

/** `{ electionId, logins }` -> `{ added, unresolved }`. */
export async function uploadVoterList(input: unknown) {
  return upload(input);
}
