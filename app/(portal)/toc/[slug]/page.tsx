import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/forbidden";
import { ChartCard } from "@/components/ui/chart";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { PageHeader } from "@/components/ui/page-header";
import { FlagList } from "@/components/dashboards/flag-list";
import { DateTime } from "@/components/ui/time";
import { getActor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { getTagDashboard, getTagTrends } from "@/lib/dashboards/queries";
import { TrendCharts } from "@/components/dashboards/trend-charts";
import { flagsOf, roleFiguresText, tagTables, type Cell } from "@/lib/dashboards/tables";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { getTagRepresentation } from "@/lib/representation/load";
import { RepresentationSection } from "@/components/dashboards/representation-section";
import { REGIONS } from "@/lib/vocabulary";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "TAG dashboard" };

/** One TAG's dashboard: every figure of its overview card, as tables with CSV and charts. */
export default async function TagDashboardPage({ params }: Props) {
  const { slug } = await params;
  await requireUser(`/toc/${slug}`);
  const actor = await getActor();
  let found;
  try {
    found = await getTagDashboard(actor, slug);
  } catch (e) {
    if (e instanceof AppError && e.code === "FORBIDDEN") return <Forbidden what="this TAG's dashboard" />;
    throw e;
  }
  if (!found) notFound();
  const { dashboard: d, at } = found;
  // Only once the dashboard is allowed, so a refusal is logged once.
  const [trends, representation] = await Promise.all([
    getTagTrends(actor, slug),
    getTagRepresentation(actor, d.tag.id),
  ]);
  const flags = flagsOf(d);
  const tables = tagTables(d);
  return (
    <div className="space-y-8">
      <PageHeader
        title={`${d.tag.name}: dashboard`}
        eyebrow={
          <>
            <Link href="/toc" className="text-brand-700 underline">
              Dashboard
            </Link>{" "}
            / {d.tag.name}
          </>
        }
      >
        <p className="text-sm text-slate-700">
          As of <DateTime iso={at.toISOString()} />. Dates in the tables and CSV files are UTC days. See also the{" "}
          <Link href={`/tags/${d.tag.slug}`} className="text-brand-700 underline">
            TAG page
          </Link>{" "}
          and its{" "}
          <Link href={`/manage/${d.tag.slug}`} className="text-brand-700 underline">
            lead console
          </Link>
          .
        </p>
      </PageHeader>

      <Section id="attention" title="Needs attention">
        <FlagList flags={flags} />
      </Section>

      <Section id="charts" title="Charts" hideTitle plain className="grid gap-6 md:grid-cols-2">
        {d.roles.map((r) => (
          <ChartCard
            key={r.key}
            title={`${roleFiguresText(r)}, by region`}
            caption={`${r.name} holders by region`}
            bars={[
              ...REGIONS.map((g) => ({
                label: g,
                value: r.byRegion[g],
                min: r.minPerRegion[g],
                max: r.maxPerRegion[g],
              })),
              ...(r.byRegion.unknown ? [{ label: "unknown", value: r.byRegion.unknown }] : []),
            ]}
          >
            {r.largestEmployer && (
              <p className={`mt-1 text-sm ${r.overEmployerCap ? "font-semibold text-red-800" : "text-slate-700"}`}>
                Largest employer: {r.largestEmployer.name}, {r.largestEmployer.count} of {r.holders}
                {r.maxPerEmployer !== null ? ` (cap ${r.maxPerEmployer})` : ""}
                {r.overEmployerCap ? ": over the cap" : ""}
              </p>
            )}
          </ChartCard>
        ))}
        <ChartCard
          title="Help-wanted flow"
          caption="Help-wanted flow"
          bars={[
            { label: "Open items", value: d.flow.open },
            { label: "Held claims", value: d.flow.held },
            { label: "Completed (90 days)", value: d.flow.done90 },
            { label: "Stale claims", value: d.flow.stale },
          ]}
        />
      </Section>

      {trends && <TrendCharts trends={trends} scope={d.tag.name} />}

      <RepresentationSection
        representation={representation}
        slug={d.tag.slug}
        mayEdit={can(actor, "tag.settings", d.tag.id)}
      />

      {tables.map((t) => (
        <Section
          key={t.key}
          id={`table-${t.key}`}
          title={t.title}
          size="lg"
          empty={t.rows.length === 0 && t.empty}
          actions={
            <a href={`/toc/${d.tag.slug}/${t.key}.csv`} download className="text-sm text-brand-700 underline">
              Download “{t.title}” (CSV)
            </a>
          }
        >
          <DataTable
            caption={t.title}
            rows={t.rows}
            rowKey={(_, i) => String(i)}
            columns={t.columns.map((header, j) => ({
              header,
              cell: (r: Cell[]) => r[j] ?? "—",
              sort: (r: Cell[]) => r[j] ?? null,
            }))}
          />
        </Section>
      ))}
    </div>
  );
}
