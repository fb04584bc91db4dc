import { z } from "zod";
import { LABELS, labelled } from "@/lib/vocabulary";

/** The texts a person can report (issue 18, point 12). */
export const { keys: TEXT_KINDS, label: TEXT_KIND_LABEL } = labelled(LABELS.reportedText);
export type TextKind = (typeof TEXT_KINDS)[number];

export const ReportTextSchema = z
  .strictObject({
    subjectType: z.enum(TEXT_KINDS, { error: "Choose what you report." }),
    subjectId: z.uuid({ error: "That text does not exist." }).optional(),
    /** A bio is named by its person's login (public pages show no person ids). */
    login: z.string().trim().min(1).max(39).optional(),
    reason: z
      .string()
      .trim()
      .min(10, { error: "Say in a sentence what is wrong with this text (at least 10 characters)." })
      .max(1000, { error: "Keep it under 1,000 characters." }),
  })
  .refine((r) => (r.subjectType === "bio" ? Boolean(r.subjectId || r.login) : Boolean(r.subjectId)), {
    error: "That text does not exist.",
  });
export type ReportTextInput = z.infer<typeof ReportTextSchema>;

export const DecideReportSchema = z
  .strictObject({
    reportId: z.uuid(),
    decision: z.enum(["hide", "keep"]),
    reason: z.string().trim().max(500, { error: "Keep it under 500 characters." }).default(""),
  })
  .refine((r) => r.decision === "keep" || r.reason.length >= 3, {
    path: ["reason"],
    error: "Say why the text is hidden: readers see the reason in its place.",
  });
export type DecideReportInput = z.infer<typeof DecideReportSchema>;

/** Showing a hidden text again: the lead says why, for the log (readers simply see the text). */
export const UnhideTextSchema = z.strictObject({
  subjectType: z.enum(TEXT_KINDS, { error: "That text does not exist." }),
  subjectId: z.uuid({ error: "That text does not exist." }),
  reason: z
    .string()
    .trim()
    .min(3, { error: "Say why the text is shown again (for the log)." })
    .max(500, { error: "Keep it under 500 characters." }),
});
export type UnhideTextInput = z.infer<typeof UnhideTextSchema>;
