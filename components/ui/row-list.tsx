import type { ReactNode } from "react";

/** A list divided by lines, one `Row` an entry (an employer history, delivered work). */
export function RowList({
  ordered = false,
  label,
  children,
}: {
  ordered?: boolean;
  label?: string;
  children: ReactNode;
}) {
  const Tag = ordered ? "ol" : "ul";
  return (
    <Tag className="mt-3 divide-y divide-slate-200" aria-label={label}>
      {children}
    </Tag>
  );
}

/** One entry of a `RowList`: what it is first, and its date or figure at the end of the line. */
export function Row({ aside, children }: { aside?: ReactNode; children: ReactNode }) {
  return (
    <li className="flex flex-wrap justify-between gap-2 py-2">
      <span>{children}</span>
      {aside && <span className="text-sm text-slate-600">{aside}</span>}
    </li>
  );
}
