/**
 * Fields of a GET filter form (the values live in the URL, so it works without JavaScript): a
 * labelled select and a labelled input, with an optional hint (`hintHidden` keeps it for
 * screen readers only).
 */
const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";

function Labelled({
  id,
  label,
  hint,
  hintHidden,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  hintHidden?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className={hintHidden ? "sr-only" : "mt-1 text-xs text-slate-600"}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** A select whose first choice, `allLabel`, has the empty value (no filter). */
export function FilterSelect({
  id,
  name,
  label,
  value,
  allLabel,
  options,
  hint,
  hintHidden,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  allLabel?: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  hintHidden?: boolean;
}) {
  return (
    <Labelled id={id} label={label} hint={hint} hintHidden={hintHidden}>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={FIELD}
      >
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

/** A text, search, number or date input of a filter form. */
export function FilterInput({
  id,
  label,
  hint,
  ...input
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string | number;
  type?: "text" | "search" | "number" | "date";
  placeholder?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  inputMode?: "numeric";
}) {
  return (
    <Labelled id={id} label={label} hint={hint}>
      <input id={id} {...input} aria-describedby={hint ? `${id}-hint` : undefined} className={FIELD} />
    </Labelled>
  );
}

/** Options from `[value, label]` pairs or plain values that are their own labels. */
export function optionsOf(values: readonly (string | readonly [string, string])[]) {
  return values.map((v) => (typeof v === "string" ? { value: v, label: v } : { value: v[0], label: v[1] }));
}
