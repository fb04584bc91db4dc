import type { Metadata } from "next";
import { RelativeTime } from "@/components/ui/relative-time";
import Link from "next/link";
import { Forbidden } from "@/components/forbidden";
import { DateOnly, DateTime } from "@/components/ui/time";
import { can } from "@/lib/auth/permissions";
import { getDecision } from "@/lib/decisions/queries";
import { rosterPullOf } from "@/lib/github/roster-pulls";
import { loadByIdForPage } from "@/app/_lib/load-for-page";
import {
  DECISION_CHOICE_LABEL,
  DECISION_KIND_LABEL,
  DECISION_STATUS_LABEL,
  roleName,
  SEAT_STATUS_LABEL,
} from "@/lib/vocabulary";
import { ActionForm } from "@/components/ui/action-form";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import {
  applyDecisionAgainAction,
  castVoteAction,
  declareConflictAction,
  recordExternalDecisionAction,
} from "./actions";
import { VotePanel } from "./_components/vote-panel";

export const metadata: Metadata = { title: "TOC decision" };

/** What the TOC did with the decision's roster pull request (lib/github/roster-pulls.ts). */
const ROSTER_PULL_STATE: Record<string, string> = {
  open: "open: merging it approves, closing it refuses",
  merged: "merged by the TOC",
  closed: "closed without merging",
};

const RECUSAL: Record<string, string> = {
  subject: "recused (the decision is about them)",
  conflict: "recused (conflict)",
};

/** One TOC decision: what is decided, the rule, every vote, and the viewer's vote with a confirmation. */
export default async function DecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, value: d, refusal } = await loadByIdForPage(params, (id, actor) => getDecision(actor, id));
  if (refusal?.code === "FORBIDDEN") return <Forbidden what="this TOC decision" />;
  if (refusal) throw refusal;
  const open = d.status === "open" && !d.periodOver;
  const mayVote = open && d.viewer === "vote" && can(actor, "decision.vote");
  const mayRecord = open && d.viewer !== "recused" && can(actor, "decision.record");
  const seat = d.seat;
  // Read after getDecision, whose permission check covers it.
  const pull = await rosterPullOf(d.id);
  return (
    <div className="space-y-8">
      <PageHeader
        title={d.title}
        compact
        eyebrow={
          <>
            <Link href="/toc" className="text-brand-700 underline">
              Dashboard
            </Link>{" "}
            /{" "}
            <Link href="/toc/decisions" className="text-brand-700 underline">
              TOC decisions
            </Link>
          </>
        }
      >
        <p className="text-sm text-slate-700">
          {DECISION_KIND_LABEL[d.kind]} ·{" "}
          <Link href={`/tags/${d.tag.slug}`} className="text-brand-700 underline">
            {d.tag.name}
          </Link>{" "}
          · opened <DateTime iso={d.openedAt.toISOString()} />
          {d.openedBy && <> by @{d.openedBy.login}</>}
        </p>
      </PageHeader>

      <Section
        id="status"
        title={DECISION_STATUS_LABEL[d.status]}
        size="lg"
        tone={d.status === "open" ? "brand" : "slate"}
        className="space-y-2"
      >
        {d.status === "open" ? (
          <p className="text-slate-800">
            {d.periodOver ? (
              "The period ended; the outcome is being recorded."
            ) : (
              <>
                Votes close <RelativeTime at={d.closesAt} />.
              </>
            )}{" "}
            {d.state.explanation}
          </p>
        ) : (
          <p className="text-slate-800">
            {d.outcome}
            {d.closedAt && (
              <>
                {" "}
                Closed <DateTime iso={d.closedAt.toISOString()} />.
              </>
            )}
          </p>
        )}
        {pull && (
          <p className="text-sm text-slate-700">
            Pull request to {pull.repo}:{" "}
            <a href={pull.url} className="break-all text-brand-700 underline">
              #{pull.number}
            </a>{" "}
            ({ROSTER_PULL_STATE[pull.state] ?? pull.state})
          </p>
        )}
        {d.externalLink && (
          <p className="text-sm text-slate-700">
            Decided elsewhere:{" "}
            <a href={d.externalLink} className="break-all text-brand-700 underline">
              {d.externalLink}
            </a>
            {d.recordedBy && <> (recorded by @{d.recordedBy.login})</>}
          </p>
        )}
      </Section>

      {d.blockedReason && (
        <Section id="blocked" title="Approved, but not in effect" tone="brand" className="space-y-3">
          <p className="text-slate-800">It could not take effect: {d.blockedReason}</p>
          <p className="text-slate-800">
            What the TOC can do: clear the way (a seat freed, or the role&apos;s seat rules changed by the TAG&apos;s
            chairs), then apply the decision again here. Or leave it: the TAG&apos;s leads may cancel the pending
            appointment, or the election&apos;s officers re-count or rerun it.
          </p>
          {can(actor, "decision.record") && (
            <ActionForm
              action={applyDecisionAgainAction}
              hidden={{ decisionId: d.id }}
              label="Apply the decision again"
              description="The seat rules are checked again against the seats held now."
              submit="Apply again"
            />
          )}
        </Section>
      )}

      <Section id="what" title="What is decided" plain className="space-y-2">
        {seat && (
          <p className="text-slate-800">
            @{seat.user.login}
            {seat.user.name ? ` (${seat.user.name})` : ""} · {roleName(seat.kind, seat.roleDefinition?.name)} · seat{" "}
            {SEAT_STATUS_LABEL[seat.status].toLowerCase()}
            {seat.termEndAt && (
              <>
                {" "}
                · term ends <DateOnly date={seat.termEndAt} />
              </>
            )}
            {seat.renewTermEndAt && (
              <>
                {" "}
                · renewal to <DateOnly date={seat.renewTermEndAt} />
              </>
            )}
          </p>
        )}
        {d.kind === "election_result" && d.body ? (
          <>
            <h3 className="font-semibold text-slate-900">The count&apos;s result, ties and lot</h3>
            <ul className="list-disc space-y-1 pl-6 text-slate-800">
              {d.body.split("\n").map((line) => (
                <li key={line} className="break-words">
                  {line}
                </li>
              ))}
            </ul>
            <p>
              <Link href={`/elections/${d.subjectId}/results`} className="text-brand-700 underline">
                The count, its files and how to re-count it
              </Link>
            </p>
          </>
        ) : (
          d.body && <p className="whitespace-pre-line text-slate-800">{d.body}</p>
        )}
        {d.link && (
          <p className="text-sm">
            Discussed at{" "}
            <a href={d.link} className="break-all text-brand-700 underline">
              {d.link}
            </a>
          </p>
        )}
      </Section>

      <Section id="rule" title="The rule" plain className="space-y-2">
        <p className="text-slate-800">
          Approved with yes votes from {d.rule.threshold} {d.rule.base}
          {d.rule.yesNeeded !== null && (
            <>
              {" "}
              ({d.rule.yesNeeded} of {d.tally.electorate})
            </>
          )}
          {d.rule.quorum && (
            <>
              , with {d.rule.quorum} voting ({d.rule.quorumNeeded} of {d.tally.electorate}; abstentions count)
            </>
          )}
          . It closes as soon as no remaining vote can change the outcome, or when the period ends; without a result by
          then it is not approved. The electorate is the TOC as it was when the vote opened.
        </p>
      </Section>

      <Section id="votes" title="Votes" plain className="space-y-2">
        <DataTable
          caption="How each TOC member voted"
          rowKey={(e) => e.userId}
          rows={d.electorate}
          columns={[
            {
              header: "TOC member",
              rowHeader: true,
              cell: (e) => (e.person ? `@${e.person.login}` : "deleted account"),
              sort: (e) => e.person?.login ?? "",
            },
            {
              header: "Vote",
              cell: (e) =>
                e.recusal
                  ? `${RECUSAL[e.recusal] ?? "recused"}${e.recusal === "conflict" && e.recusalNote ? `: ${e.recusalNote}` : ""}`
                  : e.vote
                    ? DECISION_CHOICE_LABEL[e.vote.choice]
                    : "not voted",
            },
          ]}
        />
      </Section>

      {(mayVote || d.viewer === "voted") && (
        <Section id="your-vote" title="Your vote" tone="brand" className="space-y-3">
          <VotePanel decisionId={d.id} title={d.title} action={castVoteAction} voted={d.myVote} />
          {mayVote && (
            <ActionForm
              action={declareConflictAction}
              hidden={{ decisionId: d.id }}
              confirm="Declare a conflict of interest instead…"
              fields={[{ name: "note", label: "What the conflict is", required: true }]}
              submit="Declare the conflict and recuse myself"
              label="Declare a conflict of interest"
              danger
            />
          )}
        </Section>
      )}
      {mayRecord && (
        <ActionForm
          action={recordExternalDecisionAction}
          hidden={{ decisionId: d.id }}
          confirm="Record a decision taken elsewhere…"
          label="Record a decision taken elsewhere"
          fields={[
            {
              name: "outcome",
              label: "Outcome",
              options: [
                ["approved", "Approved"],
                ["rejected", "Not approved"],
              ],
            },
            {
              name: "link",
              label: "Link to the vote",
              type: "url",
              required: true,
              hint: "For example the GitVote issue or pull request on cncf/toc.",
            },
            { name: "note", label: "Note (optional)" },
          ]}
          submit="Record the outcome"
        />
      )}
    </div>
  );
}
