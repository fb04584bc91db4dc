"use client";

import {
  CheckboxField,
  Fields,
  labelledOptions,
  numberField,
  type FieldSpec,
  type FormState,
} from "@/components/ui/form";
import {
  LEADERSHIP_MODEL_LABEL,
  LEADERSHIP_MODELS,
  TAG_SETTING_DEFAULTS,
  TAG_SETTING_LABEL,
  type TagSettings,
} from "@/lib/vocabulary";

/**
 * The settings a TAG's chairs (and admins) change, as form fields: the chairs' settings page and
 * the admin TAG form render the same fields and save through the same versioned operation.
 */
export function TagSettingsFields({ settings, state }: { settings?: Partial<TagSettings>; state: FormState }) {
  const s = { ...TAG_SETTING_DEFAULTS, ...settings };
  const L = TAG_SETTING_LABEL;
  const specs: FieldSpec[] = [
    numberField(
      "activityMinRecords",
      L.activityMinRecords,
      s.activityMinRecords,
      "Fewer (but some) is quiet; none is inactive.",
    ),
    numberField("activityWindowMonths", L.activityWindowMonths, s.activityWindowMonths),
    {
      name: "leaveCountsTowardCaps",
      label: "Seats on leave and caps",
      defaultValue: String(s.leaveCountsTowardCaps),
      options: [
        ["true", "A seat on leave counts toward regional and employer caps"],
        ["false", "A seat on leave does not count toward caps"],
      ],
    },
    numberField("staleAfterDays", L.staleAfterDays, s.staleAfterDays),
    numberField("boardReviewMonths", L.boardReviewMonths, s.boardReviewMonths),
    {
      name: "leadershipModel",
      label: L.leadershipModel,
      defaultValue: s.leadershipModel,
      options: labelledOptions(LEADERSHIP_MODELS, LEADERSHIP_MODEL_LABEL),
    },
    numberField("maxActiveClaims", L.maxActiveClaims, s.maxActiveClaims),
  ];
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Settings</legend>
      <Fields specs={specs} state={state} columns={2} />
      <CheckboxField name="autoAccept" label={L.autoAccept} state={state} defaultChecked={s.autoAccept} />
    </fieldset>
  );
}
