"use client";

import { fieldError, type FormState } from "@/components/ui/form";

interface InputProps {
  id: string;
  name: string;
  label: string;
  state: FormState;
  type?: "text" | "url" | "number" | "date" | "textarea";
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  /** Suggestions (a datalist) for a text input. */
  suggestions?: readonly string[];
  max?: string;
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/**
 * A labelled input with its hint and error tied to it. After a failure the typed value comes back;
 * after a success the default returns.
 */
export function Input({
  id,
  name,
  label,
  state,
  type = "text",
  defaultValue,
  hint,
  required,
  suggestions,
  max,
}: InputProps) {
  const error = fieldError(state, name);
  const common = {
    id,
    name,
    required,
    defaultValue: state && !state.ok ? (state.values?.[name] ?? defaultValue) : defaultValue,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint, error),
    className: `mt-1 w-full rounded-md border px-3 py-2 ${error ? "border-red-600" : "border-slate-300"}`,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {type === "textarea" ? (
        <textarea rows={4} {...common} />
      ) : (
        <input type={type} max={max} list={suggestions ? `${id}-list` : undefined} {...common} />
      )}
      {suggestions && (
        <datalist id={`${id}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

interface SelectProps {
  id: string;
  name: string;
  label: string;
  state: FormState;
  defaultValue?: string;
  hint?: string;
  children: React.ReactNode;
}

/** A labelled select with its hint and error tied to it. */
export function Select({ id, name, label, state, defaultValue, hint, children }: SelectProps) {
  const error = fieldError(state, name);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={state && !state.ok ? (state.values?.[name] ?? defaultValue) : defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`mt-1 w-full rounded-md border bg-white px-3 py-2 ${error ? "border-red-600" : "border-slate-300"}`}
      >
        {children}
      </select>
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

function Messages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
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
    </>
  );
}
