import type {
  DecisionChoice as DbDecisionChoice,
  DecisionKind as DbDecisionKind,
  DecisionStatus as DbDecisionStatus,
} from "../generated/prisma/enums.ts";

/** What the TOC decides by vote (the Prisma enum `DecisionKind`; the API spells them with hyphens). */
export const DECISION_KINDS = [
  "appointment",
  "election_result",
  "removal",
  "role_change",
  "seat_end",
  "renewal",
] as const;
export type DecisionKindKey = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_LABEL: Record<DecisionKindKey, string> = {
  appointment: "Appointment",
  election_result: "Election result",
  removal: "Removal",
  role_change: "Role change",
  seat_end: "End of a seat",
  renewal: "Renewal of a term",
};

export const DECISION_STATUSES = ["open", "approved", "rejected", "withdrawn", "settled"] as const;
export type DecisionStatusKey = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABEL: Record<DecisionStatusKey, string> = {
  open: "Open for votes",
  approved: "Approved",
  rejected: "Not approved",
  withdrawn: "Withdrawn",
  settled: "Settled by import",
};

export const DECISION_CHOICES = ["yes", "no", "abstain"] as const;
export type DecisionChoiceKey = (typeof DECISION_CHOICES)[number];
export const DECISION_CHOICE_LABEL: Record<DecisionChoiceKey, string> = { yes: "Yes", no: "No", abstain: "Abstain" };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _kindsAgree: Same<DecisionKindKey, DbDecisionKind> = true;
const _statusesAgree: Same<DecisionStatusKey, DbDecisionStatus> = true;
const _choicesAgree: Same<DecisionChoiceKey, DbDecisionChoice> = true;
