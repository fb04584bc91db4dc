import { z } from "zod";
import type { ContributionKind as DbContributionKind } from "@/lib/generated/prisma/enums";
import { httpUrl, LABELS, labelled, type Same } from "@/lib/vocabulary";

const contributionKinds = labelled(LABELS.contributionKind);
/** Every kind of contribution record (the Prisma enum `ContributionKind`). */
export const CONTRIBUTION_KINDS = contributionKinds.keys;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
const _kindsAgree: Same<ContributionKind, DbContributionKind> = true;
/** Human labels by kind, read with any string a caller holds (a URL's filter, a ladder rule). */
export const KIND_LABEL: Record<string, string> = contributionKinds.label;

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
] as const satisfies readonly ContributionKind[];
export type SelfReportKind = (typeof SELF_REPORT_KINDS)[number];

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
