import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/forbidden";
import { BarChart } from "@/components/ui/bar-chart";
import { DataTable } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { getActor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { getTagDashboard } from "@/lib/dashboards/queries";
import { flagsOf, roleFiguresText, tagTables } from "@/lib/dashboards/tables";
import { AppError } from "@/lib/errors";
import { REGIONS } from "@/lib/roles/seat-rules";

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
  const flags = flagsOf(d);
  const tables = tagTables(d);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/toc" className="text-brand-700 underline">
            Dashboard
          </Link>{" "}
          / {d.tag.name}
        </p>
        <h1 className="text-3xl font-bold text-brand-800">{d.tag.name}: dashboard</h1>
        <p className="text-sm text-slate-700">
          As of <LocalTime iso={at.toISOString()} />. Dates in the tables and CSV files are UTC days. See also the{" "}
          <Link href={`/tags/${d.tag.slug}`} className="text-brand-700 underline">
            TAG page
          </Link>{" "}
          and its{" "}
          <Link href={`/manage/${d.tag.slug}`} className="text-brand-700 underline">
            lead console
          </Link>
          .
        </p>
      </header>

      <section aria-labelledby="attention" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="attention" className="text-xl font-semibold text-slate-900">
          Needs attention
        </h2>
        {flags.length === 0 ? (
          <p className="mt-2 text-green-800">Nothing needs attention.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {flags.map((f) => (
              <li key={f} className="rounded bg-amber-50 px-2 py-1 text-amber-950 ring-1 ring-amber-200">
                {f}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="charts" className="grid gap-6 md:grid-cols-2">
        <h2 id="charts" className="sr-only">
          Charts
        </h2>
        {d.roles.map((r) => (
          <div key={r.key} className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
            <h3 className="font-semibold text-slate-900">{roleFiguresText(r)}, by region</h3>
            <BarChart
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
            />
            {r.largestEmployer && (
              <p className={`mt-1 text-sm ${r.overEmployerCap ? "font-semibold text-red-800" : "text-slate-700"}`}>
                Largest employer: {r.largestEmployer.name}, {r.largestEmployer.count} of {r.holders}
                {r.maxPerEmployer !== null ? ` (cap ${r.maxPerEmployer})` : ""}
                {r.overEmployerCap ? ": over the cap" : ""}
              </p>
            )}
          </div>
        ))}
        <div className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
          <h3 className="font-semibold text-slate-900">Help-wanted flow</h3>
          <BarChart
            caption="Help-wanted flow"
            bars={[
              { label: "Open items", value: d.flow.open },
              { label: "Held claims", value: d.flow.held },
              { label: "Completed (90 days)", value: d.flow.done90 },
              { label: "Stale claims", value: d.flow.stale },
            ]}
          />
        </div>
      </section>

      {tables.map((t) => (
        <DataTable key={t.key} table={t} csvHref={`/toc/${d.tag.slug}/${t.key}.csv`} />
      ))}
    </div>
  );
}
