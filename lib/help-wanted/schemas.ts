import { z } from "zod";
import { githubLogin, httpUrl, ITEM_KINDS, REGIONS } from "@/lib/vocabulary";

/** Community labels a lead may set; `help-wanted` and `tag-<slug>` are derived, never typed. */
export const COMMUNITY_LABELS = [
  "good first issue",
  "mentor available",
  "difficulty: easy",
  "difficulty: medium",
  "difficulty: hard",
] as const;

/** What an item keeps of its linked GitHub issue, as GitHub's REST API answers for it. */
export const LinkedIssueSchema = z.object({
  title: z.string(),
  state: z.enum(["open", "closed"]),
  assignees: z
    .array(z.object({ login: z.string() }).nullable())
    .nullish()
    .transform((a) => (a ?? []).flatMap((x) => (x ? [x.login] : []))),
});
export type LinkedIssue = z.infer<typeof LinkedIssueSchema>;

/** A GitHub issue URL: https://github.com/<owner>/<repo>/issues/<n>. */
export const GITHUB_ISSUE_RE =
  /^https:\/\/github\.com\/([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})\/issues\/(\d{1,9})$/;

const list = (max: number, item: z.ZodType<string>, tooMany: string) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(max, tooMany),
  );
const empty = (v: unknown) => (v === "" || v === null ? undefined : v);

/** What a lead types to post or edit an item. `now` (the clock) decides what "past" means. */
export function itemSchema(now: Date) {
  return z.strictObject({
    title: z
      .string()
      .trim()
      .min(5, "Give the item a title of at least 5 characters")
      .max(140, "Keep the title under 140 characters"),
    body: z.string().trim().max(20_000, "Keep the description under 20,000 characters").default(""),
    tags: list(5, z.string().regex(/^[a-z0-9-]+$/), "At most 5 TAGs").pipe(
      z.array(z.string()).min(1, "Choose at least one TAG"),
    ),
    kind: z.enum(ITEM_KINDS, { message: "Choose a kind" }),
    skills: list(10, z.string().trim().min(1).max(40, "Each skill under 40 characters"), "At most 10 skills").default(
      [],
    ),
    effortHours: z.preprocess(
      empty,
      z.coerce
        .number({ message: "Effort is a number of hours" })
        .int("Whole hours")
        .min(1, "Effort is at least 1 hour")
        .max(2000)
        .optional(),
    ),
    region: z.preprocess(empty, z.enum(REGIONS, { message: "Unknown region" }).optional()),
    timezone: z.preprocess(empty, z.string().max(60).optional()),
    dueAt: z.preprocess(
      empty,
      z.coerce
        .date({ message: "Enter a date" })
        .refine((d) => d.getTime() > now.getTime(), "The due date must be in the future")
        .optional(),
    ),
    places: z.coerce.number().int().min(1, "At least one place").max(50, "At most 50 places").default(1),
    labels: list(5, z.enum(COMMUNITY_LABELS), "At most 5 labels").default([]),
    githubIssueUrl: z.preprocess(
      empty,
      z
        .string()
        .trim()
        .regex(GITHUB_ISSUE_RE, "Link a GitHub issue: https://github.com/<owner>/<repo>/issues/<number>")
        .optional(),
    ),
    initiativeId: z.preprocess(empty, z.uuid().optional()),
    /** A shadowing item's mentor and ladder step (checked against the TAG's ladder in lib/pathways/shadowing.ts). */
    mentor: z.preprocess(empty, githubLogin().optional()),
    step: z.preprocess(empty, z.string().trim().max(60, "A step name is at most 60 characters").optional()),
  });
}
export type ItemInput = z.infer<ReturnType<typeof itemSchema>>;

/** The schema with a fixed clock, for forms and fuzzing; server code uses itemSchema(await now()). */
export const ItemSchema = itemSchema(new Date(0));

export const ItemIdSchema = z.strictObject({ itemId: z.uuid() });
export const CloseItemSchema = z.strictObject({
  itemId: z.uuid(),
  reason: z.string().trim().min(3, "Say why it closes").max(500),
});
export const DiscardDraftSchema = z.strictObject({
  itemId: z.uuid(),
  reason: z.string().trim().min(3, "Say why it is discarded").max(500),
});
export const VolunteerSchema = z.strictObject({
  itemId: z.uuid(),
  message: z.string().trim().max(1000, "Keep the message under 1,000 characters").default(""),
});
export type VolunteerInput = z.infer<typeof VolunteerSchema>;
export const ClaimIdSchema = z.strictObject({ claimId: z.uuid() });
export const DecideClaimSchema = z.strictObject({ claimId: z.uuid(), decision: z.enum(["accept", "decline"]) });
export const ProgressSchema = z.strictObject({
  claimId: z.uuid(),
  body: z.string().trim().min(2, "Say what happened").max(5000),
  link: z.preprocess(empty, httpUrl("Enter a full URL", 500).optional()),
  /** "Also comment on GitHub" (off by default): the update is posted on the item's linked issue too. */
  alsoGithub: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
});
/** Editing one's own progress update (within {@link PROGRESS_EDIT_HOURS} hours of posting it). */
export const EditProgressSchema = ProgressSchema.omit({ claimId: true, alsoGithub: true }).extend({
  updateId: z.uuid(),
});
export const PROGRESS_EDIT_HOURS = 24;
/** Whether a progress update posted at `createdAt` may still be edited at `at` (the portal clock). */
export const progressEditable = (createdAt: Date, at: Date) =>
  at.getTime() - createdAt.getTime() <= PROGRESS_EDIT_HOURS * 3_600_000;
export const FollowUpSchema = z.strictObject({
  claimId: z.uuid(),
  body: z.string().trim().min(2, "Write the follow-up").max(2000),
});
export const DoneSchema = z.strictObject({
  claimId: z.uuid(),
  evidenceUrl: httpUrl("Link the evidence: a PR, a post, a recording", 500),
});
/** A lead invites a suggested person (issue 9, reverse match). */
export const InviteSchema = z.strictObject({
  itemId: z.uuid(),
  userId: z.uuid(),
  message: z.string().trim().max(1000, "Keep the message under 1,000 characters").default(""),
});
export type InviteInput = z.infer<typeof InviteSchema>;
/** The invited person accepts (taking a place) or declines. */
export const AnswerInvitationSchema = z.strictObject({ claimId: z.uuid(), decision: z.enum(["accept", "decline"]) });
export type AnswerInvitationInput = z.infer<typeof AnswerInvitationSchema>;
