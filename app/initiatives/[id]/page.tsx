import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/ui/local-time";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getInitiative } from "@/lib/initiatives/queries";
import { STATE_LABEL } from "@/lib/initiatives/schemas";
import { CheckInForm, JoinButton, StateForm } from "./_components/initiative-forms";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

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
      <header>
        <Breadcrumbs
          trail={[
            { href: "/tags", label: "TAGs" },
            { href: `/tags/${ini.tag.slug}`, label: ini.tag.name },
          ]}
          current={`Initiative: ${ini.name}`}
        />
        <h1 className="text-3xl font-bold text-brand-800">{ini.name}</h1>
        <p className="mt-2">
          <span
            className={`rounded px-2 py-0.5 text-sm font-medium ${ini.state === "stale" ? "bg-amber-100 text-amber-900" : "bg-brand-50 text-brand-800"}`}
          >
            {STATE_LABEL[ini.state]}
          </span>
          {ini.sponsorId && <span className="ml-3 text-sm text-slate-700">Sponsor: {who(ini.sponsorId)}</span>}
        </p>
        {ini.description && <p className="mt-3 max-w-3xl whitespace-pre-line text-slate-700">{ini.description}</p>}
        <p className="mt-3 max-w-3xl text-slate-700">
          <strong>Exit criteria:</strong> {ini.exitCriteria}
        </p>
      </header>
      <section aria-labelledby="items-h" className="space-y-2">
        <h2 id="items-h" className="text-xl font-semibold text-slate-900">
          Help-wanted items
        </h2>
        {ini.items.length === 0 ? (
          <p className="text-slate-600">No items yet.</p>
        ) : (
          <ul className="list-disc pl-6">
            {ini.items.map((i) => (
              <li key={i.id}>
                <Link href={`/help-wanted/${i.id}`} className="text-brand-700 underline">
                  {i.title}
                </Link>{" "}
                <span className="text-sm text-slate-600">({i.status})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="people-h" className="space-y-2">
        <h2 id="people-h" className="text-xl font-semibold text-slate-900">
          People
        </h2>
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
      </section>
      <section aria-labelledby="checkins-h" className="space-y-3">
        <h2 id="checkins-h" className="text-xl font-semibold text-slate-900">
          Check-ins
        </h2>
        <p className="text-sm text-slate-600">
          {ini.lastCheckInAt ? (
            <>
              Last check-in <LocalTime iso={ini.lastCheckInAt.toISOString()} showRelative />.
            </>
          ) : (
            "No check-in yet."
          )}{" "}
          Initiatives without a check-in for three months are flagged stale.
        </p>
        {(involved || isLead) && <CheckInForm initiativeId={ini.id} />}
        <ul className="space-y-2">
          {ini.checkIns.map((c) => (
            <li key={c.id} className="rounded-lg bg-white p-3 ring-1 ring-slate-200">
              <p className="text-sm text-slate-600">
                {who(c.authorId)} · <LocalTime iso={c.createdAt.toISOString()} />
              </p>
              <p className="whitespace-pre-line text-slate-800">{c.body}</p>
            </li>
          ))}
        </ul>
      </section>
      {isLead && (
        <section aria-labelledby="manage-h" className="space-y-2">
          <h2 id="manage-h" className="text-xl font-semibold text-slate-900">
            Manage
          </h2>
          <StateForm initiativeId={ini.id} current={ini.state} />
        </section>
      )}
    </div>
  );
}
