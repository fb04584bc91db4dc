import { z } from "zod";
import type { SeatRegion } from "@/lib/vocabulary";

export type SeatsByRegion = Partial<Record<SeatRegion, number>>;

export const PHASES = [
  "draft",
  "nominations",
  "voting",
  "closed",
  "tallied",
  "approved",
  "published",
  "cancelled",
] as const;
export type Phase = (typeof PHASES)[number];

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const count = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number().int("Whole numbers only").min(0, "Cannot be negative").max(max).optional(),
  );
const positive = (max: number, message: string) =>
  z.preprocess(blankToUndefined, z.coerce.number().int("Whole numbers only").min(1, message).max(max).optional());
const flag = z.preprocess(
  (v) => (v === "on" || v === "true" ? true : v === "false" ? false : v),
  z.boolean().optional(),
);

/** An ISO date-time (with offset) or an ISO date (midnight UTC), as a Date. */
export const IsoDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "Give an ISO date or date-time" })
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s));

export const SeatsByRegionSchema = z
  .strictObject({ APAC: count(20), EMEA: count(20), Americas: count(20), any: count(20) })
  .refine((s) => Object.values(s).some((n) => (n ?? 0) > 0), "At least one seat");

const RegionCapsSchema = z.strictObject({ APAC: count(20), EMEA: count(20), Americas: count(20) });

export const ConstraintsSchema = z.strictObject({
  maxPerEmployer: positive(20, "A cap must be at least 1"),
  maxPerRegion: RegionCapsSchema.optional(),
  minPerRegion: RegionCapsSchema.optional(),
});
export type ElectionConstraints = z.infer<typeof ConstraintsSchema>;

/** The rules an officer sets while the election is a draft (every field of createElection but TAG and role). */
const ruleFields = {
  title: z.string().trim().min(3, "Name the election").max(200),
  cycleDate: IsoDate,
  seatsByRegion: SeatsByRegionSchema.optional(),
  nominationsOpenAt: IsoDate,
  nominationsCloseAt: IsoDate,
  votingOpenAt: IsoDate,
  votingCloseAt: IsoDate,
  method: z.enum(["schulze", "stv"]).optional(),
  candidateRule: z.enum(["contributions", "any-member"]).optional(),
  candidateMinRecords: positive(10_000, "At least 1 record"),
  candidateWindowMonths: positive(60, "At least 1 month"),
  endorsementsRequired: count(20),
  endorsementEmployers: count(20),
  votersIncludeLeaders: flag,
  voterMinRecords: positive(10_000, "At least 1 record"),
  voterWindowMonths: positive(60, "At least 1 month"),
  constraints: ConstraintsSchema.optional(),
  publishBallots: flag,
  isTest: flag,
  description: z.string().trim().max(20_000, "At most 20,000 characters").optional(),
  votingGuide: z.string().trim().max(20_000, "At most 20,000 characters").optional(),
  exceptionDueAt: z.preprocess(blankToUndefined, IsoDate.optional()),
  officerIds: z.array(z.uuid()).max(20).optional(),
};

interface Windows {
  nominationsOpenAt?: Date;
  nominationsCloseAt?: Date;
  votingOpenAt?: Date;
  votingCloseAt?: Date;
  exceptionDueAt?: Date | null;
  candidateRule?: string;
  candidateMinRecords?: number;
  candidateWindowMonths?: number;
  voterMinRecords?: number;
  voterWindowMonths?: number;
  endorsementsRequired?: number;
  endorsementEmployers?: number;
}

/** Checks that hold for a whole set of rules (after an update is merged with what is stored). */
export function ruleProblems(v: Windows): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const order: [keyof Windows, keyof Windows, string][] = [
    ["nominationsOpenAt", "nominationsCloseAt", "Nominations must close after they open"],
    ["nominationsCloseAt", "votingOpenAt", "Voting opens when nominations have closed, or later"],
    ["votingOpenAt", "votingCloseAt", "Voting must close after it opens"],
  ];
  for (const [a, b, message] of order) {
    const x = v[a];
    const y = v[b];
    if (x instanceof Date && y instanceof Date && (a === "nominationsCloseAt" ? x > y : x >= y))
      problems.push({ path: b, message });
  }
  if (v.exceptionDueAt instanceof Date && v.votingCloseAt instanceof Date && v.exceptionDueAt > v.votingCloseAt)
    problems.push({ path: "exceptionDueAt", message: "The exception deadline must be on or before voting closes" });
  if (
    v.candidateRule === "contributions" &&
    (v.candidateMinRecords === undefined || v.candidateWindowMonths === undefined)
  ) {
    problems.push({
      path: "candidateMinRecords",
      message: "Give the minimum records and the window in months for candidates",
    });
  }
  if ((v.voterMinRecords === undefined) !== (v.voterWindowMonths === undefined)) {
    problems.push({
      path: "voterWindowMonths",
      message: "Give both the number of records and the window in months, or neither",
    });
  }
  if ((v.endorsementEmployers ?? 0) > (v.endorsementsRequired ?? 0)) {
    problems.push({
      path: "endorsementEmployers",
      message: "Distinct employers cannot exceed the endorsements required",
    });
  }
  return problems;
}

export const CreateElectionSchema = z
  .strictObject({ tagId: z.uuid(), roleKey: z.uuid(), ...ruleFields })
  .superRefine((v, ctx) => {
    for (const p of ruleProblems({ candidateRule: "contributions", ...v }))
      ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
  });
export type CreateElectionInput = z.infer<typeof CreateElectionSchema>;

export const UpdateRulesSchema = z.strictObject({
  electionId: z.uuid(),
  title: ruleFields.title.optional(),
  cycleDate: IsoDate.optional(),
  seatsByRegion: ruleFields.seatsByRegion,
  nominationsOpenAt: IsoDate.optional(),
  nominationsCloseAt: IsoDate.optional(),
  votingOpenAt: IsoDate.optional(),
  votingCloseAt: IsoDate.optional(),
  method: ruleFields.method,
  candidateRule: ruleFields.candidateRule,
  candidateMinRecords: ruleFields.candidateMinRecords,
  candidateWindowMonths: ruleFields.candidateWindowMonths,
  endorsementsRequired: ruleFields.endorsementsRequired,
  endorsementEmployers: ruleFields.endorsementEmployers,
  votersIncludeLeaders: ruleFields.votersIncludeLeaders,
  voterMinRecords: ruleFields.voterMinRecords,
  voterWindowMonths: ruleFields.voterWindowMonths,
  constraints: ruleFields.constraints,
  publishBallots: ruleFields.publishBallots,
  isTest: ruleFields.isTest,
  description: ruleFields.description,
  votingGuide: ruleFields.votingGuide,
  exceptionDueAt: ruleFields.exceptionDueAt,
  officerIds: ruleFields.officerIds,
});
export type UpdateRulesInput = z.infer<typeof UpdateRulesSchema>;

const reason = z.string().trim().min(3, "Say why").max(1000);

export const ExtendWindowSchema = z.strictObject({
  electionId: z.uuid(),
  field: z.enum(["nominationsCloseAt", "votingCloseAt"]),
  to: IsoDate,
  reason,
});
export type ExtendWindowInput = z.infer<typeof ExtendWindowSchema>;

export const MovePhaseSchema = z.strictObject({ electionId: z.uuid(), to: z.enum(PHASES), reason });
export type MovePhaseInput = z.infer<typeof MovePhaseSchema>;

export const CancelElectionSchema = z.strictObject({
  electionId: z.uuid(),
  reason: z
    .string({ error: "Say why the election is cancelled" })
    .trim()
    .min(3, "Say why the election is cancelled")
    .max(1000),
});
export type CancelElectionInput = z.infer<typeof CancelElectionSchema>;

export const UploadVotersSchema = z.strictObject({ electionId: z.uuid(), logins: z.string().max(100_000) });
export type UploadVotersInput = z.infer<typeof UploadVotersSchema>;

export const SelfNominateSchema = z.strictObject({
  electionId: z.uuid(),
  statement: z.string().trim().min(20, "Write a statement of at least 20 characters").max(10_000),
});
export type SelfNominateInput = z.infer<typeof SelfNominateSchema>;

export const NominationRefSchema = z.strictObject({ nominationId: z.uuid() });
export type NominationRefInput = z.infer<typeof NominationRefSchema>;

export const RequestExceptionSchema = z.strictObject({ electionId: z.uuid(), kind: z.enum(["vote", "stand"]), reason });
export type RequestExceptionInput = z.infer<typeof RequestExceptionSchema>;

export const DecideExceptionSchema = z.strictObject({
  exceptionId: z.uuid(),
  grant: z.preprocess((v) => (v === "true" || v === "on" ? true : v === "false" ? false : v), z.boolean()),
  reason,
});
export type DecideExceptionInput = z.infer<typeof DecideExceptionSchema>;

/** A ranking: preference levels, most preferred first, each a list of nomination ids (ties). */
export const RankingSchema = z
  .array(z.array(z.uuid()).min(1, "An empty preference level").max(100), { error: "Rank at least one candidate" })
  .min(1, "Rank at least one candidate")
  .max(100);

/** 128 random bits as 32 lowercase hex characters. */
export const ReceiptSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{32}$/, "A receipt is 32 characters, 0-9 and a-f");

export const CastBallotSchema = z.strictObject({ electionId: z.uuid(), ranking: RankingSchema });
export type CastBallotInput = z.infer<typeof CastBallotSchema>;

export const ReplaceBallotSchema = z.strictObject({
  electionId: z.uuid(),
  receipt: ReceiptSchema,
  ranking: RankingSchema,
});
export type ReplaceBallotInput = z.infer<typeof ReplaceBallotSchema>;

export const CheckReceiptSchema = z.strictObject({ electionId: z.uuid(), receipt: ReceiptSchema });
export type CheckReceiptInput = z.infer<typeof CheckReceiptSchema>;

export const ElectionRefSchema = z.strictObject({ electionId: z.uuid() });
export type ElectionRefInput = z.infer<typeof ElectionRefSchema>;

/** Days a runner-up has to answer a vacancy offer (the default, and the bounds an officer may set). */
export const OFFER_RESPOND_DAYS = { default: 7, min: 1, max: 30 } as const;
export const OfferVacancySchema = z.strictObject({
  electionId: z.uuid(),
  assignmentId: z.uuid(),
  respondDays: z.coerce
    .number()
    .int()
    .min(OFFER_RESPOND_DAYS.min, `At least ${OFFER_RESPOND_DAYS.min} day`)
    .max(OFFER_RESPOND_DAYS.max, `At most ${OFFER_RESPOND_DAYS.max} days`)
    .default(OFFER_RESPOND_DAYS.default),
});
export type OfferVacancyInput = z.input<typeof OfferVacancySchema>;

/** The offered person's answer; a decline must be confirmed (it cannot be taken back). */
export const AnswerOfferSchema = z.strictObject({
  offerId: z.uuid(),
  answer: z.enum(["accept", "decline"]),
  confirm: z.literal(["on", "true"]).optional(),
});
export type AnswerOfferInput = z.infer<typeof AnswerOfferSchema>;

export const PublishRollSchema = z.strictObject({ electionId: z.uuid() });
export type PublishRollInput = z.infer<typeof PublishRollSchema>;

/** Base64 of at most 10 MB (ELEKTO_ARCHIVE_LIMIT), the archive's own limit. */
const ELEKTO_BASE64_MAX = Math.ceil((10 * 1024 * 1024) / 3) * 4;

/** `/elections/import`: an uploaded Elekto archive, previewed or imported into a TAG. */
export const ElektoUploadSchema = z.strictObject({
  tagSlug: z.string().trim().min(1, "Choose a TAG").max(100),
  /** RoleDefinition.roleKey; blank: the TAG's Tech Lead role. */
  role: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  /** Moves every date so that voting opens on this day (replaying a past election). */
  votingOpensOn: z.preprocess(blankToUndefined, IsoDate.optional()),
  archive: z
    .string()
    .min(1, "Choose the zip or tarball of the Elekto election folder")
    .max(ELEKTO_BASE64_MAX, "The archive is over 10 MB; nothing was imported.")
    .base64("The upload did not arrive whole; choose the file again"),
  mode: z.enum(["preview", "import"]).default("preview"),
});
export type ElektoUploadInput = z.input<typeof ElektoUploadSchema>;
