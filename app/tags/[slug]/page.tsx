import Link from "next/link";
import { listInitiatives } from "@/lib/initiatives/queries";
import { STATE_LABEL as INITIATIVE_STATE_LABEL } from "@/lib/initiatives/schemas";
import { createInitiativeAction } from "@/app/initiatives/[id]/actions";
import { CreateInitiativeForm } from "@/components/initiatives/create-initiative-form";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TagElections } from "@/components/elections/tag-elections";
import { Markdown } from "@/components/markdown";
import { DefinitionItem, DefinitionList } from "@/components/ui/definition-list";
import { RosterTable, type SeatRow } from "@/components/roster-table";
import { DateOnly, DateTime } from "@/components/ui/time";
import { LadderSteps } from "@/components/pathways/ladder-steps";
import { loadLadder } from "@/lib/pathways/load-standing";
import { PageHeader } from "@/components/ui/page-header";
import { Card, Heading, ListSection, Section } from "@/components/ui/section";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { activityByTag, activityKey, lastContributionText, windowsText } from "@/lib/contributions/activity";
import { searchBoard } from "@/lib/help-wanted/board";
import { parseBoardQuery } from "@/lib/help-wanted/board-query";
import { getBoardReviewStatus } from "@/lib/help-wanted/queries";
import {
  listLeadershipTimeline,
  listRoster,
  listTermsEnding,
  summarizeRoles,
  type RoleDefinitionRow,
  type RosterRow,
} from "@/lib/roles/queries";
import type { RoleFigures } from "@/lib/roles/figures";
import { parseRegionCounts } from "@/lib/roles/seat-rules";
import {
  activityRuleText,
  AMBASSADOR_KIND_LABEL,
  isoDay,
  LEAD_KINDS,
  LEADERSHIP_MODEL_LABEL,
  REGIONS,
  roleName,
} from "@/lib/vocabulary";
import { findTagBySlug } from "@/lib/tags/queries";
import { AppointToRoleForm } from "./_components/appoint-to-role-form";
import { ConsensusWindowNote } from "./_components/consensus-window";
import { consensusWindowOf } from "@/lib/roles/consensus";
import { DefineRoleForm, type RoleDefaults } from "./_components/define-role-form";
import { ManageDisclosure } from "./_components/manage-disclosure";
import { RoleWarnings } from "./_components/role-warnings";
import {
  LeaveEditForm,
  LeaveForm,
  MoveToFellowForm,
  RetireRoleForm,
  SeatChangeForm,
  SeatForm,
} from "./_components/seat-controls";
import { ItemLink } from "@/components/help-wanted/item-link";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await findTagBySlug((await params).slug);
  return { title: tag?.name ?? "TAG not found" };
}

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
    deliverables: d.deliverables,
    hoursPerMonth: s(d.hoursPerMonth),
    termMonths: s(d.termMonths),
    selection: d.selection,
    escalationPath: d.escalationPath,
    requiredStep: d.requiredStep ?? "",
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
    emeritusAfterTerm: d.emeritusAfterTerm,
    coverHasPowers: d.coverHasPowers,
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
function roleFacts(d: RoleDefinitionRow, f: RoleFigures): [string, string][] {
  return [
    [
      "Holders",
      `${f.holders} (${seatRulesText(d)})${f.pending ? `; ${f.pending} pending TOC approval` : ""}${f.vacancies !== null ? `; ${f.vacancies} open` : ""}`,
    ],
    [
      "Term",
      `${d.termMonths ? `${d.termMonths} months` : "none"}${d.emeritusAfterTerm ? "; then emeritus" : ""}${d.coverHasPowers ? "; cover holds the seat's powers during a leave" : ""}`,
    ],
    ["Expected time", d.hoursPerMonth ? `${d.hoursPerMonth} hours a month` : "not set"],
    [
      "Selection",
      `${d.selection === "election" ? "election" : "appointment by consensus"}${d.escalationPath ? `; escalation: ${d.escalationPath}` : ""}`,
    ],
    [
      "Eligibility",
      d.eligibilityMinRecords
        ? `at least ${d.eligibilityMinRecords} contribution records in the last ${d.eligibilityWindowMonths} months${d.requiredStep ? `; the ladder step "${d.requiredStep}"` : ""}`
        : d.requiredStep
          ? `the ladder step "${d.requiredStep}"`
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
  "roster.leave-change": "changed a leave of",
  "roster.leave-cancel": "cancelled a leave of",
  "roster.resign": "resigned:",
  "roster.cancel": "withdrew the appointment of",
  "roster.term-end": "recorded the end of term of",
  "role.retire": "retired the role",
  // Since issue 15 the TOC decides by vote: the actor is the member whose vote (or record) closed it.
  "leadership.approve": "closed the TOC vote approving the change for",
  "leadership.reject": "closed the TOC vote rejecting the change for",
  "leadership.remove-open": "opened a removal vote on",
  "leadership.remove-vote": "voted on the removal",
  "leadership.remove-passed": "closed the TOC vote (passed) removing",
  "leadership.remove-failed": "closed the TOC vote (failed) on removing",
  "roster.renew-request": "asked the TOC to renew",
  // Consensus appointments (issue 21, point 5): "system" closes a window nobody objected to.
  "consensus.open": "appointed by consensus, open to objections for a week:",
  "consensus.object": "objected to the appointment of",
  "consensus.escalate": "sent to a TOC decision, by the first objection, the appointment of",
  "consensus.proceed": "closed the objection window without objection for",
  "consensus.blocked": "found a role's rule holding back the appointment of",
};

export default async function TagPage({ params }: Props) {
  const tag = await findTagBySlug((await params).slug);
  if (!tag) notFound();
  const at = await now();
  const roster = await listRoster(tag.id, at);
  const [summaries, terms, timeline, actor, initiatives, review, openWork, pathway] = await Promise.all([
    summarizeRoles(tag.id, at, roster),
    listTermsEnding(tag.id, at),
    listLeadershipTimeline(tag.id),
    getActor(),
    listInitiatives(tag.id),
    getBoardReviewStatus(tag, at),
    searchBoard(parseBoardQuery({ tag: tag.slug, limit: "5" }).query, at),
    loadLadder(tag.id),
  ]);
  // One set-based query for every holder's activity in this TAG (the TAG's own rule).
  const activity = await activityByTag([{ tag, userIds: roster.map((r) => r.userId) }], at);
  const seats = roster.map((r) => {
    const a = activity.get(activityKey(r.userId, tag.id))!;
    return {
      ...r,
      activity: { status: a.status, text: `${lastContributionText(a.lastAt, at)}; ${windowsText(a.days)}` },
    };
  });
  // Consensus appointments waiting out their objection window (issue 21, point 5).
  const windows = new Map(
    await Promise.all(
      roster
        .filter((r) => r.status === "pending")
        .map(async (r) => [r.id, await consensusWindowOf(r.id, actor?.id ?? null, at)] as const),
    ),
  );
  const mayAppoint = can(actor, "roster.appoint", tag.id);
  const mayDefine = can(actor, "role.define", tag.id);
  const mayManage = can(actor, "roster.manage", tag.id);
  const defs = summaries.map((s) => s.def).filter((d) => !d.retiredAt);
  const roleOptions = defs.map((d) => ({
    id: d.id,
    label:
      d.kind === "tag_ambassador" && d.ambassadorKind
        ? `${d.name} (TAG Ambassador, ${AMBASSADOR_KIND_LABEL[d.ambassadorKind].toLowerCase()})`
        : d.name,
  }));
  const fellowRoles = roleOptions.filter((_, i) => defs[i]!.kind === "advisory_fellow");
  const held = (s: RosterRow) => s.status === "active" || s.status === "on_leave";
  const controls = (row: SeatRow) => {
    const s = roster.find((r) => r.id === row.id)!;
    const own = actor?.id === s.userId;
    return (
      <>
        {mayAppoint && !own && held(s) && !s.endRequestedAt && (
          <SeatChangeForm
            assignmentId={s.id}
            who={s.user.login}
            renewable={!!s.roleDefinition?.termMonths && !s.renewRequestedAt}
          />
        )}
        {mayAppoint && !own && held(s) && fellowRoles.length > 0 && s.kind !== "advisory_fellow" && (
          <MoveToFellowForm assignmentId={s.id} who={s.user.login} fellowRoles={fellowRoles} />
        )}
        {held(s) && (own || mayManage) && (
          <>
            <LeaveForm assignmentId={s.id} who={s.user.login} own={own} />
            {s.leaves.map((l) => (
              <LeaveEditForm
                key={l.id}
                whose={own ? "your" : `${s.user.login}'s`}
                leave={{
                  id: l.id,
                  from: isoDay(l.from),
                  to: isoDay(l.to),
                  note: l.note,
                  coverLogin: l.coverLogin ?? "",
                }}
              />
            ))}
          </>
        )}
        {own && held(s) && (
          <SeatForm form="resign" assignmentId={s.id} about={roleName(s.kind, s.roleDefinition?.name)} />
        )}
        {windows.get(s.id) && <ConsensusWindowNote window={windows.get(s.id)!} who={s.user.login} />}
        {mayAppoint && s.status === "pending" && (
          <SeatForm form="cancelPending" assignmentId={s.id} about={s.user.login} />
        )}
      </>
    );
  };
  return (
    <div className="space-y-8">
      <PageHeader
        title={tag.name}
        eyebrow={<span className="font-mono">tag-{tag.slug}</span>}
        actions={
          // Leads manage the TAG's work from its console (issue 18, point 2).
          can(actor, "help-wanted.decide", tag.id) && (
            <Link href={`/manage/${tag.slug}`} className="text-brand-700 underline">
              Manage: lead console
            </Link>
          )
        }
      >
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
              <span className="whitespace-pre-line">{tag.meetings || "—"}</span>{" "}
              <a className="text-brand-700 underline" href={`/tags/${tag.slug}/meetings`}>
                Meetings held and who attended
              </a>
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
            <DefinitionItem term="Leadership model">{LEADERSHIP_MODEL_LABEL[tag.leadershipModel]}</DefinitionItem>
            <DefinitionItem term="Help-wanted board review">
              Every {review.months} months.{" "}
              {review.due ? (
                <strong className="font-medium text-amber-900">
                  Due since <DateTime iso={review.dueAt.toISOString()} />: {review.itemsDue} item
                  {review.itemsDue === 1 ? "" : "s"} to keep or close.
                </strong>
              ) : (
                <>
                  Next due <DateTime iso={review.dueAt.toISOString()} />.
                </>
              )}{" "}
              {review.lastAt ? (
                <>
                  Last finished <DateTime iso={review.lastAt.toISOString()} />.
                </>
              ) : (
                "Not reviewed yet."
              )}
            </DefinitionItem>
            <DefinitionItem term="Active leaders and members">
              {activityRuleText(tag)}.{" "}
              <a href={`/manage/${tag.slug}/settings`} className="text-brand-700 underline">
                All settings and their history
              </a>
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
      <ListSection
        id="open-work"
        title="Open help-wanted items"
        items={openWork.items}
        empty="No open items right now."
        listClassName="list-disc space-y-1 pl-6"
        actions={
          <Link href={`/help-wanted?tag=${tag.slug}`} className="text-sm text-brand-700 underline">
            All of {tag.name}&apos;s items on the board
          </Link>
        }
      >
        {(i) => <ItemLink item={i} />}
      </ListSection>
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
          summaries={summaries.map((s) => ({ name: s.def.name, vacancies: s.figures.vacancies, warnings: s.warnings }))}
        />
        {mayAppoint && defs.length > 0 && (
          <ManageDisclosure id="appoint-role-heading" title="Appoint to a defined role">
            <AppointToRoleForm roles={roleOptions} labelledBy="appoint-role-heading" />
          </ManageDisclosure>
        )}
      </Section>
      <ListSection
        id="terms"
        title="Terms ending in the next 90 days"
        items={terms}
        empty="None."
        listClassName="space-y-1 text-sm"
      >
        {(t) => (
          <>
            @{t.user.login}, {roleName(t.kind, t.roleDefinition?.name)}: <DateOnly date={t.termEndAt!} />
          </>
        )}
      </ListSection>
      <Section id="roles" title="Roles" plain className="space-y-4">
        {defs.length === 0 && <p className="text-sm text-slate-600">This TAG has not defined its roles here yet.</p>}
        {summaries.map(({ def: d, figures: f }) => (
          <Card as="article" key={d.id} className="space-y-2 text-sm" aria-labelledby={`def-${d.id}`}>
            <Heading id={`def-${d.id}`} level={3}>
              {d.name}{" "}
              <span className="text-sm font-normal text-slate-600">
                ({roleName(d.kind)}
                {d.ambassadorKind ? `, ${AMBASSADOR_KIND_LABEL[d.ambassadorKind].toLowerCase()}` : ""}; rules version{" "}
                {d.version}
                {d.retiredAt ? "; retired" : ""})
              </span>
            </Heading>
            {d.responsibilities && <Markdown>{d.responsibilities}</Markdown>}
            {d.deliverables && (
              <>
                <p className="mt-2 font-medium">Expected deliverables per term</p>
                <Markdown>{d.deliverables}</Markdown>
              </>
            )}
            <DefinitionList layout="grid">
              {roleFacts(d, f).map(([term, value]) => (
                <DefinitionItem key={term} term={term}>
                  {value}
                </DefinitionItem>
              ))}
            </DefinitionList>
            {mayDefine && !d.retiredAt && (
              <details>
                <summary className="cursor-pointer text-brand-700 underline">
                  Edit {d.name} (saves a new version)
                </summary>
                <div className="mt-3 space-y-4">
                  <DefineRoleForm tagId={tag.id} defaults={defaultsOf(d)} />
                  {!(LEAD_KINDS as readonly string[]).includes(d.kind) && (
                    <RetireRoleForm tagId={tag.id} roleKey={d.roleKey} name={d.name} />
                  )}
                </div>
              </details>
            )}
          </Card>
        ))}
        {mayDefine && (
          <ManageDisclosure id="define-role-heading" title="Define a new role">
            <DefineRoleForm tagId={tag.id} />
          </ManageDisclosure>
        )}
      </Section>
      {pathway && (
        <Section
          id="pathway"
          title="Leadership pathway"
          description="The steps toward leading this TAG, lowest first, counted over the TAG's contributions."
        >
          <LadderSteps ladder={pathway.ladder} />
        </Section>
      )}
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
          <ManageDisclosure id="start-initiative-heading" title="Start an initiative">
            <CreateInitiativeForm tagId={tag.id} create={createInitiativeAction} />
          </ManageDisclosure>
        )}
      </Section>
      <ListSection
        id="timeline"
        title="Leadership timeline"
        items={timeline}
        empty="No changes recorded yet."
        ordered
        listClassName="space-y-1 text-sm"
      >
        {(e) => (
          <>
            <DateTime iso={e.at.toISOString()} /> · @{e.actor} {ACTION_LABEL[e.action] ?? "changed the seat of"}
            {e.person && ` @${e.person}`}
            {e.role && ` (${e.role})`}
          </>
        )}
      </ListSection>
    </div>
  );
}
