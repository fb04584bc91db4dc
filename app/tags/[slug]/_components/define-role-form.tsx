"use client";

import { useActionState } from "react";
import { FormStatus, SubmitButton, formAction } from "@/components/ui/form";
import { AMBASSADOR_KIND_LABEL, AMBASSADOR_KINDS, LEAD_KINDS, ROLE_KIND_LABEL } from "@/lib/vocabulary";
import { defineRoleAction } from "../actions";
import { ScopedInput, ScopedSelect } from "./inputs";

export interface RoleDefaults {
  roleKey: string;
  name: string;
  kind: string;
  ambassadorKind: string;
  responsibilities: string;
  hoursPerMonth: string;
  termMonths: string;
  selection: string;
  escalationPath: string;
  totalSeats: string;
  maxAPAC: string;
  maxEMEA: string;
  maxAmericas: string;
  minAPAC: string;
  minEMEA: string;
  minAmericas: string;
  maxPerEmployer: string;
  eligibilityMinRecords: string;
  eligibilityWindowMonths: string;
  needsTocApproval: boolean;
  emeritusAfterTerm: boolean;
  coverHasPowers: boolean;
}

// TAG Ambassador first: the role TAGs define most often.
const KINDS = (["tag_ambassador", "tech_lead", "chair", "advisory_fellow", "subproject_lead", "custom"] as const).map(
  (k) => [k, ROLE_KIND_LABEL[k]] as const,
);
/** Every TAG has its Chair and Tech Lead roles from the start: a new role is of another kind. */
const NEW_KINDS = KINDS.filter(([k]) => !(LEAD_KINDS as readonly string[]).includes(k));

const AMBASSADOR_CHOICES = [
  ["", "— (not a TAG Ambassador role)"] as const,
  ...AMBASSADOR_KINDS.map((k) => [k, AMBASSADOR_KIND_LABEL[k]] as const),
];

/**
 * Defines a role, or (with `defaults`) writes its next version. Preview shows what saving would do:
 * the seats a new role adopts (its kind's seats that no live role holds) and the warnings; when it
 * adopts seats, saving needs that preview (the count shown travels with the form).
 */
export function DefineRoleForm({ tagId, defaults }: { tagId: string; defaults?: RoleDefaults }) {
  const [state, action, pending] = useActionState(formAction(defineRoleAction), null);
  const p = defaults ? `role-${defaults.roleKey}` : "role-new";
  const d = (k: keyof RoleDefaults) => (defaults ? String(defaults[k]) : undefined);
  const result = state?.ok ? (state.data as { saved: boolean; adopts: string[]; warnings: string[] }) : null;
  const warnings = result?.warnings ?? [];
  const previewed = result && !result.saved ? result : null;
  return (
    <form action={action} className="space-y-3" aria-label={defaults ? `Edit ${defaults.name}` : "Define a role"}>
      <input type="hidden" name="tagId" value={tagId} />
      {defaults && <input type="hidden" name="roleKey" value={defaults.roleKey} />}
      <div className="grid gap-3 md:grid-cols-2">
        <ScopedInput idPrefix={p} name="name" label="Role name" state={state} required defaultValue={d("name")} />
        <ScopedSelect
          idPrefix={p}
          name="kind"
          label="Kind"
          state={state}
          options={defaults ? KINDS.filter(([k]) => k === defaults.kind) : NEW_KINDS}
          defaultValue={d("kind") ?? "tag_ambassador"}
        />
        <ScopedSelect
          idPrefix={p}
          name="ambassadorKind"
          label="TAG Ambassador kind"
          state={state}
          options={AMBASSADOR_CHOICES}
          defaultValue={d("ambassadorKind") ?? ""}
        />
        <ScopedSelect
          idPrefix={p}
          name="selection"
          label="Selection"
          state={state}
          options={[
            ["appointment", "Appointment by consensus"],
            ["election", "Election"],
          ]}
          defaultValue={d("selection") ?? "appointment"}
        />
        <ScopedInput
          idPrefix={p}
          name="hoursPerMonth"
          label="Expected hours per month"
          type="number"
          state={state}
          defaultValue={d("hoursPerMonth")}
        />
        <ScopedInput
          idPrefix={p}
          name="termMonths"
          label="Term (months)"
          type="number"
          state={state}
          defaultValue={d("termMonths")}
          hint="Empty: no term. CNCF: 24 for chairs and tech leads, 12 for subproject leads."
        />
      </div>
      <ScopedInput
        idPrefix={p}
        name="responsibilities"
        label="Responsibilities (markdown)"
        textarea
        state={state}
        defaultValue={d("responsibilities")}
      />
      <ScopedInput
        idPrefix={p}
        name="escalationPath"
        label="Escalation path"
        state={state}
        defaultValue={d("escalationPath")}
        hint="For example: the TAG decides by consensus, with escalation to the TOC."
      />
      <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-4">
        <legend className="px-1 text-sm font-medium text-slate-800">Holders (empty: no limit)</legend>
        <ScopedInput
          idPrefix={p}
          name="totalSeats"
          label="Total number of holders"
          type="number"
          state={state}
          defaultValue={d("totalSeats")}
        />
        <ScopedInput
          idPrefix={p}
          name="maxPerEmployer"
          label="Most from one employer"
          type="number"
          state={state}
          defaultValue={d("maxPerEmployer")}
        />
        <ScopedInput
          idPrefix={p}
          name="maxAPAC"
          label="APAC maximum"
          type="number"
          state={state}
          defaultValue={d("maxAPAC")}
        />
        <ScopedInput
          idPrefix={p}
          name="minAPAC"
          label="APAC minimum"
          type="number"
          state={state}
          defaultValue={d("minAPAC")}
        />
        <ScopedInput
          idPrefix={p}
          name="maxEMEA"
          label="EMEA maximum"
          type="number"
          state={state}
          defaultValue={d("maxEMEA")}
        />
        <ScopedInput
          idPrefix={p}
          name="minEMEA"
          label="EMEA minimum"
          type="number"
          state={state}
          defaultValue={d("minEMEA")}
        />
        <ScopedInput
          idPrefix={p}
          name="maxAmericas"
          label="Americas maximum"
          type="number"
          state={state}
          defaultValue={d("maxAmericas")}
        />
        <ScopedInput
          idPrefix={p}
          name="minAmericas"
          label="Americas minimum"
          type="number"
          state={state}
          defaultValue={d("minAmericas")}
        />
      </fieldset>
      <div className="grid gap-3 md:grid-cols-2">
        <ScopedInput
          idPrefix={p}
          name="eligibilityMinRecords"
          label="Eligibility: at least this many contribution records"
          type="number"
          state={state}
          defaultValue={d("eligibilityMinRecords")}
        />
        <ScopedInput
          idPrefix={p}
          name="eligibilityWindowMonths"
          label="Eligibility: in the last months"
          type="number"
          state={state}
          defaultValue={d("eligibilityWindowMonths")}
        />
      </div>
      <div className="flex items-center gap-2">
        <input
          id={`${p}-needsTocApproval`}
          type="checkbox"
          name="needsTocApproval"
          defaultChecked={defaults?.needsTocApproval ?? false}
        />
        <label htmlFor={`${p}-needsTocApproval`} className="text-sm text-slate-800">
          Changes need TOC approval (always, for chairs and tech leads)
        </label>
      </div>
      <div className="flex items-center gap-2">
        <input
          id={`${p}-emeritusAfterTerm`}
          type="checkbox"
          name="emeritusAfterTerm"
          defaultChecked={defaults?.emeritusAfterTerm ?? false}
        />
        <label htmlFor={`${p}-emeritusAfterTerm`} className="text-sm text-slate-800">
          When a term ends without renewal, the holder becomes emeritus (otherwise the seat ends)
        </label>
      </div>
      <div className="flex items-center gap-2">
        <input
          id={`${p}-coverHasPowers`}
          type="checkbox"
          name="coverHasPowers"
          defaultChecked={defaults?.coverHasPowers ?? false}
        />
        <label htmlFor={`${p}-coverHasPowers`} className="text-sm text-slate-800">
          The person covering a leave holds the seat&apos;s powers while it lasts
        </label>
      </div>
      {previewed && <input type="hidden" name="adoptCount" value={previewed.adopts.length} />}
      <FormStatus
        state={state}
        success={previewed ? "Preview: nothing was saved yet." : defaults ? "New version saved." : "Role defined."}
      />
      {result && result.adopts.length > 0 && (
        <p className="rounded-md bg-sky-50 p-2 text-sm text-sky-900 ring-1 ring-sky-200">
          {previewed ? "Saving adopts" : "Adopted"} {result.adopts.length} seat{result.adopts.length === 1 ? "" : "s"}{" "}
          of this kind: {result.adopts.join(", ")}.
        </p>
      )}
      {warnings.length > 0 && (
        <ul
          className="list-disc rounded-md bg-amber-50 p-2 pl-6 text-sm text-amber-900 ring-1 ring-amber-200"
          aria-label="Warnings"
        >
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending}>{defaults ? "Save new version" : "Define role"}</SubmitButton>
        <button
          type="submit"
          name="mode"
          value="preview"
          disabled={pending}
          className="rounded-md px-4 py-2 font-medium text-brand-800 ring-1 ring-brand-600 disabled:opacity-60"
        >
          Preview
        </button>
      </div>
    </form>
  );
}
