import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import { MyElections } from "@/components/elections/my-elections";
import { PHASE_LABEL, seatsText } from "@/components/elections/labels";
import { LocalTime } from "@/components/ui/local-time";
import { getActor } from "@/lib/auth/actor";
import { canInAnyTag } from "@/lib/auth/permissions";
import { listElections } from "@/lib/elections/queries";
import { PHASES } from "@/lib/elections/schemas";
import { listTags } from "@/lib/tags/queries";
import { parseId } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Elections" };

type Props = { searchParams: Promise<{ tag?: string; phase?: string; cursor?: string }> };

const isPhase = (p: string | undefined): p is (typeof PHASES)[number] =>
  !!p && (PHASES as readonly string[]).includes(p);

export default async function ElectionsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const phase = isPhase(sp.phase) ? sp.phase : undefined;
  const cursor = parseId(sp.cursor) ?? undefined;
  const actor = await getActor();
  const [{ items, nextCursor }, tags] = await Promise.all([
    listElections({ tagSlug: sp.tag || undefined, phase, cursor }, actor),
    listTags(),
  ]);
  const next = new URLSearchParams({
    ...(sp.tag ? { tag: sp.tag } : {}),
    ...(phase ? { phase } : {}),
    ...(nextCursor ? { cursor: nextCursor } : {}),
  });
  const mayRun = canInAnyTag(actor, "election.run");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold text-slate-900">Elections</h1>
        {mayRun && (
          <Link
            href="/elections/new"
            className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
          >
            Set up an election
          </Link>
        )}
      </div>
      <MyElections viewer={actor} />
      <form
        method="get"
        aria-label="Filter elections"
        className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200"
      >
        <FilterSelect
          id="filter-tag"
          name="tag"
          label="TAG"
          value={sp.tag}
          allLabel="All TAGs"
          options={tags.map((t) => ({ value: t.slug, label: t.name }))}
        />
        <FilterSelect
          id="filter-phase"
          name="phase"
          label="Phase"
          value={phase}
          allLabel="Any phase"
          options={PHASES.map((p) => ({ value: p, label: PHASE_LABEL[p] ?? p }))}
        />
        <button
          type="submit"
          className="rounded-md bg-white px-4 py-2 font-medium text-brand-800 ring-1 ring-brand-300 hover:bg-brand-50"
        >
          Show
        </button>
      </form>
      {items.length === 0 ? (
        <p className="rounded-xl bg-white p-8 text-slate-700 ring-1 ring-slate-200">
          {sp.tag || phase
            ? "No election matches these filters."
            : "No elections yet. When a TAG opens nominations, the election appears here with its windows, candidates and, once published, its results."}
        </p>
      ) : (
        <ul className="space-y-3">
          {items.map((e) => (
            <li key={e.id} className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
              <p>
                <Link href={`/elections/${e.id}`} className="text-lg font-medium text-brand-700 underline">
                  {e.title}
                </Link>
              </p>
              <p className="text-sm text-slate-700">
                {e.tag.name} · {e.roleName}: {seatsText(e.seatsByRegion)} · <strong>{PHASE_LABEL[e.phase]}</strong>
              </p>
              <p className="text-sm text-slate-600">
                Nominations <LocalTime iso={e.nominationsOpenAt.toISOString()} /> to{" "}
                <LocalTime iso={e.nominationsCloseAt.toISOString()} />; voting{" "}
                <LocalTime iso={e.votingOpenAt.toISOString()} /> to <LocalTime iso={e.votingCloseAt.toISOString()} />
                {e.phase === "published" && (
                  <>
                    {" "}
                    ·{" "}
                    <Link href={`/elections/${e.id}/results`} className="text-brand-700 underline">
                      results
                    </Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      {nextCursor && (
        <p>
          <Link href={`/elections?${next.toString()}`} className="text-brand-700 underline">
            Older elections
          </Link>
        </p>
      )}
    </div>
  );
}
