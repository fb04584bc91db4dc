import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { LocalTime } from "@/components/ui/local-time";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { SEAT_STATUS_LABEL } from "@/lib/vocabulary";
import {
  checkInDueAt,
  findLiaison,
  isChasedOverdue,
  liaisonOnLeave,
  listProjectNames,
  loginsOf,
} from "@/lib/liaisons/queries";
import { dayValue } from "@/lib/liaisons/schemas";
import { logCheckInAction, updateLiaisonAction } from "../actions";
import { Day, HealthBadge, OverdueBadge, targetName } from "@/components/liaisons/badges";
import { CheckInForm, EditLiaisonForm } from "../_components/liaison-forms";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

// A malformed id is simply not found (never a database error).
const load = cache(async (id: string) => (z.uuid().safeParse(id).success ? findLiaison(id) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const l = await load((await params).id);
  return { title: l ? `Liaison to ${targetName(l)}` : "Liaison not found" };
}

/** One liaison: who, for which TAG, to what, how often, and every check-in. */
export default async function LiaisonPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { created } = await searchParams;
  const user = await requireUser(`/liaisons/${id}`);
  const [l, actor, at] = await Promise.all([load(id), getActor(), now()]);
  if (!l) notFound();
  const { tag, user: person, status } = l.assignment;
  const mayManage = can(actor, "roster.manage", tag.id);
  const mayLog = person.id === user.id || mayManage;
  const overdue = isChasedOverdue(l, at);
  const [authors, projectNames] = await Promise.all([
    loginsOf(l.checkIns.flatMap((c) => (c.authorId ? [c.authorId] : []))),
    mayManage ? listProjectNames() : [],
  ]);
  const target = targetName(l);

  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/liaisons" className="text-brand-700 underline">
          All liaisons
        </Link>
      </p>
      {created && (
        <p role="status" className="rounded-md bg-green-50 p-2 text-green-900 ring-1 ring-green-200">
          Liaison created. @{person.login} was told.
        </p>
      )}
      <header className="space-y-2">
        <p className="text-sm text-slate-600">TAG Ambassador liaison</p>
        <h1 className="flex flex-wrap items-center gap-3 text-3xl font-bold text-brand-800">
          Liaison to {target}
          {overdue && <OverdueBadge />}
        </h1>
        {liaisonOnLeave(l, at) ? (
          <p className="text-slate-700">This seat is on leave: check-ins are not chased until it ends.</p>
        ) : (
          status !== "active" && (
            <p className="text-slate-700">This seat is {SEAT_STATUS_LABEL[status].toLowerCase()}.</p>
          )
        )}
      </header>

      <section aria-labelledby="facts" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="facts" className="font-semibold text-slate-900">
          About
        </h2>
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium text-slate-900">Liaison</dt>
            <dd>
              <Link href={`/people/${person.login}`} className="text-brand-700 underline">
                @{person.login}
              </Link>
              {person.name && <span className="text-slate-700"> ({person.name})</span>}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">TAG</dt>
            <dd>
              <Link href={`/tags/${tag.slug}`} className="text-brand-700 underline">
                {tag.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">{l.project ? "CNCF project" : "Foundation"}</dt>
            <dd>
              {l.project ? (
                <Link href={`/projects/${l.project.name}`} className="text-brand-700 underline">
                  {l.project.displayName}
                </Link>
              ) : (
                <span className="text-slate-700">{l.foundation}</span>
              )}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">Cadence</dt>
            <dd className="text-slate-700">A check-in every {l.cadenceDays} days</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">Last check-in</dt>
            <dd className="text-slate-700">{l.lastCheckInAt ? <Day date={l.lastCheckInAt} /> : "None yet"}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-900">Next check-in due</dt>
            <dd className={overdue ? "font-medium text-red-800" : "text-slate-700"}>
              <LocalTime iso={checkInDueAt(l).toISOString()} />
            </dd>
          </div>
        </dl>
      </section>

      {mayLog && (
        <section aria-labelledby="log" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
          <h2 id="log" className="text-xl font-semibold text-slate-900">
            Log a check-in
          </h2>
          <div className="mt-3">
            <CheckInForm action={logCheckInAction} liaisonId={l.id} today={dayValue(at)} />
          </div>
        </section>
      )}

      <section aria-labelledby="history" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="history" className="text-xl font-semibold text-slate-900">
          Check-ins ({l.checkIns.length})
        </h2>
        {l.checkIns.length === 0 ? (
          <p className="mt-2 text-slate-600">No check-ins yet.</p>
        ) : (
          <ol className="mt-3 space-y-4" aria-label="Check-in history">
            {l.checkIns.map((c) => (
              <li key={c.id} className="space-y-1 rounded-md p-3 ring-1 ring-slate-200">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium text-slate-900">
                    <Day date={c.date} />
                  </span>
                  <HealthBadge health={c.health} />
                  {c.authorId && c.authorId !== person.id && authors.get(c.authorId) && (
                    <span className="text-slate-600">logged by @{authors.get(c.authorId)}</span>
                  )}
                </p>
                <p className="whitespace-pre-line text-slate-800">{c.notes}</p>
                {c.link && (
                  <a href={c.link} className="break-all text-sm text-brand-700 underline" rel="noopener noreferrer">
                    {c.link}
                  </a>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      {mayManage && (
        <section aria-labelledby="edit" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
          <h2 id="edit" className="text-xl font-semibold text-slate-900">
            Change target or cadence
          </h2>
          <div className="mt-3">
            <EditLiaisonForm
              action={updateLiaisonAction}
              liaisonId={l.id}
              projectNames={projectNames}
              initial={{
                projectName: l.project?.name,
                foundation: l.foundation ?? undefined,
                cadenceDays: String(l.cadenceDays),
              }}
            />
          </div>
        </section>
      )}
    </div>
  );
}
