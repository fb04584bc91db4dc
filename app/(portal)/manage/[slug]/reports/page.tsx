import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/forbidden";
import { Markdown } from "@/components/markdown";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { PersonLink } from "@/components/ui/person-link";
import { Section } from "@/components/ui/section";
import { DateTime } from "@/components/ui/time";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { holderReportsOfTag } from "@/lib/roles/holder-reports";
import { getTagReport } from "@/lib/tag-reports/load";
import { reportFileName, reportPeriodsAt } from "@/lib/tag-reports/report";
import { NARRATIVE_KEYS, NARRATIVE_SECTIONS } from "@/lib/tag-reports/schemas";
import { openTagReportPullAction, saveTagReportDraftAction } from "./actions";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ period?: string | string[] }> };

export const metadata: Metadata = { title: "TAG reports" };

/**
 * A TAG's quarterly or annual report: figures from the portal (the dashboards' trend functions),
 * the narrative its leads write, a preview and a markdown download; and, for the current quarter,
 * which seat holders have posted their own quarterly report.
 */
export default async function TagReportsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  await requireUser(`/manage/${slug}/reports`);
  const [actor, at] = await Promise.all([getActor(), now()]);
  const periods = reportPeriodsAt(at);
  const asked = (await searchParams).period;
  const periodKey = typeof asked === "string" && periods.some((p) => p.key === asked) ? asked : periods[0]!.key;
  let report;
  try {
    report = await getTagReport(actor, slug, periodKey);
  } catch (e) {
    if (e instanceof AppError && e.code === "FORBIDDEN") return <Forbidden what="this TAG's reports" />;
    throw e;
  }
  if (!report) notFound();
  const { tag, period } = report;
  const holders = can(actor, "roster.manage", tag.id) ? await holderReportsOfTag(actor, tag.id) : null;
  const file = reportFileName(tag.slug, period);
  const mayWrite = can(actor, "tag-report.write", tag.id);
  return (
    <div className="space-y-8">
      <PageHeader
        title={`Reports: ${tag.name}`}
        eyebrow={
          <Link href={`/manage/${tag.slug}`} className="text-brand-700 underline">
            Lead console
          </Link>
        }
      >
        <p className="max-w-3xl text-slate-700">
          The TAG&apos;s quarterly or annual report for the TOC, drafted from the portal&apos;s data. The figures are
          the ones on the{" "}
          <Link href={`/toc/${tag.slug}`} className="text-brand-700 underline">
            TAG&apos;s dashboard
          </Link>
          ; leads write the narrative around them.
        </p>
      </PageHeader>

      <nav aria-label="Report period">
        <ul className="flex flex-wrap gap-2">
          {periods.map((p) => (
            <li key={p.key}>
              <Link
                href={`/manage/${tag.slug}/reports?period=${p.key}`}
                aria-current={p.key === period.key ? "page" : undefined}
                className={buttonClass(p.key === period.key ? "primary" : "neutral", true)}
              >
                {p.kind === "year" ? `Year ${p.label}` : p.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Section
        id="download"
        title={`${period.kind === "year" ? "Annual" : "Quarterly"} report ${period.label}`}
        description={
          report.updatedAt ? (
            <>
              Narrative last saved <DateTime iso={report.updatedAt.toISOString()} /> (version {report.version}).
            </>
          ) : (
            "No narrative saved yet: the figures are ready, the written parts are empty."
          )
        }
      >
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <a
            href={`/manage/${tag.slug}/reports/${period.key}.md`}
            download={file}
            className={buttonClass("primary", true)}
          >
            Download the report (markdown)
          </a>
        </div>
        {report.pullRequest && (
          <p className="mt-3 text-sm text-slate-700">
            Proposed as{" "}
            <a href={report.pullRequest.url} className="text-brand-700 underline">
              a pull request
            </a>{" "}
            <DateTime iso={report.pullRequest.at.toISOString()} /> with narrative version {report.pullRequest.version}
            {report.pullRequest.version !== report.version && ": the narrative changed since, so it is behind"}.
          </p>
        )}
        {mayWrite &&
          (tag.repositories.length ? (
            <ActionForm
              action={openTagReportPullAction}
              className="mt-4"
              label="Open the report as a pull request"
              description="Proposes the report as it reads now, as reports/<file>.md in one of the TAG's repositories, for review there."
              hidden={{ tagId: tag.id, period: period.key }}
              fields={[
                {
                  name: "repo",
                  label: "Repository",
                  options: tag.repositories.map((r) => [r, r] as const),
                  defaultValue: tag.repositories[0],
                },
              ]}
              submit="Open as a pull request"
              variant="neutral"
              compact
            />
          ) : (
            <p className="mt-3 text-sm text-slate-600">
              To propose it as a pull request, list the TAG&apos;s repositories in its settings first.
            </p>
          ))}
      </Section>

      {mayWrite && (
        <ActionForm
          action={saveTagReportDraftAction}
          title="Narrative"
          level={2}
          description="Markdown. Each part appears in the report where its heading says; an empty part shows as not written yet."
          hidden={{ tagId: tag.id, period: period.key, version: String(report.version) }}
          fields={NARRATIVE_KEYS.map((k) => ({
            name: k,
            label: NARRATIVE_SECTIONS[k].title,
            type: "textarea" as const,
            hint: NARRATIVE_SECTIONS[k].hint,
            defaultValue: report.narrative[k] ?? "",
          }))}
          submit="Save narrative"
        />
      )}

      <Section id="preview" title="Preview" description="The downloaded file, as GitHub would show it.">
        <Markdown className="mt-3">{report.markdown}</Markdown>
      </Section>

      {holders && (
        <Section
          id="holders"
          title={`Seat holders' reports, ${holders.quarter.label}`}
          description={
            <>
              Seats whose role names deliverables per term report once a quarter, on{" "}
              <Link href="/me/reports" className="text-brand-700 underline">
                their holders&apos; reports page
              </Link>
              ; the portal reminds holders two weeks before the quarter ends.
            </>
          }
          empty={
            holders.reported.length + holders.missing.length === 0 && "No seat's role names deliverables per term."
          }
        >
          <h3 className="mt-3 font-semibold">Not reported yet ({holders.missing.length})</h3>
          {holders.missing.length ? (
            <ul className="mt-2 space-y-1">
              {holders.missing.map((s) => (
                <li key={s.id}>
                  <PersonLink login={s.user.login} strong />, {s.role}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-slate-600">Everyone has reported.</p>
          )}
          <h3 className="mt-4 font-semibold">Reported ({holders.reported.length})</h3>
          <ul className="mt-2 space-y-4">
            {holders.reported.map(({ seat, report: r }) => (
              <li key={r.id} className="border-l-4 border-slate-200 pl-3">
                <p className="text-sm text-slate-700">
                  <PersonLink login={seat.user.login} strong />, {seat.role} ·{" "}
                  <DateTime iso={r.updatedAt.toISOString()} />
                </p>
                <Markdown className="mt-1">{r.body}</Markdown>
                {r.links.length > 0 && (
                  <ul className="mt-1 ml-5 list-disc text-sm">
                    {r.links.map((l) => (
                      <li key={l.key}>
                        {l.href ? (
                          <a href={l.href} rel="nofollow noopener" className="text-brand-700 underline">
                            {l.label}
                          </a>
                        ) : (
                          l.label
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
