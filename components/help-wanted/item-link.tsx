import Link from "next/link";

/** A help-wanted item named by its title, linking to its page (lists, tables, log entries). */
export function ItemLink({ item, strong = false }: { item: { id: string; title: string }; strong?: boolean }) {
  return (
    <Link href={`/help-wanted/${item.id}`} className={`${strong ? "font-medium " : ""}text-brand-700 underline`}>
      {item.title}
    </Link>
  );
}
