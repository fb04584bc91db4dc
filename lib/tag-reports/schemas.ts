import { z } from "zod";

/** The parts of a TAG report its leads write, in the order the report shows them (besides the figures). */
export const NARRATIVE_SECTIONS = {
  summary: { title: "Summary", hint: "What the TAG worked on and how it went, in a few sentences." },
  highlights: { title: "Highlights", hint: "Work finished, papers, assessments, talks: links welcome." },
  plans: { title: "Plans for the next period", hint: "What the TAG means to do next." },
  asks: { title: "Asks of the TOC", hint: "Help, decisions or attention the TAG needs from the TOC." },
} as const;
export type NarrativeKey = keyof typeof NARRATIVE_SECTIONS;
export const NARRATIVE_KEYS = Object.keys(NARRATIVE_SECTIONS) as NarrativeKey[];

export const MAX_NARRATIVE_CHARS = 10_000;
const section = z
  .string()
  .max(MAX_NARRATIVE_CHARS, `Keep each part under ${MAX_NARRATIVE_CHARS.toLocaleString("en")} characters`)
  .optional();

/** The narrative as stored: a missing part is simply not written yet. */
export const NarrativeSchema = z.strictObject({
  summary: section,
  highlights: section,
  plans: section,
  asks: section,
});
export type Narrative = z.infer<typeof NarrativeSchema>;

export const ReportPeriodKey = z
  .string()
  .regex(/^\d{4}(-Q[1-4])?$/, "A period is a quarter (2026-Q3) or a year (2026)");

export const SaveTagReportDraftSchema = z.strictObject({
  tagId: z.uuid("Unknown TAG"),
  period: ReportPeriodKey,
  /** The version the editor showed (0 before the first save), so a concurrent edit is refused. */
  version: z.coerce.number().int().min(0),
  ...NarrativeSchema.shape,
});
export type SaveTagReportDraftInput = z.infer<typeof SaveTagReportDraftSchema>;

/** A lead proposes the report as a pull request to one of the TAG's repositories. */
export const OpenTagReportPullSchema = z.strictObject({
  tagId: z.uuid("Unknown TAG"),
  period: ReportPeriodKey,
  repo: z
    .string()
    .trim()
    .regex(/^[\w.-]+\/[\w.-]+$/, "Pick one of the TAG's repositories"),
});
export type OpenTagReportPullInput = z.infer<typeof OpenTagReportPullSchema>;
