import { z } from "zod";
import { githubLogin, httpUrl, LEADERSHIP_MODELS, TAG_SETTING_DEFAULTS as D } from "@/lib/vocabulary";

const url = httpUrl("Enter a full URL starting with https://", 300);
const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), url.optional());
const list = (max: number, item: z.ZodType<string, string>) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(/[\n,]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(max, `At most ${max} entries`),
  );

/** A checkbox sends "on" or nothing; a yes/no select sends "true" or "false". */
const flag = (fallback: boolean) =>
  z.preprocess((v) => (v === undefined || v === "" ? fallback : v === true || v === "on" || v === "true"), z.boolean());
const whole = (label: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? fallback : v),
    z.coerce
      .number({ message: `${label} is a number` })
      .int(`${label} is a whole number`)
      .min(min, `${label}: at least ${min}`)
      .max(max, `${label}: at most ${max}`),
  );

/** The settings chairs (and admins) change, each defaulting to a new TAG's value when left out. */
function settingsShape() {
  return {
    activityMinRecords: whole("Contributions needed", 1, 100, D.activityMinRecords),
    activityWindowMonths: whole("The activity window", 1, 24, D.activityWindowMonths),
    leaveCountsTowardCaps: flag(D.leaveCountsTowardCaps),
    staleAfterDays: whole("Stale after", 1, 365, D.staleAfterDays),
    boardReviewMonths: whole("The board review cycle", 1, 24, D.boardReviewMonths),
    leadershipModel: z.preprocess(
      (v) => (v === undefined || v === "" ? D.leadershipModel : v),
      z.enum(LEADERSHIP_MODELS, { message: "Choose a leadership model" }),
    ),
    autoAccept: flag(D.autoAccept),
    maxActiveClaims: whole("Max active claims", 1, 50, D.maxActiveClaims),
  };
}

/** Slugs as docs/architecture.md ("Words") defines them: tags.yaml's `dir` without `tag-`. */
export const TagSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens")
  .max(60)
  .refine((s) => !s.startsWith("tag-"), "Leave out the tag- prefix: the label is tag-<slug>");

export const TagSchema = z.strictObject({
  slug: TagSlugSchema,
  name: z.string().trim().min(3, "Give the TAG a name").max(100),
  mission: z.string().trim().max(2000).default(""),
  repositories: list(
    20,
    z
      .string()
      .trim()
      .regex(/^[\w.-]+\/[\w.-]+$/, "Repositories look like owner/name"),
  ).default([]),
  slackChannel: z.string().trim().max(80).optional(),
  mailingList: optionalUrl,
  meetings: z.string().trim().max(2000).default(""),
  tocLiaisons: list(10, githubLogin("GitHub logins only")).default([]),
  ...settingsShape(),
});
export type TagInput = z.infer<typeof TagSchema>;

export const UpdateTagSchema = TagSchema.extend({ id: z.uuid() });
export type UpdateTagInput = z.infer<typeof UpdateTagSchema>;

/**
 * A chair's (or admin's) change of a TAG's settings. `version` is the version the form showed: a
 * change made meanwhile by someone else is refused rather than silently overwritten.
 */
export const TagSettingsSchema = z.strictObject({
  tagId: z.uuid({ message: "Unknown TAG" }),
  version: z.coerce.number().int().min(0),
  reason: z.string().trim().max(500, "Keep the reason under 500 characters").default(""),
  ...settingsShape(),
});
export type TagSettingsInput = z.infer<typeof TagSettingsSchema>;
