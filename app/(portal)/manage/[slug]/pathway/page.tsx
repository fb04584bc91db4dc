import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/forbidden";
import { StepNeeds } from "@/components/pathways/standing-summary";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { PersonLink } from "@/components/ui/person-link";
import { Section } from "@/components/ui/section";
import { DateOnly } from "@/components/ui/time";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { KNOWN_KIND_WORDS } from "@/lib/pathways/ladder";
import { getTagPathway } from "@/lib/pathways/queries";
import { endPairingAction } from "@/app/(portal)/pathways/actions";
import { pairMentorAction, saveLadderAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Leadership pathway" };

/** A TAG's ladder for its leads: the editor, who is ready for a next step, everyone's standing, mentor pairings. */
export default async function TagPathwayPage({ params }: Props) {
  const { slug } = await params;
  await requireUser(`/manage/${slug}/pathway`);
  const [at, actor] = await Promise.all([now(), getActor()]);
  const p = await getTagPathway(slug, at);
  if (!p) notFound();
  if (!can(actor, "pathway.pair", p.tag.id)) return <Forbidden what={`the leadership pathway of ${p.tag.name}`} />;
  const ready = p.people.filter((x) => x.standing.ready);
  return (
    <div className="space-y-8">
      <PageHeader
        title={`Leadership pathway: ${p.tag.name}`}
        eyebrow={<span className="font-mono">tag-{p.tag.slug}</span>}
      >
        <p className="max-w-3xl text-slate-700">
          The steps people climb toward leading this TAG, computed from the contributions the TAG counts.{" "}
          <Link href={`/manage/${p.tag.slug}`} className="text-brand-700 underline">
            Lead console
          </Link>
        </p>
      </PageHeader>

      {can(actor, "pathway.define", p.tag.id) && (
        <ActionForm
          action={saveLadderAction}
          title={p.ladder ? "Change the ladder" : "Define the ladder"}
          level={2}
          hidden={{ tagId: p.tag.id, version: String(p.version) }}
          fields={[
            {
              name: "steps",
              label: "Steps, one per line, lowest first",
              type: "textarea",
              required: true,
              defaultValue: p.text,
              hint: `For example "Reviewer: 3 reviews in 6 months, 2 meetings attended" or "Shadow: 1 assessment; mentor sign-off". Without "in N months" a count uses the TAG's activity window (${p.tag.activityWindowMonths} months). Kinds: ${KNOWN_KIND_WORDS.join(", ")}.`,
            },
          ]}
          submit="Save ladder"
        />
      )}

      <Section
        id="ready"
        title="Ready for a next step"
        count={ready.length}
        description="Their counts for the next step are met; only a mentor's sign-off is missing."
        empty="Nobody is waiting for a sign-off."
      >
        <ul className="mt-3 space-y-2">
          {ready.map((x) => (
            <li key={x.user.id}>
              <PersonLink login={x.user.login} strong /> for <strong>{x.standing.next?.name}</strong>
            </li>
          ))}
        </ul>
      </Section>

      <Section
        id="standing"
        title="Everyone's standing"
        count={p.people.length}
        empty={p.ladder ? "Nobody has a counted contribution in the ladder's windows yet." : "Define the ladder first."}
      >
        <div className="mt-3">
          <DataTable
            caption="Standing of each contributor on the ladder"
            rows={p.people}
            rowKey={(x) => x.user.id}
            columns={[
              {
                header: "Person",
                cell: (x) => <PersonLink login={x.user.login} />,
                sort: (x) => x.user.login,
                rowHeader: true,
              },
              { header: "Reached", cell: (x) => x.standing.reached ?? "No step yet" },
              {
                header: "Next step needs",
                cell: (x) =>
                  x.standing.next ? (
                    <>
                      <span className="font-medium">{x.standing.next.name}</span>{" "}
                      {x.standing.ready && <Badge tone="amber">Ready</Badge>}
                      <StepNeeds step={x.standing.next} />
                    </>
                  ) : (
                    "At the top"
                  ),
              },
            ]}
          />
        </div>
      </Section>

      <Section id="mentoring" title="Mentor pairings" count={p.pairings.length}>
        {p.pairings.length > 0 && (
          <ul className="mt-3 space-y-3">
            {p.pairings.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3">
                <span>
                  <PersonLink login={m.mentor.login} /> mentors <PersonLink login={m.mentee.login} /> since{" "}
                  <DateOnly date={m.startedAt} />
                </span>
                <ActionForm
                  action={endPairingAction}
                  hidden={{ pairingId: m.id }}
                  label={`End the pairing of @${m.mentor.login} and @${m.mentee.login}`}
                  submit="End pairing"
                  variant="neutral"
                  compact
                />
              </li>
            ))}
          </ul>
        )}
        <ActionForm
          action={pairMentorAction}
          title="Pair a mentor and a mentee"
          className="mt-4"
          hidden={{ tagId: p.tag.id }}
          columns={2}
          fields={[
            { name: "mentor", label: "Mentor (GitHub login)", required: true },
            { name: "mentee", label: "Mentee (GitHub login)", required: true },
          ]}
          submit="Pair them"
        />
      </Section>
    </div>
  );
}
