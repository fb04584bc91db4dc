import { KIND_LABEL } from "@/lib/contributions/schemas";
import type { ContributionKind } from "@/lib/generated/prisma/enums";

/** At least `count` counted records of `kind` in the `windowMonths` before now. */
// Types, not interfaces: a ladder is written as JSON, which wants an index signature.
export type StepCriterion = {
  kind: ContributionKind;
  count: number;
  windowMonths: number;
};

/** One rung of a TAG's ladder; `mentorSignOff` means the person's mentor must also sign it off. */
export type LadderStep = {
  name: string;
  criteria: StepCriterion[];
  mentorSignOff: boolean;
};

export type Ladder = LadderStep[];

/** The contribution kinds a criterion may name (the database's enum), with the words people type for them. */
const KIND_WORDS: Record<string, ContributionKind> = Object.fromEntries(
  (Object.keys(KIND_LABEL) as ContributionKind[]).flatMap((k) => {
    const label = KIND_LABEL[k]!.toLowerCase();
    return [
      [k, k],
      [label, k],
      [`${label}s`, k],
    ];
  }),
);
// People write what they did, not the enum: "meetings attended", "assessments shadowed", "projects led".
for (const [words, kind] of [
  ["meeting attended", "meeting"],
  ["meetings attended", "meeting"],
  ["assessment shadowed", "assessment"],
  ["assessments shadowed", "assessment"],
  ["event organised", "event"],
  ["events organised", "event"],
  ["event organized", "event"],
  ["events organized", "event"],
  ["help-wanted item", "help_wanted"],
  ["help-wanted items", "help_wanted"],
] as const)
  KIND_WORDS[words] = kind;

export const MAX_STEPS = 10;

/** What a ladder accepts as kinds, for the editor's hint and error messages. */
export const KNOWN_KIND_WORDS = Object.values(KIND_LABEL).map((l) => l.toLowerCase());

export type LadderParse = { ok: true; ladder: Ladder } | { ok: false; errors: string[] };

const CRITERION = /^(\d{1,3})\s+(.+?)(?:\s+in\s+(\d{1,2})\s+months?)?$/i;
const SIGN_OFF = /^(?:\+\s*)?mentor(?:\s+sign[- ]?off)?$/i;

/**
 * A ladder from the editor's text, one step per line, lowest first:
 * `Reviewer: 3 reviews in 6 months, 2 meetings attended; mentor sign-off`. A criterion without a
 * window uses `defaultWindowMonths` (the TAG's activity rule). Every problem is reported with its
 * line, and an unknown contribution kind is refused here, when the ladder is defined, so that no
 * stored ladder names a kind no record can have.
 */
export function parseLadder(text: string, defaultWindowMonths: number): LadderParse {
  const errors: string[] = [];
  const ladder: Ladder = [];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return { ok: false, errors: ["Give at least one step, one per line."] };
  if (lines.length > MAX_STEPS) return { ok: false, errors: [`A ladder has at most ${MAX_STEPS} steps.`] };
  lines.forEach((line, i) => {
    const where = `Line ${i + 1}`;
    const colon = line.indexOf(":");
    const name = (colon < 0 ? line : line.slice(0, colon)).trim();
    if (name.length < 2 || name.length > 60) {
      errors.push(`${where}: name the step in 2 to 60 characters, then a colon.`);
      return;
    }
    if (ladder.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      errors.push(`${where}: "${name}" is already a step.`);
      return;
    }
    const [criteriaText = "", ...rest] = (colon < 0 ? "" : line.slice(colon + 1)).split(";").map((p) => p.trim());
    let mentorSignOff = false;
    for (const r of rest.filter(Boolean)) {
      if (SIGN_OFF.test(r)) mentorSignOff = true;
      else errors.push(`${where}: "${r}" is not understood; after a ";" write only "mentor sign-off".`);
    }
    const criteria: StepCriterion[] = [];
    const parts = criteriaText
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    for (const part of parts) {
      if (SIGN_OFF.test(part)) {
        mentorSignOff = true;
        continue;
      }
      const m = CRITERION.exec(part);
      if (!m) {
        errors.push(`${where}: write "${part}" as a count and a kind, e.g. "3 reviews in 6 months".`);
        continue;
      }
      const kind = KIND_WORDS[m[2]!.toLowerCase()];
      if (!kind) {
        errors.push(`${where}: "${m[2]}" is not a contribution kind (known: ${KNOWN_KIND_WORDS.join(", ")}).`);
        continue;
      }
      const count = Number(m[1]);
      const windowMonths = m[3] ? Number(m[3]) : defaultWindowMonths;
      if (count < 1) errors.push(`${where}: a count is at least 1.`);
      else if (windowMonths < 1 || windowMonths > 36) errors.push(`${where}: a window is 1 to 36 months.`);
      else if (criteria.some((c) => c.kind === kind && c.windowMonths === windowMonths))
        errors.push(`${where}: ${KIND_LABEL[kind]} is counted twice over the same window.`);
      else criteria.push({ kind, count, windowMonths });
    }
    if (parts.length === 0 && !mentorSignOff)
      errors.push(`${where}: give "${name}" at least one criterion or a mentor sign-off.`);
    ladder.push({ name, criteria, mentorSignOff });
  });
  return errors.length ? { ok: false, errors } : { ok: true, ladder };
}

/** A criterion in words: "3 reviews in 6 months". */
export function criterionText(c: StepCriterion): string {
  const label = KIND_LABEL[c.kind]!.toLowerCase();
  return `${c.count} ${c.count === 1 ? label : `${label}s`} in ${c.windowMonths} ${c.windowMonths === 1 ? "month" : "months"}`;
}

/** A ladder back to the editor's text (what `parseLadder` reads). */
export function ladderText(ladder: Ladder): string {
  return ladder
    .map(
      (s) => `${s.name}: ${[...s.criteria.map(criterionText)].join(", ")}${s.mentorSignOff ? "; mentor sign-off" : ""}`,
    )
    .join("\n");
}
