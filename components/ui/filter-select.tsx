/**
 * Fields of a GET filter form (the values live in the URL, so it works without JavaScript): a
 * labelled select and a labelled input, with an optional hint (`hintHidden` keeps it for
 * screen readers only).
 */
import { buttonClass } from "./button";
import { LabelledControl, SelectOptions } from "./labelled-control";

const FIELD = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";

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
    <LabelledControl id={id} label={label} hint={hint} hintHidden={hintHidden} compact>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={FIELD}
      >
        <SelectOptions options={options} empty={allLabel} />
      </select>
    </LabelledControl>
  );
}

/** A text, search, number or date input of a filter form. */
export function FilterInput({
  id,
  label,
  hint,
  hintHidden,
  ...input
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  hintHidden?: boolean;
  defaultValue?: string | number;
  type?: "text" | "search" | "number" | "date";
  placeholder?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  inputMode?: "numeric";
}) {
  return (
    <LabelledControl id={id} label={label} hint={hint} hintHidden={hintHidden} compact>
      <input id={id} {...input} aria-describedby={hint ? `${id}-hint` : undefined} className={FIELD} />
    </LabelledControl>
  );
}

/** Options from `[value, label]` pairs or plain values that are their own labels. */
export function optionsOf(values: readonly (string | readonly [string, string])[]) {
  return values.map((v) => (typeof v === "string" ? { value: v, label: v } : { value: v[0], label: v[1] }));
}

/** One field of a filter form, as data: a select when it has `options`, else an input. */
export interface FilterSpec {
  name: string;
  label: string;
  options?: readonly { value: string; label: string }[];
  /** The select's first, empty choice (no filter). */
  all?: string;
  type?: "text" | "search" | "number" | "date";
  placeholder?: string;
  maxLength?: number;
  hint?: string;
  hintHidden?: boolean;
}

type FilterValue = string | number | readonly string[] | null | undefined;

/** The fields of a filter form from their specs; each shows its value from `values` (the parsed URL). */
export function FilterFields({
  prefix,
  specs,
  values,
}: {
  prefix: string;
  specs: readonly FilterSpec[];
  values: Readonly<Record<string, FilterValue>> | object;
}) {
  const valueOf = (name: string) => {
    const v = (values as Record<string, FilterValue>)[name];
    return v === null || v === undefined ? undefined : Array.isArray(v) ? v.join(", ") : String(v);
  };
  return specs.map(({ options, all, ...s }) =>
    options ? (
      <FilterSelect
        key={s.name}
        id={`${prefix}-${s.name}`}
        {...s}
        value={valueOf(s.name)}
        allLabel={all}
        options={options}
      />
    ) : (
      <FilterInput
        key={s.name}
        id={`${prefix}-${s.name}`}
        {...s}
        defaultValue={valueOf(s.name) ?? ""}
        {...(s.type === "number" ? { min: 0, max: 10000, inputMode: "numeric" as const } : {})}
      />
    ),
  );
}

/**
 * A GET filter form in its white box: the fields from their specs, then the submit button.
 * `layout` places them (a wrapping row unless told); `search` makes it a search landmark.
 */
export function FilterForm({
  label,
  action,
  search = false,
  layout = "flex flex-wrap items-end gap-3",
  prefix,
  specs,
  values,
  submit,
  secondary = false,
  children,
}: {
  label: string;
  action?: string;
  search?: boolean;
  layout?: string;
  prefix: string;
  specs: readonly FilterSpec[];
  values: Readonly<Record<string, FilterValue>> | object;
  submit: string;
  secondary?: boolean;
  /** Hidden inputs that keep the rest of the URL. */
  children?: React.ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      role={search ? "search" : undefined}
      aria-label={label}
      className={`${layout} rounded-xl bg-white p-4 ring-1 ring-slate-200`}
    >
      {children}
      <FilterFields prefix={prefix} values={values} specs={specs} />
      <button type="submit" className={buttonClass(secondary ? "secondary" : undefined)}>
        {submit}
      </button>
    </form>
  );
}
