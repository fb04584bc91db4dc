import { z } from "zod";
import type { LiaisonHealth } from "@/lib/generated/prisma/enums";
import { httpUrl, isoDay, LABELS, labelled, type Same } from "@/lib/vocabulary";

/** Check-in health (docs/architecture.md, "Data model"). Values are the database enum's names. */
export const { keys: HEALTHS, label: HEALTH_LABEL } = labelled(LABELS.liaisonHealth);
export type Health = (typeof HEALTHS)[number];
const _healthsAgree: Same<Health, LiaisonHealth> = true;

/** Foundations people liaise with most; any other name may be typed. */
export const FOUNDATION_SUGGESTIONS = [
  "OpenSSF",
  "OpenJS Foundation",
  "Apache Software Foundation",
  "Eclipse Foundation",
  "Linux Foundation",
  "LF AI & Data",
  "OpenInfra Foundation",
] as const;

const empty = (v: unknown) => ((typeof v === "string" && v.trim() === "") || v === null ? undefined : v);

/** A liaison targets a CNCF project (by catalogue name) or another foundation: exactly one of the two. */
const target = {
  projectName: z.preprocess(
    empty,
    z.string().trim().toLowerCase().max(100, "Keep the project name under 100 characters").optional(),
  ),
  foundation: z.preprocess(
    empty,
    z
      .string()
      .trim()
      .min(2, "Name the foundation")
      .max(100, "Keep the foundation name under 100 characters")
      .optional(),
  ),
  cadenceDays: z.coerce
    .number({ message: "The cadence is a number of days" })
    .int("Whole days")
    .min(7, "At least 7 days between check-ins")
    .max(365, "Check in at least once a year")
    .default(30),
};

function exactlyOneTarget(v: { projectName?: string; foundation?: string }, ctx: z.RefinementCtx) {
  if (v.projectName && v.foundation) {
    for (const path of ["projectName", "foundation"])
      ctx.addIssue({ code: "custom", path: [path], message: "Choose a project or a foundation, not both" });
  } else if (!v.projectName && !v.foundation) {
    for (const path of ["projectName", "foundation"])
      ctx.addIssue({ code: "custom", path: [path], message: "Choose a CNCF project or name a foundation" });
  }
}

export const CreateLiaisonSchema = z
  .strictObject({ assignmentId: z.uuid("Choose a TAG Ambassador seat"), ...target })
  .superRefine(exactlyOneTarget);
export type CreateLiaisonInput = z.infer<typeof CreateLiaisonSchema>;

export const UpdateLiaisonSchema = z.strictObject({ liaisonId: z.uuid(), ...target }).superRefine(exactlyOneTarget);
export type UpdateLiaisonInput = z.infer<typeof UpdateLiaisonSchema>;

/** A calendar day as the form's date input sends it, kept as midnight UTC (the column is a DATE). */
const day = z.iso.date("Enter a date").transform((s) => new Date(`${s}T00:00:00.000Z`));

export const CheckInSchema = z.strictObject({
  liaisonId: z.uuid(),
  date: day,
  notes: z.string().trim().min(2, "Say how the check-in went").max(5000, "Keep the notes under 5,000 characters"),
  link: z.preprocess(empty, httpUrl("Enter a full URL, e.g. https://…", 500).optional()),
  health: z.enum(HEALTHS, { message: "Choose a health" }),
});
export type CheckInInput = z.infer<typeof CheckInSchema>;

/** The input value (YYYY-MM-DD) of a day. */
export const dayValue = (d: Date) => isoDay(d);

/** A lead ends a liaison (the seat runs on); the reason is kept in the record and told to the liaison. */
export const EndLiaisonSchema = z.strictObject({
  liaisonId: z.uuid(),
  reason: z.string().trim().min(3, "Say why, in a few words").max(500, "Keep the reason under 500 characters"),
});
export type EndLiaisonInput = z.infer<typeof EndLiaisonSchema>;
