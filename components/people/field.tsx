import type { ReactNode } from "react";
import { describedBy, LabelledControl } from "@/components/ui/labelled-control";

export interface ControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * A profile field whose control the caller draws (a checkbox list, a timezone picker), framed by
 * the portal's one `LabelledControl` and given the ids and `aria-invalid` it needs.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: (control: ControlProps) => ReactNode;
}) {
  const error = errors?.length ? errors.join(" ") : undefined;
  return (
    <LabelledControl id={id} label={label} hint={hint} error={error}>
      <div className="mt-1">
        {children({ id, "aria-describedby": describedBy(id, hint, error), ...(error ? { "aria-invalid": true } : {}) })}
      </div>
    </LabelledControl>
  );
}

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:border-red-700";
