import type { FormState } from "@/components/ui/form";
import { Field, fieldError } from "@/components/ui/form";

/** A labelled input with ids scoped by `idPrefix`: the shared `Field`, compact. */
export function ScopedInput(props: Omit<React.ComponentProps<typeof Field>, "compact"> & { idPrefix: string }) {
  return <Field {...props} compact />;
}

export function ScopedSelect({
  idPrefix,
  name,
  label,
  state,
  options,
  defaultValue,
}: {
  idPrefix: string;
  name: string;
  label: string;
  state: FormState;
  options: readonly (readonly [string, string])[];
  defaultValue?: string;
}) {
  const id = `${idPrefix}-${name}`;
  const error = fieldError(state, name);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        key={state?.values?.[name] ?? defaultValue}
        id={id}
        name={name}
        defaultValue={state?.values?.[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
      >
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
