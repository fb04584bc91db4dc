import type { Metadata } from "next";
import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { FilterForm, optionsOf } from "@/components/ui/filter-select";
import { MyElections } from "@/components/elections/my-elections";
import { PHASE_LABEL, seatsText } from "@/components/elections/labels";
import { DateTime } from "@/components/ui/time";
import { PageHeader } from "@/components/ui/page-header";
import { Card, EmptyState } from "@/components/ui/section";
import { getActor } from "@/lib/auth/actor";
import { canInAnyTag } from "@/lib/auth/permissions";
import { listElections } from "@/lib/elections/queries";
import { PHASES } from "@/lib/elections/schemas";
import { listTags } from "@/lib/tags/queries";
import { parseId } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Elections" };

type Props = { searchParams: Promise<{ tag?: string; phase?: string; cursor?: string }> };

const PHASE_OPTIONS = optionsOf(PHASES.map((p) => [p, PHASE_LABEL[p] ?? p] as const));

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
      <PageHeader
        title="Elections"
        compact
        actions={
          mayRun && (
            <>
              <LinkButton href="/elections/import" variant="secondary">
                Import from Elekto
              </LinkButton>
              <LinkButton href="/elections/new">Set up an election</LinkButton>
            </>
          )
        }
      />
      <MyElections viewer={actor} />
      <FilterForm
        label="Filter elections"
        prefix="filter"
        values={{ tag: sp.tag, phase }}
        specs={[
          {
            name: "tag",
            label: "TAG",
            all: "All TAGs",
            options: optionsOf(tags.map((t) => [t.slug, t.name] as const)),
          },
          { name: "phase", label: "Phase", all: "Any phase", options: PHASE_OPTIONS },
        ]}
        submit="Show"
        secondary
      />
      {items.length === 0 ? (
        <EmptyState>
          {sp.tag || phase
            ? "No election matches these filters."
            : "No elections yet. When a TAG opens nominations, the election appears here with its windows, candidates and, once published, its results."}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((e) => (
            <Card as="li" key={e.id} padding="sm">
              <p>
                <Link href={`/elections/${e.id}`} className="text-lg font-medium text-brand-700 underline">
                  {e.title}
                </Link>
              </p>
              <p className="text-sm text-slate-700">
                {e.tag.name} · {e.roleName}: {seatsText(e.seatsByRegion)} · <strong>{PHASE_LABEL[e.phase]}</strong>
                {e.isTest && " · test election"}
              </p>
              <p className="text-sm text-slate-600">
                Nominations <DateTime iso={e.nominationsOpenAt.toISOString()} /> to{" "}
                <DateTime iso={e.nominationsCloseAt.toISOString()} />; voting{" "}
                <DateTime iso={e.votingOpenAt.toISOString()} /> to <DateTime iso={e.votingCloseAt.toISOString()} />
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
            </Card>
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
