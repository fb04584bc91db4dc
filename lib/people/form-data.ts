import { normalizeTags, type ProfileInput } from "./schemas";
import { CURATED_INTERESTS, CURATED_SKILLS } from "@/lib/vocabulary";

/**
 * A form's FormData as the object a strict schema parses. `Object.fromEntries` would keep only
 * the last of a repeated name (checkbox groups), so `listFields` always become lists; any other
 * repeated name becomes a list too, which the schema refuses. Unknown names are kept so the
 * strict schema refuses them as well (no mass assignment through extra form fields). Next.js's
 * own `$ACTION_*` fields (progressive enhancement) are not the form's.
 */
export function fromFormData(fd: FormData, listFields: readonly string[] = []): Record<string, unknown> {
  const entries = new Map<string, unknown>(listFields.map((k) => [k, []]));
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = fd.getAll(key);
    entries.set(key, listFields.includes(key) || values.length > 1 ? values : values[0]);
  }
  // fromEntries defines own properties, so a field named "__proto__" cannot reach a prototype.
  return Object.fromEntries(entries);
}

/** The profile form: skills and interests are checkbox groups plus a free-text field of the same name. */
export function profileInputFromFormData(fd: FormData): Record<string, unknown> {
  return fromFormData(fd, ["skills", "interests"]);
}

/** What the form shows: text as typed, tags as lists. */
export interface ProfileFormValues {
  region: string;
  timezone: string;
  employer: string;
  skills: string[];
  interests: string[];
  languages: string;
  hoursPerMonth: string;
  bio: string;
}

export type ProfileFormState =
  | { status: "idle" }
  | { status: "saved"; message: string; values: ProfileFormValues }
  | { status: "error"; message: string; fieldErrors: Record<string, string[] | undefined>; values: ProfileFormValues };

const text = (v: unknown) => (typeof v === "string" ? v : "");
const tags = (v: unknown, curated: readonly string[] = []) => {
  const n = normalizeTags(v, curated);
  return Array.isArray(n) ? n.filter((x): x is string => typeof x === "string") : [];
};

/** The values a person submitted, to show again when nothing was saved (React resets the form). */
export function formValuesFromInput(raw: Record<string, unknown>): ProfileFormValues {
  return {
    region: text(raw.region),
    timezone: text(raw.timezone),
    employer: text(raw.employer),
    skills: tags(raw.skills, CURATED_SKILLS),
    interests: tags(raw.interests, CURATED_INTERESTS),
    languages: tags(raw.languages).join(", "),
    hoursPerMonth: text(raw.hoursPerMonth),
    bio: text(raw.bio),
  };
}

/** The saved profile as form values. */
export function formValuesFromProfile(p: ProfileInput): ProfileFormValues {
  return {
    region: p.region ?? "",
    timezone: p.timezone ?? "",
    employer: p.employer ?? "",
    skills: [...p.skills],
    interests: [...p.interests],
    languages: p.languages.join(", "),
    hoursPerMonth: p.hoursPerMonth === null ? "" : String(p.hoursPerMonth),
    bio: p.bio,
  };
}

/** Splits a tag list into the curated words (checkboxes) and the rest (free text). */
export function splitCurated(
  values: readonly string[],
  curated: readonly string[],
): { picked: Set<string>; other: string } {
  const known = new Set(curated);
  return { picked: new Set(values.filter((v) => known.has(v))), other: values.filter((v) => !known.has(v)).join(", ") };
}

export type DeleteAccountState =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors: Record<string, string[] | undefined>; confirmLogin: string };
