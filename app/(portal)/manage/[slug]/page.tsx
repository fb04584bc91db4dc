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
} from "@/app/help-wanted/[id]/actions";
import { PendingRequest } from "@/components/help-wanted/request-decision";
import { ActionForm } from "@/components/ui/action-form";
import { OpenReports } from "@/components/reports/open-reports";
import { listOpenReports } from "@/lib/reports/queries";

type Props = { params: Promise<{ slug: string }> };

export const metadata: Metadata = { title: "Lead console" };

/** A TAG's lead console (cncf/toc#1211): what the chairs and tech leads need to act on. */
export default async function LeadConsolePage({ params }: Props) {
  const { slug } = await params;
  await requireUser(`/manage/${slug}`);
  const [tag, actor, at] = await Promise.all([findBoardReview(slug), getActor(), now()]);
  if (!tag) notFound();
  if (!can(actor, "help-wanted.decide", tag.id)) return <Forbidden what={`the lead console of ${tag.name}`} />;
  const [{ drafts, requests, held, dueForReview, progress }, invitations, attention, reports] = await Promise.all([
    getLeadConsole(tag.id, tag.boardReviewMonths, at),
    listPendingInvitations(tag.id),
    leadAttention(actor, tag.id),
    listOpenReports(tag.id),
  ]);
  const overdue = isBoardReviewDue(tag, at);
  const staleCount = held.filter((c) => c.stale).length;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="font-mono text-sm text-slate-600">tag-{tag.slug}</p>
        <h1 className="text-3xl font-bold text-brand-800">Lead console: {tag.name}</h1>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href="/help-wanted/new" className="text-brand-700 underline">
            Post an item
          </Link>
          <Link href={`/help-wanted?tag=${tag.slug}`} className="text-brand-700 underline">
            This TAG&apos;s board
          </Link>
          <Link href={`/tags/${tag.slug}`} className="text-brand-700 underline">
            TAG page
          </Link>
          <Link href={`/toc/${tag.slug}`} className="text-brand-700 underline">
            TAG dashboard
          </Link>
          <Link href={`/manage/${tag.slug}/settings`} className="text-brand-700 underline">
            TAG settings
          </Link>
        </p>
      </header>

      <AttentionList id="today" title="Needs your attention today" items={attention} empty="Nothing needs you today." />

      <OpenReports reports={reports} decide={decideReportAction} />

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

      <section aria-labelledby="drafts" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="drafts" className="text-xl font-semibold text-slate-900">
          Drafts from GitHub ({drafts.length})
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Open issues labelled help wanted in this TAG&apos;s repositories, offered by the GitHub sync. Publish one
          (after editing it) to put it on the board, or discard it: a discarded issue is never offered again.
        </p>
        {drafts.length === 0 ? (
          <p className="mt-2 text-slate-600">No drafts waiting.</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {drafts.map((d) => (
              <li key={d.id} className="space-y-2 rounded-md p-3 ring-1 ring-slate-200">
                <p>
                  <Link href={`/help-wanted/${d.id}`} className="font-medium text-brand-700 underline">
                    {d.title}
                  </Link>{" "}
                  <span className="text-sm text-slate-600">
                    {ITEM_KIND_LABEL[d.kind]} · offered <DateTime iso={d.createdAt.toISOString()} />
                  </span>
                </p>
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
                  <ActionForm
                    action={discardDraftAction}
                    hidden={{ itemId: d.id }}
                    confirm={`Discard “${d.title}”…`}
                    fields={[{ name: "reason", label: "Reason", required: true }]}
                    submit="Discard draft"
                    danger
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="requests" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="requests" className="text-xl font-semibold text-slate-900">
          Pending requests ({requests.length})
        </h2>
        {requests.length === 0 ? (
          <p className="mt-2 text-slate-600">Nobody is waiting for an answer.</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {requests.map((c) => (
              <PendingRequest key={c.id} claim={c} item={c.item} decide={decideClaimAction} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="invitations" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="invitations" className="text-xl font-semibold text-slate-900">
          Invitations waiting for an answer ({invitations.length})
        </h2>
        {invitations.length === 0 ? (
          <p className="mt-2 text-slate-600">
            None. Each item&apos;s page suggests people who fit it; invite them from there.
          </p>
        ) : (
          <ul className="mt-3 space-y-2">
            {invitations.map((c) => (
              <li key={c.id}>
                <Link href={`/people/${c.user.login}`} className="font-medium text-brand-700 underline">
                  @{c.user.login}
                </Link>{" "}
                to{" "}
                <Link href={`/help-wanted/${c.item.id}`} className="text-brand-700 underline">
                  {c.item.title}
                </Link>{" "}
                <span className="text-sm text-slate-600">
                  (invited <DateTime iso={c.createdAt.toISOString()} />)
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="held" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="held" className="text-xl font-semibold text-slate-900">
          Held claims ({held.length}
          {staleCount > 0 && `, ${staleCount} stale`})
        </h2>
        {held.length === 0 ? (
          <p className="mt-2 text-slate-600">Nobody holds a place.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-3">
                    Volunteer
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Item
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    State
                  </th>
                  <th scope="col" className="py-2">
                    Last activity
                  </th>
                </tr>
              </thead>
              <tbody>
                {held.map((c) => (
                  <tr key={c.id} className="border-b border-slate-100">
                    <td className="py-2 pr-3">@{c.user.login}</td>
                    <td className="py-2 pr-3">
                      <Link href={`/help-wanted/${c.item.id}`} className="text-brand-700 underline">
                        {c.item.title}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">
                      {c.status === "done" ? "Done: confirm it" : "Working"}
                      {c.stale && (
                        <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">
                          Stale
                        </span>
                      )}
                    </td>
                    <td className="py-2">
                      <DateTime iso={c.lastActivityAt.toISOString()} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="review" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="review" className="text-xl font-semibold text-slate-900">
          Items due for review ({dueForReview.length})
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Items not reviewed in the last {tag.boardReviewMonths} months. Keep marks an item reviewed; close it if nobody
          needs it any more.
        </p>
        {dueForReview.length === 0 ? (
          <p className="mt-2 text-slate-600">Nothing is due.</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {dueForReview.map((i) => (
              <li key={i.id} className="space-y-2 rounded-md p-3 ring-1 ring-slate-200">
                <p>
                  <Link href={`/help-wanted/${i.id}`} className="font-medium text-brand-700 underline">
                    {i.title}
                  </Link>{" "}
                  <span className="text-sm text-slate-600">
                    {i.status},{" "}
                    {i.reviewedAt ? (
                      <>
                        reviewed <DateTime iso={i.reviewedAt.toISOString()} />
                      </>
                    ) : (
                      "never reviewed"
                    )}
                  </span>
                </p>
                <div className="flex flex-wrap items-start gap-4">
                  <ActionForm action={markReviewedAction} hidden={{ itemId: i.id }} submit={`Keep “${i.title}”`} />
                  <ActionForm
                    action={closeItemAction}
                    hidden={{ itemId: i.id }}
                    confirm={`Close “${i.title}”…`}
                    fields={[{ name: "reason", label: "Reason", required: true }]}
                    submit="Close item"
                    danger
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="progress" className="rounded-xl bg-white p-6 ring-1 ring-slate-200">
        <h2 id="progress" className="text-xl font-semibold text-slate-900">
          Recent progress
        </h2>
        {progress.length === 0 ? (
          <p className="mt-2 text-slate-600">No progress posted yet.</p>
        ) : (
          <ol className="mt-3 space-y-4">
            {progress.map((u) => (
              <li key={u.id} className="border-l-4 border-slate-200 pl-3">
                <p className="text-sm text-slate-600">
                  @{u.claim.user.login} on{" "}
                  <Link href={`/help-wanted/${u.claim.item.id}`} className="text-brand-700 underline">
                    {u.claim.item.title}
                  </Link>{" "}
                  · <DateTime iso={u.createdAt.toISOString()} />
                </p>
                <Markdown>{u.body}</Markdown>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
