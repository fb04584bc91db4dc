import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { AttentionItem } from "@/lib/dashboards/attention";

/** "Needs your attention today": an ordered list, most pressing first, each with its link. */
export function AttentionList({
  id,
  title,
  items,
  empty,
}: {
  id: string;
  title: string;
  items: readonly AttentionItem[];
  empty: string;
}) {
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
      <h2 id={id} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-slate-600">{empty}</p>
      ) : (
        <ol className="mt-3 list-decimal space-y-2 pl-6">
          {items.map((i) => (
            <li key={i.key}>
              <Link href={i.href} className="text-brand-700 underline">
                {i.label}
              </Link>
              {i.dueAt && (
                <span className="text-sm text-slate-600">
                  {" "}
                  (due <LocalTime iso={i.dueAt.toISOString()} />)
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
