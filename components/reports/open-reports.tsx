import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";
import { PersonLink } from "@/components/ui/person-link";
import { DateTime } from "@/components/ui/time";
import { TEXT_KIND_LABEL, type TextKind } from "@/lib/reports/schemas";

interface OpenReport {
  id: string;
  subjectType: TextKind;
  reason: string;
  reporter: string;
  createdAt: Date;
  text: { title: string; link: string; text: string } | null;
}

const excerpt = (t: string) => (t.length > 280 ? `${t.slice(0, 280)}…` : t);

/**
 * Reported texts waiting for a decision (issue 18, point 12): in a TAG's lead console, and the bios
 * on the admin page. `decide` is the item route's `decideReportAction`.
 */
export function OpenReports({ reports, decide }: { reports: readonly OpenReport[]; decide: ServerAction }) {
  return (
    <section id="reports" aria-labelledby="reports-title" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
      <h2 id="reports-title" className="text-xl font-semibold text-slate-900">
        Reported texts ({reports.length})
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Hide a text with a reason (readers see the reason in its place, and the log keeps who hid it), or keep it as it
        is. The author is not told who reported it.
      </p>
      {reports.length === 0 ? (
        <p className="mt-2 text-slate-600">No reports waiting.</p>
      ) : (
        <ul className="mt-3 space-y-4">
          {reports.map((r) => (
            <li key={r.id} className="space-y-2 rounded-md p-3 ring-1 ring-slate-200">
              <p>
                A {TEXT_KIND_LABEL[r.subjectType]} on{" "}
                {r.text ? (
                  <Link href={r.text.link} className="font-medium text-brand-700 underline">
                    {r.text.title}
                  </Link>
                ) : (
                  "a page that no longer exists"
                )}
                , reported by <PersonLink login={r.reporter} />{" "}
                <span className="text-sm text-slate-600">
                  (<DateTime iso={r.createdAt.toISOString()} />)
                </span>
              </p>
              {r.text && (
                <blockquote className="whitespace-pre-line border-l-4 border-slate-200 pl-3 text-sm text-slate-700">
                  {excerpt(r.text.text)}
                </blockquote>
              )}
              <p className="text-sm">
                <span className="font-medium">Why:</span> {r.reason}
              </p>
              <ActionForm
                action={decide}
                hidden={{ reportId: r.id }}
                label={`Decide the report on ${r.text?.title ?? "a removed text"}`}
                fields={[
                  {
                    name: "reason",
                    label: "Reason shown in its place (to hide)",
                    hint: "Needed to hide; not needed to keep.",
                  },
                ]}
                choices={[
                  { name: "decision", value: "hide", label: "Hide the text", variant: "danger" },
                  { name: "decision", value: "keep", label: "Keep it", variant: "secondary" },
                ]}
                submit="Decide"
                compact
                inline
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
