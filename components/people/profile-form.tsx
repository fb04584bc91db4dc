"use client";

import { useActionState, useEffect, useRef, type InputHTMLAttributes } from "react";
import { splitCurated, type ProfileFormState, type ProfileFormValues } from "@/lib/people/form-data";
import { PROFILE_LIMITS } from "@/lib/people/schemas";
import { COUNTRY_OPTIONS, CURATED_INTERESTS, CURATED_SKILLS, REGION_LABEL, REGIONS } from "@/lib/vocabulary";
import { FieldError, SelectOptions } from "@/components/ui/labelled-control";
import { Field, inputClass } from "./field";

const initialState: ProfileFormState = { status: "idle" };

/** The fields of the first sign-in's profile step (/welcome): what matching needs. */
const STEP_FIELDS = new Set<string>(["region", "timezone", "hoursPerMonth", "skills", "interests"]);

/**
 * The `/me` form, and with `step` the first sign-in's short version of it (the fields matching needs,
 * the browser's timezone suggested when none is saved). Nothing is saved unless every field is
 * valid; what was typed stays on error.
 */
export function ProfileForm({
  saved,
  timeZones,
  action,
  step = false,
  submit = "Save profile",
}: {
  saved: ProfileFormValues;
  timeZones: readonly string[];
  action: (prev: ProfileFormState, formData: FormData) => Promise<ProfileFormState>;
  step?: boolean;
  submit?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const formRef = useRef<HTMLFormElement>(null);
  const values = state.status === "idle" ? saved : state.values;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const shown = (name: string) => !step || STEP_FIELDS.has(name);

  useEffect(() => {
    if (state.status === "error") formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  // The browser knows its own zone: offer it when nothing is saved (the person can change it).
  useEffect(() => {
    if (!step) return;
    const input = formRef.current?.querySelector<HTMLInputElement>('input[name="timezone"]');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (input && !input.value && zone && timeZones.includes(zone)) input.value = zone;
  }, [step, timeZones]);

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      aria-labelledby="profile-heading"
      className="space-y-6 rounded-xl bg-white p-6 ring-1 ring-slate-200"
    >
      <h2 id="profile-heading" className="text-lg font-semibold text-slate-900">
        Your details
      </h2>
      <div className="grid gap-6 md:grid-cols-2">
        <SavedSelect {...SELECT_FIELDS.region} values={values} errors={errors} />
        {shown("country") && (
          <div>
            <SavedSelect {...SELECT_FIELDS.country} values={values} errors={errors} />
            <label className="mt-2 flex items-center gap-2 text-slate-800">
              <input
                key={String(values.countryPublic)}
                type="checkbox"
                name="countryPublic"
                defaultChecked={values.countryPublic}
                className="h-4 w-4"
              />
              Show my country on my public profile
            </label>
          </div>
        )}
        {TEXT_FIELDS.filter((f) => shown(f.name)).map((f) => (
          <TextField
            key={f.name}
            {...f}
            values={values}
            errors={errors}
            suggestions={f.name === "timezone" ? timeZones : undefined}
            hint={step && f.name === "timezone" ? `${f.hint} Suggested from your browser.` : f.hint}
          />
        ))}
      </div>
      {TAG_PICKERS.map(([name, legend, curated]) => (
        <TagPicker
          key={name}
          name={name}
          legend={legend}
          curated={curated}
          values={values[name]}
          errors={errors[name]}
          hint={`Public. Pick from the list or add your own, at most ${PROFILE_LIMITS[name]} in all, each up to ${PROFILE_LIMITS.tagLength} characters.`}
        />
      ))}
      {shown("bio") && (
        <Field
          id="profile-bio"
          label="Short bio"
          hint={`Public. Up to ${PROFILE_LIMITS.bioLength} characters, plain text.`}
          errors={errors.bio}
        >
          {(p) => <textarea {...p} name="bio" rows={5} defaultValue={values.bio} className={inputClass} />}
        </Field>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Saving…" : submit}
        </button>
        <p
          role="status"
          aria-live="polite"
          className={state.status === "error" ? "font-medium text-red-700" : "font-medium text-brand-800"}
        >
          {state.status === "idle" ? "" : state.message}
        </p>
      </div>
    </form>
  );
}

/** The two pickers: field name, legend, curated words. */
const TAG_PICKERS = [
  ["skills", "Skills", CURATED_SKILLS],
  ["interests", "Interests", CURATED_INTERESTS],
] as const;

interface TextFieldSpec extends Pick<InputHTMLAttributes<HTMLInputElement>, "autoComplete" | "inputMode"> {
  id: string;
  name: "timezone" | "employer" | "hoursPerMonth" | "languages";
  label: string;
  hint: string;
}

const TEXT_FIELDS: readonly TextFieldSpec[] = [
  {
    id: "profile-timezone",
    name: "timezone",
    label: "Timezone",
    hint: "Not public. An IANA name, such as Europe/Berlin or America/New_York.",
    autoComplete: "off",
  },
  {
    id: "profile-employer",
    name: "employer",
    label: "Employer",
    hint: "Public. A change starts a new entry in your employer history.",
    autoComplete: "organization",
  },
  {
    id: "profile-hours",
    name: "hoursPerMonth",
    label: "Hours available a month",
    hint: `Not public. A whole number from 0 to ${PROFILE_LIMITS.maxHours}; leave blank if you would rather not say.`,
    inputMode: "numeric",
  },
  {
    id: "profile-languages",
    name: "languages",
    label: "Languages",
    hint: `Not public. Separate them with commas, at most ${PROFILE_LIMITS.languages}.`,
  },
];

interface SelectFieldSpec {
  id: string;
  name: "region" | "country";
  label: string;
  hint: string;
  options: readonly { value: string; label: string }[];
  autoComplete?: string;
}

/** The two selects; the first sign-in's step shows only the region. */
const SELECT_FIELDS = {
  region: {
    id: "profile-region",
    name: "region",
    label: "Region",
    hint: "Public. Seat rules on rosters count regions.",
    options: REGIONS.map((r) => ({ value: r, label: REGION_LABEL[r] })),
  },
  country: {
    id: "profile-country",
    name: "country",
    label: "Country (optional)",
    hint: "Private unless you tick the box below. TAGs see countries only in groups of three or more people.",
    options: COUNTRY_OPTIONS,
    autoComplete: "country",
  },
} as const satisfies Record<string, SelectFieldSpec>;

/** A select of the saved (or typed) value, "Not set" first. */
function SavedSelect({
  id,
  name,
  label,
  hint,
  options,
  autoComplete,
  values,
  errors,
}: SelectFieldSpec & {
  values: ProfileFormValues;
  errors: Record<string, string[] | undefined>;
}) {
  const value = values[name];
  return (
    <Field id={id} label={label} hint={hint} errors={errors[name]}>
      {(p) => (
        // React applies a select's defaultValue only when it mounts, and resets the form after
        // each submission: remount it whenever the value to show changes.
        <select key={value} {...p} name={name} defaultValue={value} autoComplete={autoComplete} className={inputClass}>
          <SelectOptions options={options} empty="Not set" />
        </select>
      )}
    </Field>
  );
}

/** A labelled one-line text input showing what was saved or typed, with `suggestions` as its datalist. */
function TextField({
  id,
  name,
  label,
  hint,
  values,
  errors,
  suggestions,
  ...input
}: TextFieldSpec & {
  values: ProfileFormValues;
  errors: Record<string, string[] | undefined>;
  suggestions?: readonly string[];
}) {
  const listId = suggestions ? `${id}s` : undefined;
  return (
    <Field id={id} label={label} hint={hint} errors={errors[name]}>
      {(p) => (
        <>
          <input
            {...p}
            {...input}
            name={name}
            type="text"
            list={listId}
            defaultValue={values[name]}
            className={inputClass}
          />
          {suggestions && (
            <datalist id={listId}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </>
      )}
    </Field>
  );
}

/** Curated words as checkboxes plus a free-text field of the same name for the person's own tags. */
function TagPicker({
  name,
  legend,
  curated,
  values,
  errors,
  hint,
}: {
  name: string;
  legend: string;
  curated: readonly string[];
  values: string[];
  errors: string[] | undefined;
  hint: string;
}) {
  const { picked, other } = splitCurated(values, curated);
  const base = `profile-${name}`;
  const errorId = errors?.length ? `${base}-error` : undefined;
  const describedBy = [errorId, `${base}-hint`].filter(Boolean).join(" ");
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="font-medium text-slate-900">{legend}</legend>
      <p id={`${base}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {curated.map((c, i) => (
          <li key={c}>
            <label className="inline-flex items-center gap-2 text-slate-800">
              <input
                type="checkbox"
                name={name}
                value={c}
                id={`${base}-${i}`}
                defaultChecked={picked.has(c)}
                className="h-4 w-4 rounded border-slate-400 text-brand-600 focus:ring-brand-600"
              />
              {c}
            </label>
          </li>
        ))}
      </ul>
      <div className="mt-3">
        <label htmlFor={`${base}-other`} className="block text-sm font-medium text-slate-900">
          Other {legend.toLowerCase()} (separated by commas)
        </label>
        <input
          id={`${base}-other`}
          name={name}
          type="text"
          defaultValue={other}
          aria-describedby={describedBy}
          {...(errorId ? { "aria-invalid": true as const } : {})}
          className={`mt-1 ${inputClass}`}
        />
      </div>
      <FieldError id={base} error={errors?.join(" ")} />
    </fieldset>
  );
}
