import Link from "next/link";
import { listInitiatives } from "@/lib/initiatives/queries";
import { STATE_LABEL as INITIATIVE_STATE_LABEL } from "@/lib/initiatives/schemas";
import { createInitiativeAction } from "@/app/initiatives/[id]/actions";
import { CreateInitiativeForm } from "@/components/initiatives/create-initiative-form";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TagElections } from "@/components/elections/tag-elections";
import { Markdown } from "@/components/markdown";
import { RosterTable, SEAT_LABEL, type SeatRow } from "@/components/roster-table";
import { DefinitionItem, DefinitionList } from "@/components/ui/definition-list";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { Card, Heading, Section } from "@/components/ui/section";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { lastContributionText, rosterActivity } from "@/lib/contributions/activity";
import {
  listLeadershipTimeline,
  listRoster,
  listTermsEnding,
  summarizeRoles,
  type RoleDefinitionRow,
  type RosterRow,
} from "@/lib/roles/queries";
import { parseRegionCounts, REGIONS } from "@/lib/roles/seat-rules";
import { findTagBySlug } from "@/lib/tags/queries";
import { AppointForm } from "./_components/appoint-form";
import { AppointToRoleForm } from "./_components/appoint-to-role-form";
import { DefineRoleForm, type RoleDefaults } from "./_components/define-role-form";
import { EndSeatForm } from "./_components/end-seat-form";
import { RoleWarnings } from "./_components/role-warnings";
import { LeaveForm, MoveToFellowForm, SeatChangeForm } from "./_components/seat-controls";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await findTagBySlug((await params).slug);
  return { title: tag?.name ?? "TAG not found" };
}

const AMBASSADOR_LABEL: Record<string, string> = {
  project_liaison: "project liaison",
  foundation_liaison: "foundation liaison",
  community_organizer: "community organizer",
};

function defaultsOf(d: RoleDefinitionRow): RoleDefaults {
  const max = parseRegionCounts(d.maxPerRegion);
  const min = parseRegionCounts(d.minPerRegion);
  const s = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return {
    roleKey: d.roleKey,
    name: d.name,
    kind: d.kind,
    ambassadorKind: d.ambassadorKind ?? "",
    responsibilities: d.responsibilities,
    hoursPerMonth: s(d.hoursPerMonth),
    termMonths: s(d.termMonths),
    selection: d.selection,
    escalationPath: d.escalationPath,
    totalSeats: s(d.totalSeats),
    maxAPAC: s(max.APAC),
    maxEMEA: s(max.EMEA),
    maxAmericas: s(max.Americas),
    minAPAC: s(min.APAC),
    minEMEA: s(min.EMEA),
    minAmericas: s(min.Americas),
    maxPerEmployer: s(d.maxPerEmployer),
    eligibilityMinRecords: s(d.eligibilityMinRecords),
    eligibilityWindowMonths: s(d.eligibilityWindowMonths),
    needsTocApproval: d.needsTocApproval,
  };
}

function seatRulesText(d: RoleDefinitionRow): string {
  const max = parseRegionCounts(d.maxPerRegion);
  const min = parseRegionCounts(d.minPerRegion);
  const parts = [d.totalSeats ? `${d.totalSeats} in total` : "no total limit"];
  for (const r of REGIONS) {
    if (max[r] !== undefined) parts.push(`at most ${max[r]} from ${r}`);
    if (min[r] !== undefined) parts.push(`at least ${min[r]} from ${r}`);
  }
  if (d.maxPerEmployer) parts.push(`at most ${d.maxPerEmployer} per employer`);
  return parts.join(", ");
}

/** What a role definition says, as the terms and values of its card. */
function roleFacts(d: RoleDefinitionRow, holders: number, vacancies: number | null): [string, string][] {
  return [
    ["Holders", `${holders} (${seatRulesText(d)})${vacancies !== null ? `; ${vacancies} open` : ""}`],
    ["Term", d.termMonths ? `${d.termMonths} months` : "none"],
    ["Expected time", d.hoursPerMonth ? `${d.hoursPerMonth} hours a month` : "not set"],
    [
      "Selection",
      `${d.selection === "election" ? "election" : "appointment by consensus"}${d.escalationPath ? `; escalation: ${d.escalationPath}` : ""}`,
    ],
    [
      "Eligibility",
      d.eligibilityMinRecords
        ? `at least ${d.eligibilityMinRecords} contribution records in the last ${d.eligibilityWindowMonths} months`
        : "anyone",
    ],
    ["TOC approval", d.needsTocApproval ? "needed for every change" : "not needed"],
  ];
}

const ACTION_LABEL: Record<string, string> = {
  "role.define": "defined or revised the role",
  "roster.appoint": "appointed",
  "roster.renew": "renewed",
  "roster.end": "ended the seat of",
  "roster.emeritus": "moved to emeritus",
  "roster.end-request": "asked the TOC to end the seat of",
  "roster.leave": "recorded a leave for",
  "roster.leave-own": "recorded their own leave",
  // Since issue 15 the TOC decides by vote: the actor is the member whose vote (or record) closed it.
  "leadership.approve": "closed the TOC vote approving the change for",
  "leadership.reject": "closed the TOC vote rejecting the change for",
  "leadership.remove-open": "opened a removal vote on",
  "leadership.remove-vote": "voted on the removal",
  "leadership.remove-passed": "closed the TOC vote (passed) removing",
  "leadership.remove-failed": "closed the TOC vote (failed) on removing",
};

export default async function TagPage({ params }: Props) {
  const tag = await findTagBySlug((await params).slug);
  if (!tag) notFound();
  const at = await now();
  const [roster, summaries, terms, timeline, actor, initiatives] = await Promise.all([
    listRoster(tag.id, at),
    summarizeRoles(tag.id, at),
    listTermsEnding(tag.id, at),
    listLeadershipTimeline(tag.id),
    getActor(),
    listInitiatives(tag.id),
  ]);
  // One set-based query for every holder's activity in this TAG (the TAG's own rule).
  const activity = await rosterActivity(
    roster.map((r) => r.userId),
    tag,
    at,
  );
  const seats = roster.map((r) => {
    const a = activity.get(r.userId)!;
    return { ...r, activity: { status: a.status, text: lastContributionText(a.lastAt, at) } };
  });
  const mayAppoint = can(actor, "roster.appoint", tag.id);
  const mayDefine = can(actor, "role.define", tag.id);
  const mayManage = can(actor, "roster.manage", tag.id);
  const defs = summaries.map((s) => s.def);
  const roleOptions = defs.map((d) => ({
    id: d.id,
    label:
      d.kind === "tag_ambassador" && d.ambassadorKind
        ? `${d.name} (TAG Ambassador, ${AMBASSADOR_LABEL[d.ambassadorKind]})`
        : d.name,
  }));
  const fellowRoles = roleOptions.filter((_, i) => defs[i]!.kind === "advisory_fellow");
  const held = (s: RosterRow) => s.status === "active" || s.status === "on_leave";
  const controls = (row: SeatRow) => {
    const s = roster.find((r) => r.id === row.id)!;
    const own = actor?.id === s.userId;
    return (
      <>
        {mayAppoint &&
          !own &&
          held(s) &&
          !s.endRequestedAt &&
          (s.roleDefinition ? (
            <SeatChangeForm
              assignmentId={s.id}
              who={s.user.login}
              renewable={!!s.roleDefinition.termMonths && !s.renewRequestedAt}
            />
          ) : (
            <EndSeatForm assignmentId={s.id} who={s.user.login} />
          ))}
        {mayAppoint && !own && held(s) && fellowRoles.length > 0 && s.kind !== "advisory_fellow" && (
          <MoveToFellowForm assignmentId={s.id} who={s.user.login} fellowRoles={fellowRoles} />
        )}
        {held(s) && (own || mayManage) && <LeaveForm assignmentId={s.id} who={s.user.login} own={own} />}
      </>
    );
  };
  return (
    <div className="space-y-8">
      <PageHeader title={tag.name} eyebrow={<span className="font-mono">tag-{tag.slug}</span>}>
        {tag.mission && <p className="max-w-3xl text-lg text-slate-700">{tag.mission}</p>}
      </PageHeader>
      <Section id="contact" title="How to take part" hideTitle plain className="grid gap-4 md:grid-cols-2">
        <Card>
          <DefinitionList>
            <DefinitionItem term="Mailing list">
              {tag.mailingList ? (
                <a className="text-brand-700 underline" href={tag.mailingList}>
                  {tag.mailingList}
                </a>
              ) : (
                "—"
              )}
            </DefinitionItem>
            <DefinitionItem term="Slack">{tag.slackChannel ?? "—"}</DefinitionItem>
            <DefinitionItem term="Meetings">
              <span className="whitespace-pre-line">{tag.meetings || "—"}</span>
            </DefinitionItem>
            <DefinitionItem term="Repositories">
              {tag.repositories.length === 0
                ? "—"
                : tag.repositories.map((r) => (
                    <a key={r} className="mr-3 text-brand-700 underline" href={`https://github.com/${r}`}>
                      {r}
                    </a>
                  ))}
            </DefinitionItem>
            <DefinitionItem term="TOC liaisons">
              {tag.tocLiaisons.length ? tag.tocLiaisons.map((l) => `@${l}`).join(", ") : "—"}
            </DefinitionItem>
            <DefinitionItem term="Leadership model">
              {tag.leadershipModel === "election"
                ? "Tech Leads elected"
                : "Appointed by consensus, with escalation to the TOC"}
            </DefinitionItem>
          </DefinitionList>
        </Card>
        <Card>
          <Heading level={3} size="base">
            Subprojects
          </Heading>
          {tag.subprojects.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No subprojects.</p>
          ) : (
            <ul className="mt-2 space-y-2 text-sm">
              {tag.subprojects.map((s) => (
                <li key={s.slug}>
                  <strong>{s.name}</strong>
                  {s.mission && <span className="text-slate-700"> — {s.mission}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </Section>
      <Section
        id="leadership"
        title="Leadership"
        plain
        className="space-y-4"
        actions={
          <a href={`/tags/${tag.slug}/roster.csv`} className="text-sm text-brand-700 underline">
            Download the roster (CSV)
          </a>
        }
      >
        <RosterTable seats={seats} controls={mayAppoint || actor ? controls : undefined} />
        <RoleWarnings
          summaries={summaries.map((s) => ({ name: s.def.name, vacancies: s.vacancies, warnings: s.warnings }))}
        />
        {mayAppoint && defs.length > 0 && <AppointToRoleForm roles={roleOptions} />}
        {mayAppoint && <AppointForm tagId={tag.id} tagName={tag.name} />}
      </Section>
      <Section
        id="terms"
        title="Terms ending in the next 90 days"
        plain
        className="space-y-2"
        empty={terms.length === 0 && "None."}
      >
        <ul className="space-y-1 text-sm">
          {terms.map((t) => (
            <li key={t.id}>
              @{t.user.login}, {t.roleDefinition?.name ?? SEAT_LABEL[t.kind] ?? t.kind}:{" "}
              <LocalTime iso={t.termEndAt!.toISOString()} />
            </li>
          ))}
        </ul>
      </Section>
      <Section id="roles" title="Roles" plain className="space-y-4">
        {defs.length === 0 && <p className="text-sm text-slate-600">This TAG has not defined its roles here yet.</p>}
        {summaries.map(({ def: d, holders, vacancies }) => (
          <Card as="article" key={d.id} className="space-y-2 text-sm" aria-labelledby={`def-${d.id}`}>
            <Heading id={`def-${d.id}`} level={3}>
              {d.name}{" "}
              <span className="text-sm font-normal text-slate-600">
                ({SEAT_LABEL[d.kind] ?? d.kind}
                {d.ambassadorKind ? `, ${AMBASSADOR_LABEL[d.ambassadorKind]}` : ""}; rules version {d.version})
              </span>
            </Heading>
            {d.responsibilities && <Markdown>{d.responsibilities}</Markdown>}
            <DefinitionList layout="grid">
              {roleFacts(d, holders, vacancies).map(([term, value]) => (
                <DefinitionItem key={term} term={term}>
                  {value}
                </DefinitionItem>
              ))}
            </DefinitionList>
            {mayDefine && (
              <details>
                <summary className="cursor-pointer text-brand-700 underline">
                  Edit {d.name} (saves a new version)
                </summary>
                <div className="mt-3">
                  <DefineRoleForm tagId={tag.id} defaults={defaultsOf(d)} />
                </div>
              </details>
            )}
          </Card>
        ))}
        {mayDefine && (
          <details className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
            <summary className="cursor-pointer font-semibold text-slate-900">Define a new role</summary>
            <div className="mt-3">
              <DefineRoleForm tagId={tag.id} />
            </div>
          </details>
        )}
      </Section>
      <TagElections tag={tag} viewer={actor} />
      <Section id="initiatives" title="Initiatives" plain className="space-y-3">
        {initiatives.length === 0 ? (
          <p className="text-slate-600">No initiatives yet.</p>
        ) : (
          <ul className="space-y-1">
            {initiatives.map((i) => (
              <li key={i.id}>
                <Link href={`/initiatives/${i.id}`} className="text-brand-700 underline">
                  {i.name}
                </Link>{" "}
                <span className="text-sm text-slate-600">
                  {INITIATIVE_STATE_LABEL[i.state]} · {i._count.participants} people · {i._count.items} items
                </span>
              </li>
            ))}
          </ul>
        )}
        {can(actor, "initiative.manage", tag.id) && (
          <CreateInitiativeForm tagId={tag.id} create={createInitiativeAction} />
        )}
      </Section>
      <Section
        id="timeline"
        title="Leadership timeline"
        plain
        className="space-y-2"
        empty={timeline.length === 0 && "No changes recorded yet."}
      >
        <ol className="space-y-1 text-sm">
          {timeline.map((e) => (
            <li key={e.id}>
              <LocalTime iso={e.at.toISOString()} /> · @{e.actor} {ACTION_LABEL[e.action] ?? e.action}
              {e.person && ` @${e.person}`}
              {e.role && ` (${e.role})`}
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}
