import { z } from "zod";
import { DECISION_CHOICES, httpUrl } from "@/lib/vocabulary";
import { BASES, THRESHOLD_KEYS } from "./outcome";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const CastVoteSchema = z.strictObject({
  decisionId: z.uuid(),
  choice: z.enum(DECISION_CHOICES, "Choose yes, no or abstain"),
});
export type CastVoteInput = z.infer<typeof CastVoteSchema>;

export const DeclareConflictSchema = z.strictObject({
  decisionId: z.uuid(),
  note: z.string().trim().min(3, "Say what the conflict is").max(500),
});
export type DeclareConflictInput = z.infer<typeof DeclareConflictSchema>;

/** A decision taken elsewhere (a GitVote vote on cncf/toc, a TOC meeting): its outcome and link. */
export const RecordExternalSchema = z.strictObject({
  decisionId: z.uuid(),
  outcome: z.enum(["approved", "rejected"], "Say whether it was approved"),
  link: httpUrl("Link the vote (https://...)", 500),
  note: z.preprocess(blankToUndefined, z.string().trim().max(500).optional()),
});
export type RecordExternalInput = z.infer<typeof RecordExternalSchema>;

/** An approved decision that could not take effect, applied again. */
export const DecisionRefSchema = z.strictObject({ decisionId: z.uuid() });
export type DecisionRefInput = z.infer<typeof DecisionRefSchema>;

export const DecisionRuleSchema = z.strictObject({
  threshold: z.enum(THRESHOLD_KEYS, "Choose a threshold"),
  base: z.enum(Object.keys(BASES) as [keyof typeof BASES], "Choose what the threshold counts"),
  periodDays: z.coerce
    .number("Days, a whole number")
    .int("Whole days")
    .min(1, "At least 1 day")
    .max(60, "At most 60 days"),
  quorum: z.enum(THRESHOLD_KEYS, "Choose a quorum"),
});
export type DecisionRuleInput = z.infer<typeof DecisionRuleSchema>;

/** A removal needs a supermajority: more than half is not offered. */
export const SUPERMAJORITY_KEYS = ["two-thirds", "three-quarters", "all"] as const;
export const RemovalSupermajoritySchema = z.strictObject({
  tagId: z.uuid("Choose a TAG"),
  supermajority: z.enum(SUPERMAJORITY_KEYS, "Choose a supermajority"),
});
export type RemovalSupermajorityInput = z.infer<typeof RemovalSupermajoritySchema>;
