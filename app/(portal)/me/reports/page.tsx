import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requireUser } from "@/lib/auth/session";
import { myHolderReports } from "@/lib/roles/holder-reports";
import { HolderReportForm } from "./_components/holder-report-form";

export const metadata: Metadata = { title: "Your quarterly reports" };

/** The signed-in person's seats that report each quarter: this quarter's report to post or edit, and earlier ones. */
export default async function MyReportsPage() {
  const user = await requireUser("/me/reports");
  const { quarter, seats } = await myHolderReports(user.id);
  return (
    <div className="space-y-8">
      <PageHeader title="Your quarterly reports">
        <p className="max-w-3xl text-slate-700">
          Seats whose role names deliverables per term report once a quarter, in a few lines, to the TAG&apos;s leads.
          This quarter is {quarter.label}; you can change your report until it ends.
        </p>
      </PageHeader>
      {seats.length === 0 && (
        <p className="text-slate-700">
          None of your seats reports: their roles name no deliverables per term. See your{" "}
          <Link href="/me" className="text-brand-700 underline">
            profile
          </Link>
          .
        </p>
      )}
      {seats.map(({ seat, current, past, choices }) => (
        <Section key={seat.id} id={`seat-${seat.id}`} title={`${seat.role}, ${seat.tag.name}`}>
          <h3 className="mt-3 font-semibold">Expected deliverables per term</h3>
          <Markdown className="mt-1">{seat.deliverables}</Markdown>
          <div className="mt-4">
            <HolderReportForm
              assignmentId={seat.id}
              title={current ? `Your ${quarter.label} report` : `Post your ${quarter.label} report`}
              body={current?.body ?? ""}
              links={current?.links ?? []}
              choices={choices.map((c) => [c.key, c.label] as const)}
            />
          </div>
          {past.length > 0 && (
            <>
              <h3 className="mt-4 font-semibold">Earlier reports</h3>
              <ul className="mt-2 space-y-3">
                {past.map((r) => (
                  <li key={r.id} className="border-l-4 border-slate-200 pl-3">
                    <p className="text-sm font-medium text-slate-700">{r.quarter.replace("-", " ")}</p>
                    <Markdown>{r.body}</Markdown>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Section>
      ))}
    </div>
  );
}
