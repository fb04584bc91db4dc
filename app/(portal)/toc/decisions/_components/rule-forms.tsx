"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton, fieldError, formAction, type ServerAction } from "@/components/ui/form";

type Option = { value: string; label: string };

function Select({
  id,
  name,
  label,
  options,
  defaultValue,
  error,
}: {
  id: string;
  name: string;
  label: string;
  options: readonly Option[];
  defaultValue: string;
  error?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 w-full max-w-md rounded-md border border-slate-300 px-2 py-1"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** The TOC's decision rule: threshold, what it counts, the period, and the quorum of `cast` votes. */
export function DecisionRuleForm({
  action,
  current,
  thresholds,
  bases,
}: {
  action: ServerAction;
  current: { threshold: string; base: string; periodDays: number; quorum: string };
  thresholds: readonly Option[];
  bases: readonly Option[];
}) {
  const [state, run, pending] = useActionState(formAction(action), null);
  const v = (k: keyof typeof current) => state?.values?.[k] ?? String(current[k]);
  return (
    <form
      action={run}
      aria-labelledby="rule-form-h"
      className="space-y-3 rounded-xl bg-white p-6 ring-1 ring-slate-200"
    >
      <h3 id="rule-form-h" className="text-lg font-semibold text-slate-900">
        The decision rule
      </h3>
      <Select
        id="rule-threshold"
        name="threshold"
        label="Yes votes needed"
        options={thresholds}
        defaultValue={v("threshold")}
        error={fieldError(state, "threshold")}
      />
      <Select
        id="rule-base"
        name="base"
        label="Counted among"
        options={bases}
        defaultValue={v("base")}
        error={fieldError(state, "base")}
      />
      <Field
        idPrefix="rule"
        name="periodDays"
        type="number"
        label="Voting period (days)"
        defaultValue={String(current.periodDays)}
        state={state}
        required
      />
      <Select
        id="rule-quorum"
        name="quorum"
        label="Quorum when counting votes cast (and for removals): TOC members who must vote"
        options={thresholds}
        defaultValue={v("quorum")}
        error={fieldError(state, "quorum")}
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Save the rule</SubmitButton>
    </form>
  );
}

/** A TAG's removal supermajority: set by the TOC, since it decides the removal of the TAG's own chairs. */
export function RemovalSupermajorityForm({
  action,
  tags,
  options,
}: {
  action: ServerAction;
  tags: readonly Option[];
  options: readonly Option[];
}) {
  const [state, run, pending] = useActionState(formAction(action), null);
  return (
    <form
      action={run}
      aria-labelledby="supermajority-form-h"
      className="space-y-3 rounded-xl bg-white p-6 ring-1 ring-slate-200"
    >
      <h3 id="supermajority-form-h" className="text-lg font-semibold text-slate-900">
        A TAG&apos;s removal supermajority
      </h3>
      <Select
        id="supermajority-tag"
        name="tagId"
        label="TAG"
        options={tags}
        defaultValue={state?.values?.tagId ?? tags[0]?.value ?? ""}
        error={fieldError(state, "tagId")}
      />
      <Select
        id="supermajority-share"
        name="supermajority"
        label="Share of the votes cast needed to remove a leader"
        options={options}
        defaultValue={state?.values?.supermajority ?? options[0]?.value ?? ""}
        error={fieldError(state, "supermajority")}
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Save the supermajority</SubmitButton>
    </form>
  );
}
