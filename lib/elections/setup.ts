"use server";
/**
 * Server functions for setting up and running an election (contract: createElection,
 * updateElectionRules, extendElectionWindow, moveElectionPhase, uploadVoterList,
 * defaultSeatsForCycle). Each checks permission itself; logic in ./election-setup and ./phases.
 */
import { z } from "zod";
import { defineAction } from "@/lib/action";
import {
  createElectionAs,
  defaultSeatsForCycle as seatsForCycle,
  extendElectionWindowAs,
  updateElectionRulesAs,
  uploadVoterListAs,
} from "./election-setup";
import { moveElectionPhaseAs } from "./phases";
import {
  CreateElectionSchema,
  ExtendWindowSchema,
  IsoDate,
  MovePhaseSchema,
  UpdateRulesSchema,
  UploadVotersSchema,
  type SeatsByRegion,
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

const SeatsQuery = z.strictObject({ tagId: z.uuid(), roleKey: z.uuid(), cycleDate: IsoDate });

/** Seats of the role whose terms end by the cycle date, by region (public roster facts). */
export async function defaultSeatsForCycle(
  tagId: string,
  roleKey: string,
  cycleDate: string | Date,
): Promise<SeatsByRegion> {
  const q = SeatsQuery.parse({
    tagId,
    roleKey,
    cycleDate: cycleDate instanceof Date ? cycleDate.toISOString() : cycleDate,
  });
  return seatsForCycle(q.tagId, q.roleKey, q.cycleDate);
}
