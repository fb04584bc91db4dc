"use client";

import { Field, fieldError, type FormState } from "@/components/ui/form";
import {
  LEADERSHIP_MODEL_LABEL,
  LEADERSHIP_MODELS,
  TAG_SETTING_DEFAULTS,
  TAG_SETTING_LABEL,
  type TagSettings,
} from "@/lib/vocabulary";

/** A labelled select whose error and hint are tied to it for screen readers. */
function Select({
  name,
  label,
  state,
  value,
  options,
  hint,
}: {
  name: keyof TagSettings;
  label: string;
  state: FormState;
  value: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
}) {
  const id = `f-${name}`;
  const error = fieldError(state, name);
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        key={state?.values?.[name] ?? value}
        id={id}
        name={name}
        defaultValue={state?.values?.[name] ?? value}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The settings a TAG's chairs (and admins) change, as form fields: the chairs' settings page and
 * the admin TAG form render the same fields and save through the same versioned operation.
 */
export function TagSettingsFields({ settings, state }: { settings?: Partial<TagSettings>; state: FormState }) {
  const s = { ...TAG_SETTING_DEFAULTS, ...settings };
  const v = state?.values;
  return (
    <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2">
      <legend className="px-1 text-sm font-semibold text-slate-900">Settings</legend>
      <Field
        name="activityMinRecords"
        label={TAG_SETTING_LABEL.activityMinRecords}
        type="number"
        state={state}
        defaultValue={String(s.activityMinRecords)}
        hint="Fewer (but some) is quiet; none is inactive."
      />
      <Field
        name="activityWindowMonths"
        label={TAG_SETTING_LABEL.activityWindowMonths}
        type="number"
        state={state}
        defaultValue={String(s.activityWindowMonths)}
      />
      <Select
        name="leaveCountsTowardCaps"
        label="Seats on leave and caps"
        state={state}
        value={String(s.leaveCountsTowardCaps)}
        options={[
          { value: "true", label: "A seat on leave counts toward regional and employer caps" },
          { value: "false", label: "A seat on leave does not count toward caps" },
        ]}
      />
      <Field
        name="staleAfterDays"
        label={TAG_SETTING_LABEL.staleAfterDays}
        type="number"
        state={state}
        defaultValue={String(s.staleAfterDays)}
      />
      <Field
        name="boardReviewMonths"
        label={TAG_SETTING_LABEL.boardReviewMonths}
        type="number"
        state={state}
        defaultValue={String(s.boardReviewMonths)}
      />
      <Select
        name="leadershipModel"
        label={TAG_SETTING_LABEL.leadershipModel}
        state={state}
        value={s.leadershipModel}
        options={LEADERSHIP_MODELS.map((m) => ({ value: m, label: LEADERSHIP_MODEL_LABEL[m] }))}
      />
      <Field
        name="maxActiveClaims"
        label={TAG_SETTING_LABEL.maxActiveClaims}
        type="number"
        state={state}
        defaultValue={String(s.maxActiveClaims)}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="autoAccept" defaultChecked={v ? v.autoAccept === "on" : s.autoAccept} />{" "}
        {TAG_SETTING_LABEL.autoAccept}
      </label>
    </fieldset>
  );
}
