import type { ReactNode } from "react";
import { SortableTable, type SortValue } from "./sortable-table";

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** The value to sort by: makes the column sortable in the browser. */
  sort?: (row: T) => SortValue | Date | undefined;
  /** Extra classes for the column's cells, such as `whitespace-nowrap` or `font-mono`. */
  className?: string;
  /** The cell names its row (`<th scope="row">`). */
  rowHeader?: boolean;
}

/**
 * The one table of the portal: a caption (read by assistive technology, shown with
 * `captionVisible`), columns that say how to render and sort a row, and rows. It scrolls inside
 * its own box on a narrow screen rather than widening the page. `framed` gives it its own white
 * box; otherwise it sits in a `Section`. Columns may be `false` to leave one out.
 */
export function DataTable<T>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey = (row, i) => (row as { id?: string }).id ?? String(i),
  framed = false,
}: {
  caption: string;
  captionVisible?: boolean;
  columns: readonly (Column<T> | false)[];
  rows: readonly T[];
  /** Defaults to the row's `id`. */
  rowKey?: (row: T, index: number) => string;
  framed?: boolean;
}) {
  const cols = columns.filter((c): c is Column<T> => Boolean(c));
  const sortValue = (v: SortValue | Date | undefined): SortValue =>
    v instanceof Date ? v.getTime() : v === undefined ? null : v;
  return (
    <SortableTable
      caption={caption}
      captionVisible={captionVisible}
      framed={framed}
      columns={cols.map((c) => ({
        header: c.header,
        sortable: !!c.sort,
        className: c.className,
        rowHeader: c.rowHeader,
      }))}
      rows={rows.map((r, i) => ({
        key: rowKey(r, i),
        cells: cols.map((c) => c.cell(r)),
        sort: cols.map((c) => (c.sort ? sortValue(c.sort(r)) : null)),
      }))}
    />
  );
}
