import Link from "next/link";
import { DateOnly } from "@/components/ui/time";
import { Section } from "@/components/ui/section";
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
    <Section id={id} title={title} empty={items.length === 0 && empty}>
      <ol className="mt-3 list-decimal space-y-2 pl-6">
        {items.map((i) => (
          <li key={i.key}>
            <Link href={i.href} className="text-brand-700 underline">
              {i.label}
            </Link>
            {i.dueAt && (
              <span className="text-sm text-slate-600">
                {" "}
                (due <DateOnly date={i.dueAt} />)
              </span>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}
