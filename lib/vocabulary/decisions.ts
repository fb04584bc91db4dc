import type {
  DecisionChoice as DbDecisionChoice,
  DecisionKind as DbDecisionKind,
  DecisionStatus as DbDecisionStatus,
} from "../generated/prisma/enums.ts";
import { labelled } from "./labelled.ts";

/** What the TOC decides by vote (the Prisma enum `DecisionKind`; the API spells them with hyphens). */
export const { keys: DECISION_KINDS, label: DECISION_KIND_LABEL } = labelled({
  appointment: "Appointment",
  election_result: "Election result",
  removal: "Removal",
  role_change: "Role change",
  seat_end: "End of a seat",
  renewal: "Renewal of a term",
});
export type DecisionKindKey = (typeof DECISION_KINDS)[number];

export const { keys: DECISION_STATUSES, label: DECISION_STATUS_LABEL } = labelled({
  open: "Open for votes",
  approved: "Approved",
  rejected: "Not approved",
  withdrawn: "Withdrawn",
  settled: "Settled by import",
});
export type DecisionStatusKey = (typeof DECISION_STATUSES)[number];

export const { keys: DECISION_CHOICES, label: DECISION_CHOICE_LABEL } = labelled({
  yes: "Yes",
  no: "No",
  abstain: "Abstain",
});
export type DecisionChoiceKey = (typeof DECISION_CHOICES)[number];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _kindsAgree: Same<DecisionKindKey, DbDecisionKind> = true;
const _statusesAgree: Same<DecisionStatusKey, DbDecisionStatus> = true;
const _choicesAgree: Same<DecisionChoiceKey, DbDecisionChoice> = true;
