import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";
import { PersonLink } from "@/components/ui/person-link";
import { DateTime } from "@/components/ui/time";
import { Section, TileList } from "@/components/ui/section";
import type { TextKind } from "@/lib/reports/schemas";
import { TextOnPage } from "./text-on-page";

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
    <Section
      anchor="reports"
      id="reports-title"
      title="Reported texts"
      count={reports.length}
      empty="No reports waiting."
      description="Hide a text with a reason (readers see the reason in its place, and the log keeps who hid it), or keep it as it is. The author is not told who reported it."
    >
      <TileList items={reports}>
        {(r) => (
          <>
            <p>
              <TextOnPage kind={r.subjectType} text={r.text} />, reported by <PersonLink login={r.reporter} />{" "}
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
          </>
        )}
      </TileList>
    </Section>
  );
}
