import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/forbidden";
import { LocalTime } from "@/components/ui/local-time";
import { getActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDecision } from "@/lib/decisions/queries";
import { AppError } from "@/lib/errors";
import {
  DECISION_CHOICE_LABEL,
  DECISION_KIND_LABEL,
  DECISION_STATUS_LABEL,
  isoDay,
  roleName,
  SEAT_STATUS_LABEL,
} from "@/lib/vocabulary";
import { castVoteAction, declareConflictAction, recordExternalDecisionAction } from "./actions";
import { ActionForm } from "@/components/ui/action-form";
import { RecordElsewhereForm } from "./_components/record-elsewhere-form";
import { VotePanel } from "./_components/vote-panel";

export const metadata: Metadata = { title: "TOC decision" };

const RECUSAL: Record<string, string> = {
  subject: "recused (the decision is about them)",
  conflict: "recused (conflict)",
};

/** One TOC decision: what is decided, the rule, every vote, and the viewer's vote with a confirmation. */
export default async function DecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const actor = await getActor();
  let d;
  try {
    d = await getDecision(actor, id);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    if (e instanceof AppError && e.code === "FORBIDDEN") return <Forbidden what="this TOC decision" />;
    throw e;
  }
  const open = d.status === "open" && !d.periodOver;
  const mayVote = open && d.viewer === "vote" && can(actor, "decision.vote");
  const mayRecord = open && d.viewer !== "recused" && can(actor, "decision.record");
  const seat = d.seat;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/toc" className="text-brand-700 underline">
            Dashboard
          </Link>{" "}
          /{" "}
          <Link href="/toc/decisions" className="text-brand-700 underline">
            TOC decisions
          </Link>
        </p>
        <h1 className="text-2xl font-semibold text-slate-900">{d.title}</h1>
        <p className="text-sm text-slate-700">
          {DECISION_KIND_LABEL[d.kind]} ·{" "}
          <Link href={`/tags/${d.tag.slug}`} className="text-brand-700 underline">
            {d.tag.name}
          </Link>{" "}
          · opened <LocalTime iso={d.openedAt.toISOString()} />
          {d.openedBy && <> by @{d.openedBy.login}</>}
        </p>
      </header>

      <section
        aria-labelledby="status-h"
        className={`space-y-2 rounded-xl p-5 ring-1 ${
          d.status === "open"
            ? "bg-white ring-slate-200"
            : d.status === "approved"
              ? "bg-green-50 ring-green-200"
              : "bg-slate-50 ring-slate-200"
        }`}
      >
        <h2 id="status-h" className="text-lg font-semibold text-slate-900">
          {DECISION_STATUS_LABEL[d.status]}
        </h2>
        {d.status === "open" ? (
          <p className="text-slate-800">
            {d.periodOver ? (
              "The period ended; the outcome is being recorded."
            ) : (
              <>
                Votes close <LocalTime iso={d.closesAt.toISOString()} showRelative />.
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
                Closed <LocalTime iso={d.closedAt.toISOString()} />.
              </>
            )}
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
      </section>

      <section aria-labelledby="what-h" className="space-y-2">
        <h2 id="what-h" className="text-xl font-semibold text-slate-900">
          What is decided
        </h2>
        {seat && (
          <p className="text-slate-800">
            @{seat.user.login}
            {seat.user.name ? ` (${seat.user.name})` : ""} · {roleName(seat.kind, seat.roleDefinition?.name)} · seat{" "}
            {SEAT_STATUS_LABEL[seat.status].toLowerCase()}
            {seat.termEndAt && <> · term ends {isoDay(seat.termEndAt)}</>}
            {seat.renewTermEndAt && <> · renewal to {isoDay(seat.renewTermEndAt)}</>}
          </p>
        )}
        {d.kind === "election_result" && (
          <p>
            <Link href={`/elections/${d.subjectId}/results`} className="text-brand-700 underline">
              The count, its files and how to re-count it
            </Link>
          </p>
        )}
        {d.body && <p className="whitespace-pre-line text-slate-800">{d.body}</p>}
        {d.link && (
          <p className="text-sm">
            Discussed at{" "}
            <a href={d.link} className="break-all text-brand-700 underline">
              {d.link}
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="rule-h" className="space-y-2">
        <h2 id="rule-h" className="text-xl font-semibold text-slate-900">
          The rule
        </h2>
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
      </section>

      <section aria-labelledby="votes-h" className="space-y-2">
        <h2 id="votes-h" className="text-xl font-semibold text-slate-900">
          Votes
        </h2>
        <table className="w-full max-w-xl text-left text-sm">
          <caption className="sr-only">How each TOC member voted</caption>
          <thead className="border-b border-slate-200">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                TOC member
              </th>
              <th scope="col" className="py-1 font-medium">
                Vote
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {d.electorate.map((e) => (
              <tr key={e.userId}>
                <td className="py-1 pr-4">{e.person ? `@${e.person.login}` : "deleted account"}</td>
                <td className="py-1">
                  {e.recusal ? (
                    <>
                      {RECUSAL[e.recusal] ?? "recused"}
                      {e.recusal === "conflict" && e.recusalNote ? `: ${e.recusalNote}` : ""}
                    </>
                  ) : e.vote ? (
                    DECISION_CHOICE_LABEL[e.vote.choice]
                  ) : (
                    <span className="text-slate-600">not voted</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {d.viewer === "voted" && d.myVote && (
        <p className="text-slate-800">
          You voted <strong>{DECISION_CHOICE_LABEL[d.myVote]}</strong>.
        </p>
      )}
      {mayVote && (
        <section aria-labelledby="vote-h" className="space-y-3 rounded-xl bg-white p-6 ring-1 ring-brand-200">
          <h2 id="vote-h" className="text-xl font-semibold text-slate-900">
            Your vote
          </h2>
          <VotePanel decisionId={d.id} title={d.title} action={castVoteAction} />
          <ActionForm
            action={declareConflictAction}
            hidden={{ decisionId: d.id }}
            confirm="Declare a conflict of interest instead…"
            fields={[{ name: "note", label: "What the conflict is", required: true }]}
            submit="Declare the conflict and recuse myself"
            label="Declare a conflict of interest"
            danger
          />
        </section>
      )}
      {mayRecord && <RecordElsewhereForm decisionId={d.id} action={recordExternalDecisionAction} />}
    </div>
  );
}
