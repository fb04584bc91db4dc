import type { Metadata } from "next";
import { ChartCard } from "@/components/ui/chart";
import { TagCard } from "@/components/dashboards/tag-card";
import { TAG_CARD_TERMS, type TagCardTerm } from "@/components/dashboards/tag-card-terms";
import { DateTime } from "@/components/ui/time";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, Heading, Section } from "@/components/ui/section";
import { getActor } from "@/lib/auth/actor";
import { can, canInAnyTag } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getTocOverview, getTocTrends } from "@/lib/dashboards/queries";
import { TrendCharts } from "@/components/dashboards/trend-charts";
import { DecisionList } from "@/components/decisions/decision-list";
import { listOpenDecisions, type DecisionSummary } from "@/lib/decisions/queries";
import { employerText, flagsOf, regionsText, roleFiguresText } from "@/lib/dashboards/tables";
import { removalCandidates } from "@/lib/dashboards/removal-candidates";
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
  const mayViewDecisions = canInAnyTag(actor, "decision.view");
  // The UI asks the table only to decide what to show; getTocOverview checks again itself.
  const mayView = canInAnyTag(actor, "dashboard.view");
  const [overview, trends, decisions] = await Promise.all([
    mayView ? getTocOverview(actor) : null,
    mayView ? getTocTrends(actor) : null,
    listOpenDecisions(actor),
  ]);
  const removable = mayOpenRemoval && overview ? removalCandidates(overview.dashboards) : [];
  return (
    <div className="space-y-8">
      <PageHeader title="Dashboard" compact>
        {overview && (
          <p className="text-sm text-slate-700">
            {overview.scope === "all" ? "Every TAG" : "The TAGs you lead"} as of{" "}
            <DateTime iso={overview.at.toISOString()} />.{" "}
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
      </PageHeader>

      {overview ? (
        <>
          {overview.dashboards.length > 1 && (
            <Section id="charts" title="Charts" hideTitle plain className="grid gap-6 md:grid-cols-2">
              <ChartCard
                title="Open help-wanted items per TAG"
                caption="Open help-wanted items per TAG"
                bars={overview.dashboards.map((d) => ({ label: d.tag.name, value: d.flow.open }))}
              />
              <ChartCard
                title="Chairs and tech leads per TAG"
                caption="Chairs and tech leads per TAG, against the seats defined"
                bars={overview.dashboards.map((d) => ({
                  label: d.tag.name,
                  value: d.leadership.filled,
                  ...(d.leadership.total !== null ? { max: d.leadership.total } : {}),
                }))}
              />
            </Section>
          )}
          <Section id="tags" title="TAGs at a glance" plain className="space-y-3">
            {overview.dashboards.length === 0 ? (
              <EmptyState>No TAG to show.</EmptyState>
            ) : (
              <div className="grid gap-4 lg:grid-cols-2">
                {overview.dashboards.map((d) => (
                  <TagCardOf key={d.tag.id} d={d} decisions={decisions.filter((x) => x.tag.id === d.tag.id)} />
                ))}
              </div>
            )}
          </Section>
          {trends && (
            <TrendCharts
              trends={trends}
              scope={overview.scope === "all" ? "Every TAG taken together" : "The TAGs you lead taken together"}
            />
          )}
        </>
      ) : (
        <EmptyState>
          The dashboards (seats, regions, employers, terms ending, activity, help-wanted flow) are for TOC members,
          admins and each TAG&apos;s leads.
        </EmptyState>
      )}

      <TocDecisions open={decisions} mayView={mayViewDecisions} removable={removable} />
    </div>
  );
}

type Dashboard = NonNullable<Awaited<ReturnType<typeof getTocOverview>>>["dashboards"][number];

/** One TAG's card: what needs attention, its figures in words, then its open TOC decisions. */
function TagCardOf({ d, decisions }: { d: Dashboard; decisions: readonly DecisionSummary[] }) {
  const count = (n: number | null) => (n === null ? "" : ` of ${n}`);
  const median = d.flow.medianDaysToFirstVolunteer;
  const figures: Record<TagCardTerm, string> = {
    "Chairs and tech leads": `${d.leadership.filled}${count(d.leadership.total)}${d.leadership.pending ? `, ${d.leadership.pending} awaiting the TOC` : ""}`,
    "Seats by role": d.roles.map(roleFiguresText).join("; "),
    "Seats by region": regionsText(d),
    "Largest employer (leadership)": employerText(d.leadershipEmployer),
    "Terms ending in 6 months": String(d.termsEnding.length),
    "Inactive leaders": String(d.inactiveLeaders.length),
    "On leave": String(d.onLeave.length),
    "Elections open / due": `${d.elections.filter((e) => e.state === "open").length} / ${d.electionsDue.length}`,
    "Help wanted: open, held, done (90 days)": `${d.flow.open}, ${d.flow.held}, ${d.flow.done90}`,
    "Median days to first volunteer": median === null ? "no volunteers yet" : median.toFixed(1),
    "Stale claims": String(d.flow.stale),
    "CNCF Ambassadors active": String(d.flow.ambassadorsActive),
    "Liaison check-ins overdue": String(d.liaisonsOverdue.length),
    "Board review": d.boardReviewOverdue ? "overdue" : "up to date",
  };
  return (
    <TagCard
      card={{ slug: d.tag.slug, name: d.tag.name, flags: flagsOf(d), values: TAG_CARD_TERMS.map((t) => figures[t]) }}
    >
      <div className="space-y-1">
        <Heading level={3} size="base" className="text-sm">
          Decisions awaiting the TOC
        </Heading>
        <DecisionList
          decisions={decisions}
          empty="None."
          showTag={false}
          label={`Decisions awaiting the TOC in ${d.tag.name}`}
        />
      </div>
    </TagCard>
  );
}
