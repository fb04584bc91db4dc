import type { ActionResult } from "@/lib/action";
import { normalizeTags, type ProfileInput, type ProfileStepInput } from "./schemas";
import { CURATED_INTERESTS, CURATED_SKILLS } from "@/lib/vocabulary";

/** What the form shows: text as typed, tags as lists. */
export interface ProfileFormValues {
  region: string;
  country: string;
  countryPublic: boolean;
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
    country: text(raw.country),
    countryPublic: raw.countryPublic === "on" || raw.countryPublic === true,
    timezone: text(raw.timezone),
    employer: text(raw.employer),
    skills: tags(raw.skills, CURATED_SKILLS),
    interests: tags(raw.interests, CURATED_INTERESTS),
    languages: tags(raw.languages).join(", "),
    hoursPerMonth: text(raw.hoursPerMonth),
    bio: text(raw.bio),
  };
}

/** The saved profile (or the profile step's part of it) as form values. */
export function formValuesFromProfile(p: ProfileStepInput & Partial<ProfileInput>): ProfileFormValues {
  return {
    region: p.region ?? "",
    country: p.country ?? "",
    countryPublic: p.countryPublic ?? false,
    timezone: p.timezone ?? "",
    employer: p.employer ?? "",
    skills: [...p.skills],
    interests: [...p.interests],
    languages: (p.languages ?? []).join(", "),
    hoursPerMonth: p.hoursPerMonth === null ? "" : String(p.hoursPerMonth),
    bio: p.bio ?? "",
  };
}

/** A refused save as the form's state: what to fix, field by field, and what was typed. */
export function profileErrorState(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  raw: Record<string, unknown>,
): ProfileFormState {
  const fields = Object.values(result.fieldErrors).filter((e) => e?.length).length;
  const message =
    result.code === "INVALID"
      ? [
          "Nothing was saved.",
          fields === 1 ? "One field needs attention." : fields > 1 ? `${fields} fields need attention.` : "",
          ...result.formErrors.filter((e) => e !== result.message),
        ]
          .filter(Boolean)
          .join(" ")
      : `Nothing was saved. ${result.message}`;
  return { status: "error", message, fieldErrors: result.fieldErrors, values: formValuesFromInput(raw) };
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
