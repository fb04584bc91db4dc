import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttentionList } from "@/components/attention-list";
import { Forbidden } from "@/components/forbidden";
import { GithubIssueStatus } from "@/components/github-issue-status";
import { Markdown } from "@/components/markdown";
import { DateTime } from "@/components/ui/time";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { leadAttention } from "@/lib/dashboards/attention";
import { getLeadConsole, listPendingInvitations } from "@/lib/help-wanted/queries";
import { findBoardReview } from "@/lib/help-wanted/review";
import { isBoardReviewDue } from "@/lib/help-wanted/board-review-due";
import { ITEM_KIND_LABEL } from "@/lib/vocabulary";
import {
  closeItemAction,
  decideClaimAction,
  decideReportAction,
  discardDraftAction,
  markReviewedAction,
  showTextAgainAction,
} from "@/app/help-wanted/[id]/actions";
import { PendingRequest } from "@/components/help-wanted/request-decision";
import { ActionForm } from "@/components/ui/action-form";
import { OpenReports } from "@/components/reports/open-reports";
import { HiddenTexts } from "@/components/reports/hidden-texts";
import { listHiddenTexts, listOpenReports } from "@/lib/reports/queries";
import { CloseItemForm } from "@/components/help-wanted/close-item-form";
import { ItemLine, ItemLink } from "@/components/help-wanted/item-link";
import { DataTable } from "@/components/ui/data-table";
import { PersonLink } from "@/components/ui/person-link";
import { PageHeader } from "@/components/ui/page-header";
import { LogEntry, Section, TileList } from "@/components/ui/section";
import { SlackSection } from "@/components/slack/slack-section";
import { ProjectSection } from "@/components/github/project-section";
import { getProjectConsole } from "@/lib/github/projects";
import { RosterPullSection } from "@/components/github/roster-pull-section";
import { listRosterProposals } from "@/lib/github/roster-pulls";
import { getSlackConsole } from "@/lib/slack/queries";
import {
  linkTagProjectAction,
  openRosterPullAction,
  removeSlackSettingsAction,
  retrySlackDeliveryAction,
  saveSlackSettingsAction,
  unlinkTagProjectAction,
} from "./actions";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Lead console" };

/** A TAG's lead console (cncf/toc#1211): what the chairs and tech leads need to act on. */
export default async function LeadConsolePage({ params }: Props) {
  const { slug } = await params;
  await requireUser(`/manage/${slug}`);
  const [tag, actor, at] = await Promise.all([findBoardReview(slug), getActor(), now()]);
  if (!tag) notFound();
  if (!can(actor, "help-wanted.decide", tag.id)) return <Forbidden what={`the lead console of ${tag.name}`} />;
  const [{ drafts, requests, held, dueForReview, progress }, invitations, attention, reports, hiddenTexts, slack] =
    await Promise.all([
      getLeadConsole(tag.id, tag.boardReviewMonths, at),
      listPendingInvitations(tag.id),
      leadAttention(actor, tag.id),
      listOpenReports(tag.id),
      listHiddenTexts(tag.id),
      getSlackConsole(tag.id),
    ]);
  const [board, roster] = can(actor, "github.sync", tag.id)
    ? await Promise.all([getProjectConsole(tag.id), listRosterProposals(tag.id)])
    : [null, null];
  const overdue = isBoardReviewDue(tag, at);
  const staleCount = held.filter((c) => c.stale).length;

  // Where a lead goes from the console.
  const links = [
    ["/help-wanted/new", "Post an item"],
    [`/help-wanted?tag=${tag.slug}`, "This TAG's board"],
    [`/tags/${tag.slug}`, "TAG page"],
    [`/toc/${tag.slug}`, "TAG dashboard"],
    [`/manage/${tag.slug}/settings`, "TAG settings"],
    [`/manage/${tag.slug}/pathway`, "Leadership pathway"],
    [`/manage/${tag.slug}/representation`, "Representation targets"],
    [`/manage/${tag.slug}/reports`, "Reports"],
  ] as const;

  return (
    <div className="space-y-8">
      <PageHeader eyebrow={<span className="font-mono">tag-{tag.slug}</span>} title={`Lead console: ${tag.name}`}>
        <p className="flex flex-wrap gap-4 text-sm">
          {links.map(([href, label]) => (
            <Link key={href} href={href} className="text-brand-700 underline">
              {label}
            </Link>
          ))}
        </p>
      </PageHeader>

      <AttentionList id="today" title="Needs your attention today" items={attention} empty="Nothing needs you today." />

      <OpenReports reports={reports} decide={decideReportAction} />
      <HiddenTexts texts={hiddenTexts} unhide={showTextAgainAction} />

      {overdue && (
        <div role="alert" className="rounded-xl bg-amber-50 p-4 text-amber-950 ring-1 ring-amber-300">
          <p className="font-semibold">The board review is due.</p>
          <p className="text-sm">
            {tag.boardReviewedAt ? (
              <>
                Last finished <DateTime iso={tag.boardReviewedAt.toISOString()} />;
              </>
            ) : (
              "First review since the TAG was created;"
            )}{" "}
            the cycle is every {tag.boardReviewMonths} months. Keep or close each item below: the review finishes when
            none is left.
          </p>
        </div>
      )}

      <Section
        id="drafts"
        title="Drafts from GitHub"
        count={drafts.length}
        description={
          <>
            Open issues labelled help wanted in this TAG&apos;s repositories, offered by the GitHub sync. Publish one
            (after editing it) to put it on the board, or discard it: a discarded issue is never offered again.
          </>
        }
        empty="No drafts waiting."
      >
        <TileList items={drafts}>
          {(d) => (
            <>
              <ItemLine item={d}>
                {ITEM_KIND_LABEL[d.kind]} · offered <DateTime iso={d.createdAt.toISOString()} />
              </ItemLine>
              {d.githubIssueUrl && (
                <p className="text-sm">
                  GitHub:{" "}
                  <a href={d.githubIssueUrl} rel="nofollow noopener" className="text-brand-700 underline">
                    {d.githubIssueUrl.replace("https://github.com/", "")}
                  </a>{" "}
                  <GithubIssueStatus state={d.githubIssueState} assignees={d.githubIssueAssignees} />
                </p>
              )}
              <div className="flex flex-wrap items-start gap-4">
                <Link
                  href={`/help-wanted/${d.id}/edit`}
                  className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
                >
                  Edit and publish “{d.title}”
                </Link>
                <CloseItemForm action={discardDraftAction} itemId={d.id} title={d.title} draft />
              </div>
            </>
          )}
        </TileList>
      </Section>

      <Section id="requests" title="Pending requests" count={requests.length} empty="Nobody is waiting for an answer.">
        <ul className="mt-3 space-y-4">
          {requests.map((c) => (
            <PendingRequest key={c.id} claim={c} item={c.item} decide={decideClaimAction} />
          ))}
        </ul>
      </Section>

      <Section
        id="invitations"
        title="Invitations waiting for an answer"
        count={invitations.length}
        empty="None. Each item's page suggests people who fit it; invite them from there."
      >
        <ul className="mt-3 space-y-2">
          {invitations.map((c) => (
            <li key={c.id}>
              <PersonLink login={c.user.login} strong /> to <ItemLink item={c.item} />{" "}
              <span className="text-sm text-slate-600">
                (invited <DateTime iso={c.createdAt.toISOString()} />)
              </span>
            </li>
          ))}
        </ul>
      </Section>

      <Section
        id="held"
        title={`Held claims (${held.length}${staleCount > 0 ? `, ${staleCount} stale` : ""})`}
        empty={held.length === 0 && "Nobody holds a place."}
      >
        <DataTable
          caption="Held claims"
          rows={held}
          columns={[
            { header: "Volunteer", cell: (c) => `@${c.user.login}` },
            { header: "Item", cell: (c) => <ItemLink item={c.item} /> },
            {
              header: "State",
              cell: (c) => (
                <>
                  {c.status === "done" ? "Done: confirm it" : "Working"}
                  {c.stale && (
                    <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">
                      Stale
                    </span>
                  )}
                </>
              ),
            },
            {
              header: "Last activity",
              cell: (c) => <DateTime iso={c.lastActivityAt.toISOString()} />,
              sort: (c) => c.lastActivityAt,
            },
          ]}
        />
      </Section>

      <Section
        id="review"
        title="Items due for review"
        count={dueForReview.length}
        description={
          <>
            Items not reviewed in the last {tag.boardReviewMonths} months. Keep marks an item reviewed; close it if
            nobody needs it any more.
          </>
        }
        empty="Nothing is due."
      >
        <TileList items={dueForReview}>
          {(i) => (
            <>
              <ItemLine item={i}>
                {i.status},{" "}
                {i.reviewedAt ? (
                  <>
                    reviewed <DateTime iso={i.reviewedAt.toISOString()} />
                  </>
                ) : (
                  "never reviewed"
                )}
              </ItemLine>
              <div className="flex flex-wrap items-start gap-4">
                <ActionForm action={markReviewedAction} hidden={{ itemId: i.id }} submit={`Keep “${i.title}”`} />
                <CloseItemForm action={closeItemAction} itemId={i.id} title={i.title} />
              </div>
            </>
          )}
        </TileList>
      </Section>

      {can(actor, "slack.manage", tag.id) && (
        <SlackSection
          tagId={tag.id}
          enabled={slack.enabled}
          baseUrl={slack.baseUrl}
          demoOutbox={slack.demoOutbox}
          channel={slack.channel}
          failed={slack.failed}
          pending={slack.pending}
          save={saveSlackSettingsAction}
          remove={removeSlackSettingsAction}
          retry={retrySlackDeliveryAction}
        />
      )}

      {board && (
        <ProjectSection
          tagId={tag.id}
          project={board.project && { ...board.project, linkedAt: board.project.linkedAt.toISOString() }}
          failed={board.failed}
          pending={board.pending}
          link={linkTagProjectAction}
          unlink={unlinkTagProjectAction}
        />
      )}

      {roster && (
        <RosterPullSection
          repo={roster.repo}
          file={roster.file}
          proposals={roster.proposals.map((p) => ({ ...p, openedAt: p.openedAt.toISOString() }))}
          open={openRosterPullAction}
        />
      )}

      <Section id="progress" title="Recent progress" empty={progress.length === 0 && "No progress posted yet."}>
        <ol className="mt-3 space-y-4">
          {progress.map((u) => (
            <LogEntry
              key={u.id}
              meta={
                <>
                  @{u.claim.user.login} on <ItemLink item={u.claim.item} /> ·{" "}
                  <DateTime iso={u.createdAt.toISOString()} />
                </>
              }
            >
              <Markdown>{u.body}</Markdown>
            </LogEntry>
          ))}
        </ol>
      </Section>
    </div>
  );
}
