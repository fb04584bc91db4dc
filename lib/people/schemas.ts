import { z } from "zod";
import { CURATED_INTERESTS, CURATED_SKILLS, isCountryCode, REGIONS } from "@/lib/vocabulary";

export const PROFILE_LIMITS = {
  skills: 15,
  interests: 15,
  languages: 10,
  tagLength: 40,
  employerLength: 100,
  bioLength: 1000,
  maxHours: 160,
} as const;

// Control characters have no business in a one-line tag or an employer's name.
const ONE_LINE = /^[^\p{Cc}]*$/u;

/**
 * Whether `tz` names an IANA time zone this runtime knows. `Intl.DateTimeFormat` also accepts
 * UTC offsets such as "+01:00" (ES2024), which are not zone names, so the shape is checked first.
 */
export function isTimeZone(tz: string): boolean {
  if (tz.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The runtime's own spelling of a valid zone ("europe/berlin" becomes "Europe/Berlin"). */
function canonicalTimeZone(tz: string): string {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return tz;
  }
}

/**
 * A tag list arrives as an array (checkboxes plus a free-text field of the same name) or one
 * string; either may hold comma-separated tags. Tags are trimmed, blanks dropped, duplicates
 * (ignoring case) removed and curated words given their curated spelling. Anything that is not
 * a string or a list of strings is passed on unchanged for the schema to reject.
 */
export function normalizeTags(value: unknown, curated: readonly string[] = []): unknown {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || !list.every((x): x is string => typeof x === "string")) return value;
  const byLower = new Map(curated.map((c) => [c.toLowerCase(), c]));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of list.flatMap((s) => s.split(","))) {
    const t = part.trim().replace(/\s+/g, " ");
    if (!t) continue;
    const tag = byLower.get(t.toLowerCase()) ?? t;
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

function tagList(noun: string, plural: string, max: number, curated: readonly string[] = []) {
  const len = PROFILE_LIMITS.tagLength;
  return z.preprocess(
    (v) => normalizeTags(v, curated),
    z
      .array(
        z
          .string({ error: `Each ${noun} must be text.` })
          .min(1, `Each ${noun} must be 1 to ${len} characters.`)
          .max(len, `Each ${noun} must be 1 to ${len} characters.`)
          .regex(ONE_LINE, `A ${noun} cannot contain control characters.`),
        { error: `List ${plural} as text, separated by commas.` },
      )
      .max(max, `Too many ${plural}: choose at most ${max}.`),
  );
}

/** "" (an empty form field) means "not set". */
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/**
 * A person's own profile as `/me` edits it, shared by the form and the server. Strict: unknown
 * keys (`isAdmin`, `role`, `userId`, ...) are refused, so nothing else can be assigned. Every
 * field is required; blanks mean "not set". Parsing its own output gives the same output.
 */
export const ProfileSchema = z.strictObject({
  region: z.preprocess(
    blankToNull,
    z.enum(REGIONS, { error: "Unknown region: choose APAC, EMEA or Americas." }).nullable(),
  ),
  country: z.preprocess(
    (v) => {
      const t = trimmed(blankToNull(v));
      return typeof t === "string" ? t.toUpperCase() : t;
    },
    z
      .string({ error: "Country must be a two-letter code." })
      .refine(
        (v: string): boolean => isCountryCode(v),
        "Unknown country: choose one from the list (ISO 3166-1 codes such as DE or BR).",
      )
      .nullable(),
  ),
  // A checkbox: absent from the form when not ticked.
  countryPublic: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
  timezone: z.preprocess(
    (v) => trimmed(blankToNull(v)),
    z
      .string({ error: "Invalid timezone: use an IANA name such as Europe/Berlin." })
      .refine(isTimeZone, "Invalid timezone: use an IANA name such as Europe/Berlin or America/New_York.")
      .transform(canonicalTimeZone)
      .nullable(),
  ),
  employer: z.preprocess(
    (v) => trimmed(blankToNull(v)),
    z
      .string({ error: "Employer must be text." })
      .max(PROFILE_LIMITS.employerLength, `Employer is too long: at most ${PROFILE_LIMITS.employerLength} characters.`)
      .regex(ONE_LINE, "Employer cannot contain control characters.")
      .nullable(),
  ),
  skills: tagList("skill", "skills", PROFILE_LIMITS.skills, CURATED_SKILLS),
  interests: tagList("interest", "interests", PROFILE_LIMITS.interests, CURATED_INTERESTS),
  languages: tagList("language", "languages", PROFILE_LIMITS.languages),
  hoursPerMonth: z.preprocess(
    (v) => {
      const t = trimmed(blankToNull(v));
      return typeof t === "string" && /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
    },
    z
      .number({ error: `Hours must be a whole number from 0 to ${PROFILE_LIMITS.maxHours}.` })
      .int(`Hours must be a whole number from 0 to ${PROFILE_LIMITS.maxHours}.`)
      .min(0, `Hours must be a whole number from 0 to ${PROFILE_LIMITS.maxHours}.`)
      .max(PROFILE_LIMITS.maxHours, `At most ${PROFILE_LIMITS.maxHours} hours a month.`)
      .nullable(),
  ),
  bio: z.preprocess(
    trimmed,
    z
      .string({ error: "Bio must be text." })
      .max(PROFILE_LIMITS.bioLength, `Bio is too long: at most ${PROFILE_LIMITS.bioLength} characters.`),
  ),
});
export type ProfileInput = z.infer<typeof ProfileSchema>;
export type ProfileField = keyof ProfileInput;

/** The confirm step of deleting an account: the person types their own login. */
export const DeleteAccountSchema = z.strictObject({
  confirmLogin: z
    .string({ error: "Type your GitHub login to confirm." })
    .trim()
    .min(1, "Type your GitHub login to confirm.")
    .max(100, "That is not your login."),
});
export type DeleteAccountInput = z.infer<typeof DeleteAccountSchema>;

/**
 * The first sign-in's short profile step (/welcome): the fields matching needs, with the same
 * rules and messages as the full profile.
 */
export const ProfileStepSchema = ProfileSchema.pick({
  region: true,
  timezone: true,
  skills: true,
  interests: true,
  hoursPerMonth: true,
});
export type ProfileStepInput = z.infer<typeof ProfileStepSchema>;

/** Skipping the profile step sends nothing but the intent. */
export const SkipProfileStepSchema = z.strictObject({});
