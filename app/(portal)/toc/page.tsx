import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/ui/bar-chart";
import { LocalTime } from "@/components/ui/local-time";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getTocOverview } from "@/lib/dashboards/queries";
import { DecisionList } from "@/components/decisions/decision-list";
import { canSeeDecisions, listOpenDecisions } from "@/lib/decisions/queries";
import { employerText, flagsOf, regionsText } from "@/lib/dashboards/tables";
import { TocDecisions } from "./_components/decisions";

export const metadata: Metadata = { title: "Dashboard" };

/**
 * The TOC dashboard (issue 10): one card per TAG with what the TOC asked about, a drill-down per
 * TAG, CSV of every table, each card with the TAG's open TOC decisions; then every open TOC
 * decision and the form that opens a removal vote.
 */
export default async function DashboardPage() {
  await requireUser("/toc");
  const actor = await getActor();
  const mayOpenRemoval = can(actor, "leadership.remove-vote");
  const mayViewDecisions = canSeeDecisions(actor);
  // The UI asks the table only to decide what to show; getTocOverview checks again itself.
  const mayView =
    can(actor, "audit.view-all") || (actor?.leadTagIds.some((id) => can(actor, "dashboard.view", id)) ?? false);
  const [overview, decisions] = await Promise.all([mayView ? getTocOverview(actor) : null, listOpenDecisions(actor)]);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">Dashboard</h1>
        {overview && (
          <p className="text-sm text-slate-700">
            {overview.scope === "all" ? "Every TAG" : "The TAGs you lead"} as of{" "}
            <LocalTime iso={overview.at.toISOString()} />.{" "}
            <a href="/toc/tags.csv" download className="text-brand-700 underline">
              Download the overview (CSV)
            </a>
            {mayViewDecisions && (
              <>
                {" "}
                ·{" "}
                <a href="#pending" className="text-brand-700 underline">
                  Decisions awaiting the TOC ({decisions.length})
                </a>
              </>
            )}
          </p>
        )}
      </header>

      {overview ? (
        <>
          {overview.dashboards.length > 1 && (
            <section aria-labelledby="charts" className="grid gap-6 md:grid-cols-2">
              <h2 id="charts" className="sr-only">
                Charts
              </h2>
              <div className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
                <h3 className="font-semibold text-slate-900">Open help-wanted items per TAG</h3>
                <BarChart
                  caption="Open help-wanted items per TAG"
                  bars={overview.dashboards.map((d) => ({ label: d.tag.name, value: d.flow.open }))}
                />
              </div>
              <div className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
                <h3 className="font-semibold text-slate-900">Chairs and tech leads per TAG</h3>
                <BarChart
                  caption="Chairs and tech leads per TAG, against the seats defined"
                  bars={overview.dashboards.map((d) => ({
                    label: d.tag.name,
                    value: d.leadership.filled,
                    ...(d.leadership.total !== null ? { max: d.leadership.total } : {}),
                  }))}
                />
              </div>
            </section>
          )}
          <section aria-labelledby="tags" className="space-y-3">
            <h2 id="tags" className="text-xl font-semibold text-slate-900">
              TAGs at a glance
            </h2>
            {overview.dashboards.length === 0 ? (
              <p className="rounded-xl bg-white p-6 text-slate-600 ring-1 ring-slate-200">No TAG to show.</p>
            ) : (
              <div className="grid gap-4 lg:grid-cols-2">
                {overview.dashboards.map((d) => {
                  const flags = flagsOf(d);
                  const headingId = `tag-${d.tag.slug}`;
                  return (
                    <article
                      key={d.tag.id}
                      aria-labelledby={headingId}
                      className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-slate-200"
                    >
                      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
                        <Link href={`/toc/${d.tag.slug}`} className="text-brand-700 underline">
                          {d.tag.name}
                        </Link>
                      </h3>
                      {flags.length > 0 ? (
                        <ul aria-label={`Needs attention in ${d.tag.name}`} className="space-y-1 text-sm">
                          {flags.map((f) => (
                            <li key={f} className="rounded bg-amber-50 px-2 py-1 text-amber-950 ring-1 ring-amber-200">
                              {f}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <p className="text-sm text-green-800">Nothing needs attention.</p>
                      )}
                      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
                        <Figure
                          term="Chairs and tech leads"
                          value={`${d.leadership.filled}${d.leadership.total !== null ? ` of ${d.leadership.total}` : ""}`}
                        />
                        <Figure term="Seats by region" value={regionsText(d)} />
                        <Figure term="Largest employer (leadership)" value={employerText(d.leadershipEmployer)} />
                        <Figure term="Terms ending in 6 months" value={d.termsEnding.length} />
                        <Figure term="Leaders with no contribution" value={d.inactiveLeaders.length} />
                        <Figure term="On leave" value={d.onLeave.length} />
                        <Figure
                          term="Elections open / due"
                          value={`${d.elections.filter((e) => e.state === "open").length} / ${d.electionsDue.length}`}
                        />
                        <Figure
                          term="Help wanted: open, held, done (90 days)"
                          value={`${d.flow.open}, ${d.flow.held}, ${d.flow.done90}`}
                        />
                        <Figure
                          term="Median days to first volunteer"
                          value={
                            d.flow.medianDaysToFirstVolunteer === null
                              ? "no volunteers yet"
                              : d.flow.medianDaysToFirstVolunteer.toFixed(1)
                          }
                        />
                        <Figure term="Stale claims" value={d.flow.stale} />
                        <Figure term="CNCF Ambassadors active" value={d.flow.ambassadorsActive} />
                        <Figure term="Liaison check-ins overdue" value={d.liaisonsOverdue.length} />
                        <Figure term="Board review" value={d.boardReviewOverdue ? "overdue" : "up to date"} />
                      </dl>
                      <div className="space-y-1">
                        <h4 className="text-sm font-semibold text-slate-900">Decisions awaiting the TOC</h4>
                        <DecisionList
                          decisions={decisions.filter((x) => x.tag.id === d.tag.id)}
                          empty="None."
                          showTag={false}
                          label={`Decisions awaiting the TOC in ${d.tag.name}`}
                        />
                      </div>
                    </article>
                  );
                })}
              </div>
            )}
          </section>
        </>
      ) : (
        <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">
          The dashboards (seats, regions, employers, terms ending, activity, help-wanted flow) are for TOC members,
          admins and each TAG&apos;s leads.
        </p>
      )}

      <TocDecisions open={decisions} mayView={mayViewDecisions} mayOpenRemoval={mayOpenRemoval} />
    </div>
  );
}

function Figure({ term, value }: { term: string; value: string | number }) {
  return (
    <div>
      <dt className="text-slate-600">{term}</dt>
      <dd className="font-medium text-slate-900">{value}</dd>
    </div>
  );
}
