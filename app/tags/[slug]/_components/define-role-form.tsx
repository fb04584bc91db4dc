"use client";

import {
  CheckboxFields,
  Fields,
  FormStatus,
  SubmitButton,
  numberField,
  type FieldSpec,
  useFormAction,
} from "@/components/ui/form";
import {
  AMBASSADOR_KIND_LABEL,
  AMBASSADOR_KINDS,
  LEAD_KINDS,
  REGION_LABEL,
  REGIONS,
  ROLE_KIND_LABEL,
} from "@/lib/vocabulary";
import { defineRoleAction } from "../actions";

export interface RoleDefaults {
  roleKey: string;
  name: string;
  kind: string;
  ambassadorKind: string;
  responsibilities: string;
  deliverables: string;
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
  requiredStep: string;
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

const SELECTIONS = [
  ["appointment", "Appointment by consensus"],
  ["election", "Election"],
] as const;

/** The role's yes-or-no rules, each with what it means. */
const CHECKBOXES = [
  ["needsTocApproval", "Changes need TOC approval (always, for chairs and tech leads)"],
  ["emeritusAfterTerm", "When a term ends without renewal, the holder becomes emeritus (otherwise the seat ends)"],
  ["coverHasPowers", "The person covering a leave holds the seat's powers while it lasts"],
] as const;

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
  const [state, action, pending] = useFormAction(defineRoleAction);
  const p = defaults ? `role-${defaults.roleKey}` : "role-new";
  const d = (k: keyof RoleDefaults) => (defaults ? String(defaults[k]) : undefined);
  const result = state?.ok ? (state.data as { saved: boolean; adopts: string[]; warnings: string[] }) : null;
  const warnings = result?.warnings ?? [];
  const previewed = result && !result.saved ? result : null;
  const fieldProps = { idPrefix: p, state, compact: true };
  const roleSpecs: FieldSpec[] = [
    { name: "name", label: "Role name", required: true, defaultValue: d("name") },
    {
      name: "kind",
      label: "Kind",
      options: defaults ? KINDS.filter(([k]) => k === defaults.kind) : NEW_KINDS,
      defaultValue: d("kind") ?? "tag_ambassador",
    },
    {
      name: "ambassadorKind",
      label: "TAG Ambassador kind",
      options: AMBASSADOR_CHOICES,
      defaultValue: d("ambassadorKind") ?? "",
    },
    { name: "selection", label: "Selection", options: SELECTIONS, defaultValue: d("selection") ?? "appointment" },
    numberField("hoursPerMonth", "Expected hours per month", d("hoursPerMonth")),
    numberField(
      "termMonths",
      "Term (months)",
      d("termMonths"),
      "Empty: no term. CNCF: 24 for chairs and tech leads, 12 for subproject leads.",
    ),
  ];
  const textSpecs: FieldSpec[] = [
    {
      name: "responsibilities",
      label: "Responsibilities (markdown)",
      type: "textarea",
      defaultValue: d("responsibilities"),
    },
    {
      name: "deliverables",
      label: "Expected deliverables per term (markdown)",
      type: "textarea",
      defaultValue: d("deliverables"),
    },
    {
      name: "escalationPath",
      label: "Escalation path",
      defaultValue: d("escalationPath"),
      hint: "For example: the TAG decides by consensus, with escalation to the TOC.",
    },
  ];
  const holderSpecs: FieldSpec[] = [
    numberField("totalSeats", "Total number of holders", d("totalSeats")),
    numberField("maxPerEmployer", "Most from one employer", d("maxPerEmployer")),
    ...REGIONS.flatMap((r) => [
      numberField(`max${r}`, `${REGION_LABEL[r]} maximum`, d(`max${r}`)),
      numberField(`min${r}`, `${REGION_LABEL[r]} minimum`, d(`min${r}`)),
    ]),
  ];
  const eligibilitySpecs: FieldSpec[] = [
    numberField(
      "eligibilityMinRecords",
      "Eligibility: at least this many contribution records",
      d("eligibilityMinRecords"),
    ),
    numberField("eligibilityWindowMonths", "Eligibility: in the last months", d("eligibilityWindowMonths")),
    {
      name: "requiredStep",
      label: "Eligibility: ladder step reached (optional)",
      defaultValue: d("requiredStep"),
      hint: "The name of a step of the TAG's leadership ladder, such as Project lead; an election exception waives it.",
    },
  ];
  return (
    <form action={action} className="space-y-3" aria-label={defaults ? `Edit ${defaults.name}` : "Define a role"}>
      <input type="hidden" name="tagId" value={tagId} />
      {defaults && <input type="hidden" name="roleKey" value={defaults.roleKey} />}
      <Fields specs={roleSpecs} {...fieldProps} columns={2} />
      <Fields specs={textSpecs} {...fieldProps} />
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">Holders (empty: no limit)</legend>
        <Fields specs={holderSpecs} {...fieldProps} columns={4} />
      </fieldset>
      <Fields specs={eligibilitySpecs} {...fieldProps} columns={2} />
      <CheckboxFields specs={CHECKBOXES} checked={defaults} state={state} idPrefix={p} />
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
        <SubmitButton pending={pending} name="mode" value="preview" variant="secondary">
          Preview
        </SubmitButton>
      </div>
    </form>
  );
}
