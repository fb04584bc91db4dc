import type { FormState } from "@/components/ui/form";
import { fieldError } from "@/components/ui/form";

/**
 * A labelled input with ids scoped by `idPrefix`, for forms repeated on one page (one per role
 * or per seat) where the shared `Field` (ids from the field name) would collide.
 */
export function ScopedInput({
  idPrefix,
  name,
  label,
  state,
  type = "text",
  defaultValue,
  hint,
  required,
  textarea,
}: {
  idPrefix: string;
  name: string;
  label: string;
  state: FormState;
  type?: string;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  textarea?: boolean;
}) {
  const id = `${idPrefix}-${name}`;
  const error = fieldError(state, name);
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    defaultValue: state?.values?.[name] ?? defaultValue,
    className: `mt-1 w-full rounded-md border px-2 py-1 ${error ? "border-red-600" : "border-slate-300"}`,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {textarea ? <textarea rows={3} {...common} /> : <input type={type} {...common} />}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
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

export function ScopedSelect({ idPrefix, name, label, state, options, defaultValue }: { idPrefix: string; name: string; label: string; state: FormState; options: readonly (readonly [string, string])[]; defaultValue?: string }) {
  const id = `${idPrefix}-${name}`;
  const error = fieldError(state, name);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={state?.values?.[name] ?? defaultValue} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1">
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
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
