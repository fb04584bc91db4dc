import Link from "next/link";

/**
 * Where a nested page sits: links to each page above it, then this page's own name (not a link,
 * `aria-current`). Goes in a PageHeader's `eyebrow`.
 */
export function Breadcrumbs({
  trail,
  current,
}: {
  trail: readonly { href: string; label: string }[];
  current: string;
}) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
        {trail.map((c) => (
          <li key={c.href} className="flex items-center gap-2">
            <Link href={c.href} className="text-brand-700 underline">
              {c.label}
            </Link>
            <span aria-hidden="true">›</span>
          </li>
        ))}
        <li aria-current="page" className="min-w-0 break-words">
          {current}
        </li>
      </ol>
    </nav>
  );
}
