import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DefinitionItem, DefinitionList } from "@/components/ui/definition-list";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Section, Tile } from "@/components/ui/section";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import {
  checkInDueAt,
  findLiaison,
  isChasedOverdue,
  liaisonOnLeave,
  listProjectNames,
  loginsOf,
} from "@/lib/liaisons/queries";
import { SEAT_STATUS_LABEL } from "@/lib/vocabulary";
import { dayValue } from "@/lib/liaisons/schemas";
import { parseId } from "@/lib/vocabulary";
import { endLiaisonAction, logCheckInAction, updateLiaisonAction } from "../actions";
import { HealthBadge, OverdueBadge, targetName } from "@/components/liaisons/badges";
import { DateOnly } from "@/components/ui/time";
import { CheckInForm, EditLiaisonForm, EndLiaisonForm } from "../_components/liaison-forms";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

// A malformed id is simply not found (never a database error).
const load = cache(async (raw: string) => {
  const id = parseId(raw);
  return id ? findLiaison(id) : null;
});

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
  const ended = l.endedAt !== null;
  // An ended liaison is history: nobody changes it or logs check-ins any more.
  const mayManage = !ended && can(actor, "roster.manage", tag.id);
  const mayLog = !ended && (person.id === user.id || mayManage);
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
      {created && <Notice role="status">Liaison created. @{person.login} was told.</Notice>}
      <PageHeader
        eyebrow="TAG Ambassador liaison"
        title={
          <span className="flex flex-wrap items-center gap-3">
            Liaison to {target}
            {overdue && <OverdueBadge />}
          </span>
        }
      >
        {l.endedAt ? (
          <p className="text-slate-700">
            This liaison ended on <DateOnly date={l.endedAt} />
            {l.endedReason && `: ${l.endedReason}`}. Its check-ins stay as history.
          </p>
        ) : liaisonOnLeave(l, at) ? (
          <p className="text-slate-700">This seat is on leave: check-ins are not chased until it ends.</p>
        ) : (
          status !== "active" && (
            <p className="text-slate-700">This seat is {SEAT_STATUS_LABEL[status].toLowerCase()}.</p>
          )
        )}
      </PageHeader>

      <Section id="facts" title="About" size="base">
        <DefinitionList layout="grid" className="mt-3">
          <DefinitionItem term="Liaison">
            <Link href={`/people/${person.login}`} className="text-brand-700 underline">
              @{person.login}
            </Link>
            {person.name && ` (${person.name})`}
          </DefinitionItem>
          <DefinitionItem term="TAG">
            <Link href={`/tags/${tag.slug}`} className="text-brand-700 underline">
              {tag.name}
            </Link>
          </DefinitionItem>
          <DefinitionItem term={l.project ? "CNCF project" : "Foundation"}>
            {l.project ? (
              <Link href={`/projects/${l.project.name}`} className="text-brand-700 underline">
                {l.project.displayName}
              </Link>
            ) : (
              l.foundation
            )}
          </DefinitionItem>
          <DefinitionItem term="Cadence">A check-in every {l.cadenceDays} days</DefinitionItem>
          <DefinitionItem term="Last check-in">
            {l.lastCheckInAt ? <DateOnly date={l.lastCheckInAt} /> : "None yet"}
          </DefinitionItem>
          {!ended && (
            <DefinitionItem term="Next check-in due">
              <span className={overdue ? "font-medium text-red-800" : undefined}>
                <DateOnly date={checkInDueAt(l)} />
              </span>
            </DefinitionItem>
          )}
        </DefinitionList>
      </Section>

      {mayLog && (
        <Section id="log" title="Log a check-in">
          <CheckInForm action={logCheckInAction} liaisonId={l.id} today={dayValue(at)} />
        </Section>
      )}

      <Section id="history" title="Check-ins" count={l.checkIns.length} empty="No check-ins yet.">
        <ol className="mt-3 space-y-4" aria-label="Check-in history">
          {l.checkIns.map((c) => (
            <Tile key={c.id} className="space-y-1">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium text-slate-900">
                  <DateOnly date={c.date} />
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
            </Tile>
          ))}
        </ol>
      </Section>

      {mayManage && (
        <Section id="edit" title="Change target or cadence">
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
        </Section>
      )}

      {mayManage && (
        <Section id="end" title="End the liaison">
          <EndLiaisonForm action={endLiaisonAction} liaisonId={l.id} login={person.login} />
        </Section>
      )}
    </div>
  );
}
