import { z } from "zod";
import { ContributionKind } from "@/lib/generated/prisma/enums";
import { githubLogin } from "@/lib/vocabulary";
import { MAX_STEPS, KNOWN_KIND_WORDS } from "./ladder";

const KINDS = Object.values(ContributionKind) as [ContributionKind, ...ContributionKind[]];

/**
 * A ladder as stored (and as the API would send it): the same rules as the editor's text, so a
 * stored ladder read back is checked again and an unknown kind never gets in by another door.
 */
export const LadderSchema = z
  .array(
    z.strictObject({
      name: z.string().trim().min(2).max(60),
      criteria: z
        .array(
          z.strictObject({
            kind: z.enum(KINDS, { message: `Not a contribution kind (known: ${KNOWN_KIND_WORDS.join(", ")})` }),
            count: z.int().min(1).max(999),
            windowMonths: z.int().min(1).max(36),
          }),
        )
        .max(10),
      mentorSignOff: z.boolean(),
    }),
  )
  .min(1)
  .max(MAX_STEPS);

export const SaveLadderSchema = z.strictObject({
  tagId: z.uuid("Unknown TAG"),
  /** The version the editor showed (0 before the first), so a concurrent edit is refused. */
  version: z.coerce.number().int().min(0),
  steps: z.string().max(4000, "Keep the ladder under 4,000 characters"),
});
export type SaveLadderInput = z.infer<typeof SaveLadderSchema>;

export const PairMentorSchema = z.strictObject({
  tagId: z.uuid("Unknown TAG"),
  mentor: githubLogin(),
  mentee: githubLogin(),
});
export type PairMentorInput = z.infer<typeof PairMentorSchema>;

export const EndPairingSchema = z.strictObject({ pairingId: z.uuid("Unknown pairing") });
export type EndPairingInput = z.infer<typeof EndPairingSchema>;

export const SignOffSchema = z.strictObject({
  pairingId: z.uuid("Unknown pairing"),
  step: z.string().trim().min(1, "Choose a step").max(60),
});
export type SignOffInput = z.infer<typeof SignOffSchema>;

/** The mentor a shadowing item names signs off one of its volunteers (the claim names item and person). */
export const ShadowSignOffSchema = z.strictObject({ claimId: z.uuid("Unknown volunteer") });
export type ShadowSignOffInput = z.infer<typeof ShadowSignOffSchema>;
