import { ChartCard } from "@/components/ui/chart";
import { Card, Heading, Section } from "@/components/ui/section";
import type { Trends } from "@/lib/dashboards/trends-load";
import type { HelpWantedMonth, LeadershipQuarter } from "@/lib/dashboards/trends";
import { REGIONS } from "@/lib/vocabulary";

/** The trend charts of one TAG or several taken together (issue 18 point 10), each a titled card with its table. */
export function TrendCharts({ trends, scope }: { trends: Trends; scope: string }) {
  const { leadership, helpWanted, turnout } = trends;
  const quarters = leadership.map((q) => ({ label: q.label }));
  const months = helpWanted.map((m) => ({ label: m.label, short: m.label.split(" ")[0] }));
  const unknownRegion = leadership.some((q) => q.byRegion.unknown > 0);
  const largest = leadership.at(-1)?.largestEmployer;
  const byQuarter = (name: string, pick: (q: LeadershipQuarter) => number) => ({ name, values: leadership.map(pick) });
  // Series of the months' charts, each named by its key.
  const monthly = (picks: Record<string, (m: HelpWantedMonth) => number | null>) =>
    Object.entries(picks).map(([name, pick]) => ({ name, values: helpWanted.map(pick) }));
  return (
    <Section
      id="trends"
      title="Trends"
      plain
      description={`${scope}: chairs and tech leads by quarter, help wanted by month, and turnout of counted elections.`}
    >
      <div className="grid gap-6 md:grid-cols-2">
        <ChartCard
          title="Leadership turnover by quarter"
          caption="Chair and tech-lead seats started and ended per quarter"
          columns={quarters}
          series={[byQuarter("Started", (q) => q.started), byQuarter("Ended", (q) => q.ended)]}
        />
        <ChartCard
          title="Leadership by region"
          caption="Chairs and tech leads by region at each quarter's end"
          columns={quarters}
          stacked
          series={[
            ...REGIONS.map((r) => byQuarter(r, (q) => q.byRegion[r])),
            ...(unknownRegion ? [byQuarter("Region unknown", (q) => q.byRegion.unknown)] : []),
          ]}
        />
        <ChartCard
          title="Leadership employers by quarter"
          caption="Chairs and tech leads, their employers and the largest employer's seats at each quarter's end"
          columns={quarters}
          series={[
            byQuarter("Seats held", (q) => q.held),
            byQuarter("Employers", (q) => q.employers),
            byQuarter("Largest employer's seats", (q) => q.largestEmployer?.seats ?? 0),
          ]}
        >
          <p className="mt-1 text-sm text-slate-700">
            {largest
              ? `Largest employer now: ${largest.name}, ${largest.seats} of ${leadership.at(-1)!.held} seats.`
              : "No employer known for the current leaders."}
          </p>
        </ChartCard>
        <ChartCard
          title="Help wanted per month"
          caption="Help-wanted items opened, claims accepted and claims completed per month"
          columns={months}
          series={monthly({ Opened: (m) => m.opened, Claimed: (m) => m.claimed, Done: (m) => m.done })}
        />
        <ChartCard
          title="Median days to first volunteer"
          caption="Median days from an item's posting to its first volunteer, by the month the volunteer came"
          columns={months}
          series={monthly({ "Median days": (m) => m.medianDaysToFirstVolunteer })}
        />
        {turnout.length > 0 ? (
          <ChartCard
            title="Election turnout"
            caption="Share of eligible voters who voted, per counted election"
            unit="%"
            bars={turnout.map((e) => ({ label: e.title, value: e.percent }))}
          >
            <p className="mt-1 text-sm text-slate-700">
              {turnout.map((e) => `${e.title}: ${e.voted} of ${e.eligible}`).join("; ")}.
            </p>
          </ChartCard>
        ) : (
          <Card padding="sm">
            <Heading level={3} size="base">
              Election turnout
            </Heading>
            <p className="mt-2 text-sm text-slate-700">No counted election yet.</p>
          </Card>
        )}
      </div>
    </Section>
  );
}
