import type * as Db from "../generated/prisma/enums.ts";
import { LABELS, labelled, type Same } from "./labelled.ts";

/** What the TOC decides by vote (the Prisma enum `DecisionKind`; the API spells them with hyphens). */
export const { keys: DECISION_KINDS, label: DECISION_KIND_LABEL } = labelled(LABELS.decisionKind);
export type DecisionKindKey = (typeof DECISION_KINDS)[number];

export const { keys: DECISION_STATUSES, label: DECISION_STATUS_LABEL } = labelled(LABELS.decisionStatus);
export type DecisionStatusKey = (typeof DECISION_STATUSES)[number];

export const { keys: DECISION_CHOICES, label: DECISION_CHOICE_LABEL } = labelled(LABELS.decisionChoice);
export type DecisionChoiceKey = (typeof DECISION_CHOICES)[number];

const _kindsAgree: Same<DecisionKindKey, Db.DecisionKind> = true;
const _statusesAgree: Same<DecisionStatusKey, Db.DecisionStatus> = true;
const _choicesAgree: Same<DecisionChoiceKey, Db.DecisionChoice> = true;
