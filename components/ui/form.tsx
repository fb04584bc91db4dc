"use client";

import { useActionState, type ReactNode } from "react";
import { describedBy, FieldError, LabelledControl, SelectOptions } from "./labelled-control";
import type { ActionResult } from "@/lib/action";
import { buttonClass, type ButtonVariant } from "./button";
import { formDataToText } from "@/lib/form-data";

/** A server action as forms receive it: a route's `actions.ts` export, passed in as a prop. */
export type ServerAction = (input: unknown) => Promise<ActionResult<unknown>>;

/** The state every form keeps between submissions: what the server said, and what was typed. */
export type FormState<T = unknown> = (ActionResult<T> & { values?: Record<string, string> }) | null;

/** Wraps an action for `useActionState`: keeps the typed values so an error never loses them. */
export function formAction<T>(action: (input: unknown) => Promise<ActionResult<T>>) {
  return async (_prev: FormState<T>, formData: FormData): Promise<FormState<T>> => {
    const values = formDataToText(formData);
    const result = await action(formData);
    return { ...result, values };
  };
}

/** A form's `[state, action, pending]` for a server action: `useActionState` over `formAction`, starting empty. */
export function useFormAction<T>(action: (input: unknown) => Promise<ActionResult<T>>) {
  return useActionState(formAction(action), null);
}

export function fieldError(state: FormState, name: string): string | undefined {
  return state && !state.ok ? state.fieldErrors[name]?.[0] : undefined;
}

/** Choices of a select: `[value, label]` pairs. */
export type Options = readonly (readonly [string, string])[];

/** Choices from a vocabulary: each key with its human label. */
export const labelledOptions = <K extends string>(keys: readonly K[], label: Record<K, string>): Options =>
  keys.map((k) => [k, label[k]] as const);

/** One field of a form, as data: what `Field` and `Fields` render. */
export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "url" | "number" | "date" | "datetime-local" | "textarea";
  required?: boolean;
  hint?: string;
  /** What the field holds at first (and again after a success with `resetOnSuccess`). */
  defaultValue?: string;
  /** Makes it a select with these choices. */
  options?: Options;
}

/** A number field's spec: its value is shown as text. */
export function numberField(name: string, label: string, value?: number | string | null, hint?: string): FieldSpec {
  return {
    name,
    label,
    type: "number",
    defaultValue: value === null || value === undefined ? undefined : String(value),
    hint,
  };
}

interface FieldProps extends Omit<FieldSpec, "type"> {
  /** Scopes the ids, for forms repeated on one page (one per seat or role). */
  idPrefix?: string;
  /** An id of its own instead of `<idPrefix>-<name>`. */
  id?: string;
  /** Tighter spacing for forms inside tables and disclosures. */
  compact?: boolean;
  state: FormState;
  type?: FieldSpec["type"] | "search";
  /** Same as `type="textarea"`. */
  textarea?: boolean;
  /** After a success the default comes back rather than what was typed. */
  resetOnSuccess?: boolean;
  /** Suggestions (a datalist) for a text input. */
  suggestions?: readonly string[];
  max?: string;
  /** Select content of its own (option groups), instead of `options`. */
  children?: ReactNode;
}

/** A labelled input, text area or select with its error and hint tied to it for screen readers. */
export function Field({
  idPrefix = "f",
  id: ownId,
  compact = false,
  name,
  label,
  state,
  type = "text",
  defaultValue,
  hint,
  required,
  textarea,
  options,
  resetOnSuccess,
  suggestions,
  max,
  children,
}: FieldProps) {
  const error = fieldError(state, name);
  const id = ownId ?? `${idPrefix}-${name}`;
  const typed = state?.values?.[name];
  const value = state && !state.ok ? (typed ?? defaultValue) : resetOnSuccess ? defaultValue : (typed ?? defaultValue);
  const common = {
    id,
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint, error),
    defaultValue: value,
    className: `mt-1 w-full rounded-md border bg-white ${compact ? "px-2 py-1" : "px-3 py-2"} ${error ? "border-red-600" : "border-slate-300"}`,
  };
  let control: ReactNode;
  if (options || children) {
    control = (
      // React applies a select's defaultValue only on mount and resets the form after an action:
      // keyed by the value, the select comes back showing what was chosen.
      <select key={value ?? ""} {...common}>
        {children ?? <SelectOptions options={options!} />}
      </select>
    );
  } else if (textarea || type === "textarea") {
    control = <textarea rows={compact ? 3 : 4} {...common} />;
  } else {
    control = <input type={type} max={max} list={suggestions ? `${id}-list` : undefined} {...common} />;
  }
  return (
    <LabelledControl id={id} label={label} hint={hint} error={error} compact={compact}>
      {control}
      {suggestions && (
        <datalist id={`${id}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </LabelledControl>
  );
}

/** Several fields from their specs, in a grid of `columns` from small screens up. */
export function Fields({
  specs,
  state,
  idPrefix,
  compact,
  columns = 1,
  resetOnSuccess,
}: {
  specs: readonly FieldSpec[];
  state: FormState;
  idPrefix?: string;
  compact?: boolean;
  columns?: 1 | 2 | 3 | 4;
  resetOnSuccess?: boolean;
}) {
  const grid = {
    1: "space-y-3",
    2: "grid gap-3 sm:grid-cols-2",
    3: "grid gap-4 sm:grid-cols-3",
    4: "grid gap-3 sm:grid-cols-4",
  };
  return (
    <div className={grid[columns]}>
      {specs.map((s) => (
        <Field
          key={s.name}
          {...s}
          idPrefix={idPrefix}
          compact={compact}
          state={state}
          resetOnSuccess={resetOnSuccess}
        />
      ))}
    </div>
  );
}

/** One checkbox with its label after it; after a failed submission it shows what was sent. */
export function CheckboxField({
  name,
  label,
  state,
  defaultChecked = false,
  hint,
  idPrefix = "f",
}: {
  name: string;
  label: ReactNode;
  state: FormState;
  defaultChecked?: boolean;
  hint?: string;
  idPrefix?: string;
}) {
  const id = `${idPrefix}-${name}`;
  const checked = state?.values ? state.values[name] === "on" : defaultChecked;
  return (
    <div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={checked}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="h-4 w-4 rounded border-slate-400 accent-brand-600"
        />
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="ml-6 text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Yes-or-no settings from `[name, label, hint?]` rows, each ticked as `checked` says until a submission shows what was sent. */
export function CheckboxFields<N extends string>({
  specs,
  checked,
  state,
  idPrefix,
}: {
  specs: readonly (readonly [name: N, label: string, hint?: string])[];
  checked: Partial<Record<NoInfer<N>, boolean>> | undefined;
  state: FormState;
  idPrefix?: string;
}) {
  return specs.map(([name, label, hint]) => (
    <CheckboxField
      key={name}
      idPrefix={idPrefix}
      name={name}
      label={label}
      hint={hint}
      state={state}
      defaultChecked={checked?.[name] ?? false}
    />
  ));
}

/** Checkboxes that send one name many times (TAGs of an item, kinds of work), with a legend. */
export function CheckboxGroup({
  name,
  legend,
  options,
  checked,
  state,
  hint,
  idPrefix = "f",
}: {
  name: string;
  legend: string;
  options: Options;
  checked: readonly string[];
  state: FormState;
  hint?: string;
  idPrefix?: string;
}) {
  const error = fieldError(state, name);
  const id = `${idPrefix}-${name}`;
  // After a refused submission, the boxes that were sent (none checked sends nothing).
  const sent = state && !state.ok && state.values ? (state.values[name]?.split(",") ?? []) : undefined;
  return (
    <fieldset aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {/* One class for the group (app/globals.css): a board sends twenty TAG boxes on every page. */}
      <div className="checks">
        {options.map(([value, label]) => (
          <label key={value}>
            <input
              type="checkbox"
              name={name}
              value={value}
              defaultChecked={sent ? sent.includes(value) : checked.includes(value)}
            />
            {label}
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/**
 * Success or failure of the last submission, announced politely. `about` names inputs that have
 * no field of their own to show their error (a ballot's ranking, built from many selects): their
 * error is said here instead of the general line.
 */
export function FormStatus({ state, success, about = [] }: { state: FormState; success?: string; about?: string[] }) {
  const specific = about.map((name) => fieldError(state, name)).find(Boolean);
  return (
    <div role="status" aria-live="polite" className="text-sm">
      {state?.ok && (
        <p className="rounded-md bg-green-50 p-2 text-green-900 ring-1 ring-green-200">
          {state.message ?? success ?? "Saved."}
        </p>
      )}
      {state && !state.ok && (
        <p className="rounded-md bg-red-50 p-2 text-red-900 ring-1 ring-red-200">{specific ?? state.message}</p>
      )}
    </div>
  );
}

/** Every problem of a refused file, one a line, under the form's status (a single problem is the status itself). */
export function FieldProblems({ state, name }: { state: FormState; name: string }) {
  const lines = state && !state.ok ? (state.fieldErrors[name] ?? []) : [];
  if (lines.length < 2) return null;
  return (
    <ul className="list-disc pl-6 text-sm text-red-800">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export function SubmitButton({
  children,
  pending,
  danger,
  name,
  value,
  variant,
  small,
}: {
  children: ReactNode;
  pending: boolean;
  danger?: boolean;
  /** For forms with several buttons: which one was pressed is sent as `name=value`. */
  name?: string;
  value?: string;
  variant?: ButtonVariant;
  small?: boolean;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      className={buttonClass(danger ? "destructive" : variant, small)}
    >
      {pending ? "Working…" : children}
    </button>
  );
}
