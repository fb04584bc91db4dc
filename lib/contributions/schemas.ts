import { z } from "zod";
import { httpUrl } from "@/lib/vocabulary";

/** Kinds a person may self-report (GitHub and help-wanted kinds come from their sources). */
export const SELF_REPORT_KINDS = [
  "talk",
  "blog",
  "podcast",
  "assessment",
  "review",
  "meeting",
  "event",
  "mentoring",
] as const;
export type SelfReportKind = (typeof SELF_REPORT_KINDS)[number];

export const KIND_LABEL: Record<string, string> = {
  pr: "Pull request",
  issue: "Issue",
  review: "Review",
  comment: "Comment",
  talk: "Talk",
  blog: "Blog post",
  podcast: "Podcast",
  assessment: "Assessment",
  meeting: "Meeting",
  event: "Event",
  mentoring: "Mentoring",
  help_wanted: "Help-wanted work",
};

const empty = (v: unknown) => ((typeof v === "string" && v.trim() === "") || v === null ? undefined : v);

/** What a person types to self-report a contribution. "Not in the future" is checked against the clock in the lib. */
export const SelfReportSchema = z.strictObject({
  tagSlug: z.string().regex(/^[a-z0-9-]{1,60}$/, "Choose a TAG"),
  kind: z.enum(SELF_REPORT_KINDS, { message: "Choose a kind" }),
  title: z
    .string()
    .trim()
    .min(3, "Give it a title of at least 3 characters")
    .max(200, "Keep the title under 200 characters"),
  link: z.preprocess(empty, httpUrl("Enter an http:// or https:// link").optional()),
  occurredAt: z.coerce.date({ message: "Enter a date" }),
});
export type SelfReportInput = z.infer<typeof SelfReportSchema>;

export const VerifySchema = z.strictObject({
  recordId: z.uuid("Unknown record"),
  decision: z.enum(["verify", "reject"], { message: "Choose verify or reject" }),
  reason: z.preprocess(empty, z.string().trim().max(500, "Keep the reason under 500 characters").optional()),
});
export type VerifyInput = z.infer<typeof VerifySchema>;
