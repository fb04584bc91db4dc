import type { ReactNode } from "react";

/**
 * The one frame of every form control: its label, the control, then its hint and error, with the
 * ids the control's `aria-describedby` points to (see `describedBy`). Action forms (`Field`), GET
 * filter forms (`FilterSelect`, `FilterInput`) and the profile form all draw their fields with it,
 * so every field in the portal looks and reads the same. No client code: filter forms render on the
 * server.
 */
export function LabelledControl({
  id,
  label,
  hint,
  hintHidden,
  error,
  compact,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  /** Keeps the hint for screen readers only (a filter whose label says enough to the eye). */
  hintHidden?: boolean;
  error?: string;
  /** Tighter text for forms inside tables and disclosures. */
  compact?: boolean;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && (
        <p
          id={`${id}-hint`}
          className={hintHidden ? "sr-only" : `mt-1 ${compact ? "text-xs" : "text-sm"} text-slate-600`}
        >
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A field's error message, under the id `<id>-error` its control points to. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
      {error}
    </p>
  );
}

/** The `aria-describedby` of a control framed by `LabelledControl`: its error first, then its hint. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
}

/** A select's choices, `[value, label]` pairs or `{ value, label }`, after `empty`: a first choice with the empty value. */
export function SelectOptions({
  options,
  empty,
}: {
  options: readonly (readonly [string, string] | { value: string; label: string })[];
  empty?: string;
}) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => {
        const [value, label]: readonly [string, string] = "value" in o ? [o.value, o.label] : o;
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </>
  );
}
