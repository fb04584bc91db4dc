import { z } from "zod";
import { httpUrl } from "@/lib/vocabulary";

const url = httpUrl("Enter a full URL starting with https://", 300);
const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), url.optional());
const list = (max: number, item: z.ZodString) =>
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
  tocLiaisons: list(
    10,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,39}$/, "GitHub logins only"),
  ).default([]),
  boardReviewMonths: z.coerce.number().int().min(1).max(24).default(6),
  staleAfterDays: z.coerce.number().int().min(1).max(365).default(30),
  autoAccept: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).default(false),
  maxActiveClaims: z.coerce.number().int().min(1).max(50).default(3),
  leadershipModel: z.enum(["election", "appointment"]).default("appointment"),
});
export type TagInput = z.infer<typeof TagSchema>;

export const UpdateTagSchema = TagSchema.extend({ id: z.uuid() });
export type UpdateTagInput = z.infer<typeof UpdateTagSchema>;
