import { z } from "zod";
import type { InitiativeState } from "@/lib/generated/prisma/enums";
import { githubLogin, LABELS, labelled, type Same } from "@/lib/vocabulary";

export const { keys: INITIATIVE_STATES, label: STATE_LABEL } = labelled(LABELS.initiativeState);
const _statesAgree: Same<(typeof INITIATIVE_STATES)[number], InitiativeState> = true;
/** An initiative with no check-in for this long is flagged stale (docs/architecture.md, "Data model"). */
export const STALE_AFTER_DAYS = 90;

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);

export const CreateInitiativeSchema = z.strictObject({
  tagId: z.uuid(),
  name: z.string().trim().min(3, "Name the initiative").max(120),
  description: z.string().trim().max(5000).default(""),
  exitCriteria: z.string().trim().min(3, "Say when it is done").max(2000),
  sponsorLogin: z.preprocess(empty, githubLogin().optional()),
});
export type CreateInitiativeInput = z.infer<typeof CreateInitiativeSchema>;

export const InitiativeIdSchema = z.strictObject({ initiativeId: z.uuid() });
export const InitiativeCheckInSchema = z.strictObject({
  initiativeId: z.uuid(),
  body: z.string().trim().min(3, "Say how it is going").max(5000),
});
export const InitiativeStateSchema = z.strictObject({ initiativeId: z.uuid(), state: z.enum(INITIATIVE_STATES) });
