"use client";

import { useActionState, useId } from "react";
import {
  FormStatus,
  SubmitButton,
  fieldError,
  formAction,
  type FormState,
  type ServerAction,
} from "@/components/ui/form";

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "url" | "textarea";
  required?: boolean;
  hint?: string;
  /** What the field holds at first (and again after a success). */
  defaultValue?: string;
}

interface Props {
  action: ServerAction;
  /** Ids and fixed choices the action needs (claimId, itemId, decision). */
  hidden: Record<string, string>;
  fields?: FieldSpec[];
  submit: string;
  /** When set, the form sits behind a disclosure with this summary: it asks first. */
  confirm?: string;
  danger?: boolean;
  success?: string;
  /** An accessible name for the form when it has no visible heading. */
  label?: string;
}

/**
 * One small form for each claim or item action on the item page and the lead console. Field ids
 * are unique per form, so many forms can share a page.
 */
export function ActionForm({ action, hidden, fields = [], submit, confirm, danger, success, label }: Props) {
  const [state, run, pending] = useActionState(formAction(action), null);
  const uid = useId();
  const form = (
    <form action={run} className="space-y-2" aria-label={label}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {fields.map((f) => (
        <FieldInput key={f.name} spec={f} id={`${uid}-${f.name}`} state={state} />
      ))}
      <FormStatus state={state} success={success} />
      <SubmitButton pending={pending} danger={danger}>
        {submit}
      </SubmitButton>
    </form>
  );
  if (!confirm) return form;
  return (
    <details className="text-sm">
      <summary className={`cursor-pointer underline ${danger ? "text-red-800" : "text-brand-700"}`}>{confirm}</summary>
      <div className="mt-2">{form}</div>
    </details>
  );
}

function FieldInput({ spec, id, state }: { spec: FieldSpec; id: string; state: FormState }) {
  const error = fieldError(state, spec.name);
  const describedBy =
    [spec.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  // After a failure the typed text comes back; after a success the field starts over.
  const value = state && !state.ok ? state.values?.[spec.name] : spec.defaultValue;
  const common = {
    id,
    name: spec.name,
    required: spec.required,
    defaultValue: value,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: `mt-1 w-full rounded-md border px-3 py-2 ${error ? "border-red-600" : "border-slate-300"}`,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {spec.label}
      </label>
      {spec.type === "textarea" ? <textarea rows={3} {...common} /> : <input type={spec.type ?? "text"} {...common} />}
      {spec.hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {spec.hint}
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
