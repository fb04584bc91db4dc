"use client";

import type { ActionResult } from "@/lib/action";
import { formDataToText } from "@/lib/form-data";

/** The state every form keeps between submissions: what the server said, and what was typed. */
/** A server action as forms receive it: a route's `actions.ts` export, passed in as a prop. */
export type ServerAction = (input: unknown) => Promise<ActionResult<unknown>>;

export type FormState<T = unknown> = (ActionResult<T> & { values?: Record<string, string> }) | null;

/** Wraps an action for `useActionState`: keeps the typed values so an error never loses them. */
export function formAction<T>(action: (input: unknown) => Promise<ActionResult<T>>) {
  return async (_prev: FormState<T>, formData: FormData): Promise<FormState<T>> => {
    const values = formDataToText(formData);
    const result = await action(formData);
    return { ...result, values };
  };
}

export function fieldError(state: FormState, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors[name]?.[0] : undefined;
}

interface FieldProps {
  /** Scopes the ids, for forms repeated on one page (one per seat or role). */
  idPrefix?: string;
  /** Tighter spacing for forms inside tables and disclosures. */
  compact?: boolean;
  name: string;
  label: string;
  state: FormState;
  type?: string;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  textarea?: boolean;
}

/** A labelled input with its error and hint tied to it for screen readers. */
export function Field({
  idPrefix = "f",
  compact = false,
  name,
  label,
  state,
  type = "text",
  defaultValue,
  hint,
  required,
  textarea,
}: FieldProps) {
  const error = fieldError(state, name);
  const id = `${idPrefix}-${name}`;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const value = state?.values?.[name] ?? defaultValue;
  const common = {
    id,
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    defaultValue: value,
    className: `mt-1 w-full rounded-md border ${compact ? "px-2 py-1" : "px-3 py-2"} ${error ? "border-red-600" : "border-slate-300"}`,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {textarea ? <textarea rows={compact ? 3 : 4} {...common} /> : <input type={type} {...common} />}
      {hint && (
        <p id={`${id}-hint`} className={`mt-1 ${compact ? "text-xs" : "text-sm"} text-slate-600`}>
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

/** Success or failure of the last submission, announced politely. */
export function FormStatus({ state, success }: { state: FormState; success?: string }) {
  return (
    <div role="status" aria-live="polite" className="text-sm">
      {state?.ok && (
        <p className="rounded-md bg-green-50 p-2 text-green-900 ring-1 ring-green-200">
          {state.message ?? success ?? "Saved."}
        </p>
      )}
      {state && !state.ok && (
        <p className="rounded-md bg-red-50 p-2 text-red-900 ring-1 ring-red-200">{state.message}</p>
      )}
    </div>
  );
}

export function SubmitButton({
  children,
  pending,
  danger,
}: {
  children: React.ReactNode;
  pending: boolean;
  danger?: boolean;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      className={`rounded-md px-4 py-2 font-medium text-white disabled:opacity-60 ${danger ? "bg-red-700 hover:bg-red-800" : "bg-brand-600 hover:bg-brand-700"}`}
    >
      {pending ? "Working…" : children}
    </button>
  );
}
