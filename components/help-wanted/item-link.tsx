import Link from "next/link";
import type { ReactNode } from "react";

/** A help-wanted item named by its title, linking to its page (lists, tables, log entries). */
export function ItemLink({ item, strong = false }: { item: { id: string; title: string }; strong?: boolean }) {
  return (
    <Link href={`/help-wanted/${item.id}`} className={`${strong ? "font-medium " : ""}text-brand-700 underline`}>
      {item.title}
    </Link>
  );
}

/** An entry's first line in a list of items: the item, linked, then what the list says of it in small print. */
export function ItemLine({ item, children }: { item: { id: string; title: string }; children: ReactNode }) {
  return (
    <p>
      <ItemLink item={item} strong /> <span className="text-sm text-slate-600">{children}</span>
    </p>
  );
}
