"use client";

import { useState, type ReactNode } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

export type SortValue = string | number | null;

export interface TableColumn {
  header: string;
  sortable: boolean;
  className?: string;
  rowHeader?: boolean;
}

export interface TableRow {
  key: string;
  cells: ReactNode[];
  sort: SortValue[];
}

/** Empty values sort last in both directions; numbers by value, text as a person would. */
function compare(a: SortValue, b: SortValue, dir: 1 | -1): number {
  if (a === null || a === "") return b === null || b === "" ? 0 : 1;
  if (b === null || b === "") return -1;
  const order =
    typeof a === "number" && typeof b === "number"
      ? a - b
      : String(a).localeCompare(String(b), "en", { numeric: true, sensitivity: "base" });
  return order * dir;
}

/**
 * The browser half of `DataTable`: the cells arrive rendered, with one sort value per cell;
 * a column with values has a button in its header that sorts by it (again: the other way).
 * Without JavaScript the rows keep the server's order.
 */
export function SortableTable({
  caption,
  captionVisible,
  columns,
  rows,
  framed,
}: {
  caption: string;
  captionVisible: boolean;
  columns: TableColumn[];
  rows: TableRow[];
  framed: boolean;
}) {
  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 } | null>(null);
  const hydrated = useHydrated();
  const shown = sort ? [...rows].sort((a, b) => compare(a.sort[sort.col]!, b.sort[sort.col]!, sort.dir)) : rows;
  const cell = "px-3 py-2 align-top";
  return (
    // Focusable so a keyboard can scroll a table wider than a phone inside its own box.
    <div
      tabIndex={0}
      className={framed ? "overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200" : "mt-3 overflow-x-auto"}
    >
      <table className="w-full text-left text-sm">
        <caption className={captionVisible ? "px-3 py-2 text-left font-semibold text-slate-900" : "sr-only"}>
          {caption}
        </caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {columns.map((c, i) => {
              const active = sort?.col === i ? sort.dir : undefined;
              return (
                <th
                  key={c.header || i}
                  scope="col"
                  className={`${cell} font-medium`}
                  aria-sort={active === 1 ? "ascending" : active === -1 ? "descending" : undefined}
                >
                  {c.sortable ? (
                    <button
                      type="button"
                      disabled={!hydrated}
                      className="inline-flex items-center gap-1 font-medium hover:underline"
                      onClick={() => setSort({ col: i, dir: active === 1 ? -1 : 1 })}
                    >
                      {c.header}
                      <span aria-hidden="true" className="text-xs">
                        {active === 1 ? "▲" : active === -1 ? "▼" : "↕"}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((r) => (
            <tr key={r.key}>
              {r.cells.map((content, i) => {
                const c = columns[i]!;
                const className = `${cell} ${c.className ?? ""}`.trim();
                return c.rowHeader ? (
                  <th key={i} scope="row" className={`${className} font-medium`}>
                    {content}
                  </th>
                ) : (
                  <td key={i} className={className}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
