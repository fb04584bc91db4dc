import type { Metadata } from "next";
import { RelativeTime } from "@/components/ui/relative-time";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/time";
import { PageHeader } from "@/components/ui/page-header";
import { Card, ListSection, Section } from "@/components/ui/section";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getInitiative } from "@/lib/initiatives/queries";
import { STATE_LABEL } from "@/lib/initiatives/schemas";
import { CheckInForm, JoinButton, StateForm } from "./_components/initiative-forms";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ItemLink } from "@/components/help-wanted/item-link";

export const metadata: Metadata = { title: "Initiative" };

export default async function InitiativePage({ params }: { params: Promise<{ id: string }> }) {
  const ini = await getInitiative((await params).id);
  if (!ini) notFound();
  const actor = await getActor();
  const isLead = can(actor, "initiative.manage", ini.tag.id);
  const involved = !!actor && (ini.sponsorId === actor.id || ini.participants.some((p) => p.userId === actor.id));
  const who = (id: string | null) => (id && ini.people.get(id) ? `@${ini.people.get(id)!.login}` : "a former member");
  return (
    <div className="space-y-8">
      <PageHeader
        title={ini.name}
        eyebrow={
          <Breadcrumbs
            trail={[
              { href: "/tags", label: "TAGs" },
              { href: `/tags/${ini.tag.slug}`, label: ini.tag.name },
            ]}
            current={`Initiative: ${ini.name}`}
          />
        }
      >
        <p>
          <Badge tone={ini.state === "stale" ? "amber" : "brand"}>{STATE_LABEL[ini.state]}</Badge>
          {ini.sponsorId && <span className="ml-3 text-sm text-slate-700">Sponsor: {who(ini.sponsorId)}</span>}
        </p>
        {ini.description && <p className="max-w-3xl whitespace-pre-line text-slate-700">{ini.description}</p>}
        <p className="max-w-3xl text-slate-700">
          <strong>Exit criteria:</strong> {ini.exitCriteria}
        </p>
      </PageHeader>
      <ListSection
        id="items-h"
        title="Help-wanted items"
        items={ini.items}
        empty="No items yet."
        listClassName="list-disc pl-6"
      >
        {(i) => (
          <>
            <ItemLink item={i} /> <span className="text-sm text-slate-600">({i.status})</span>
          </>
        )}
      </ListSection>
      <Section id="people-h" title="People" plain className="space-y-2">
        {ini.participants.length === 0 ? (
          <p className="text-slate-600">Nobody has joined yet.</p>
        ) : (
          <ul className="flex flex-wrap gap-3">
            {ini.participants.map((p) => (
              <li key={p.userId}>{who(p.userId)}</li>
            ))}
          </ul>
        )}
        {actor && !involved && <JoinButton initiativeId={ini.id} />}
        {involved && <p className="text-sm text-slate-700">You take part in this initiative.</p>}
      </Section>
      <Section
        id="checkins-h"
        title="Check-ins"
        plain
        description={
          <>
            {ini.lastCheckInAt ? (
              <>
                Last check-in <RelativeTime at={ini.lastCheckInAt} />.
              </>
            ) : (
              "No check-in yet."
            )}{" "}
            Initiatives without a check-in for three months are flagged stale.
          </>
        }
      >
        {(involved || isLead) && <CheckInForm initiativeId={ini.id} />}
        <ul className="space-y-2">
          {ini.checkIns.map((c) => (
            <Card as="li" key={c.id} padding="sm">
              <p className="text-sm text-slate-600">
                {who(c.authorId)} · <DateTime iso={c.createdAt.toISOString()} />
              </p>
              <p className="whitespace-pre-line text-slate-800">{c.body}</p>
            </Card>
          ))}
        </ul>
      </Section>
      {isLead && (
        <Section id="manage-h" title="Manage" plain className="space-y-2">
          <StateForm initiativeId={ini.id} current={ini.state} />
        </Section>
      )}
    </div>
  );
}
