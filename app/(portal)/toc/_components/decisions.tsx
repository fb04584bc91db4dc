import Link from "next/link";
import { SEAT_LABEL } from "@/components/roster-table";
import { LocalTime } from "@/components/ui/local-time";
import { Card, EmptyState, Section } from "@/components/ui/section";
import type { Actor } from "@/lib/auth/permissions";
import { listHeldSeats, listOpenRemovals, listPendingLeadershipChanges } from "@/lib/roles/queries";
import { REMOVAL_QUORUM } from "@/lib/roles/removal-tally";
import { DecideButtons } from "./decide-buttons";
import { OpenRemovalForm, RemovalVoteButtons } from "./removal-controls";

/** The TOC's decisions: leadership changes awaiting approval, and votes to remove an inactive leader. */
export async function TocDecisions({
  actor,
  mayApprove,
  mayVote,
}: {
  actor: Actor | null;
  mayApprove: boolean;
  mayVote: boolean;
}) {
  const [pending, removals, seats] = await Promise.all([
    mayApprove ? listPendingLeadershipChanges() : [],
    mayVote ? listOpenRemovals() : [],
    mayVote ? listHeldSeats() : [],
  ]);
  const roleOf = (s: { kind: string; roleDefinition: { name: string } | null }) =>
    s.roleDefinition?.name ?? SEAT_LABEL[s.kind] ?? s.kind;
  return (
    <>
      {mayApprove && (
        <Section id="pending" title="Leadership changes awaiting TOC approval" plain className="space-y-3">
          {pending.length === 0 ? (
            <EmptyState>Nothing is waiting for a decision.</EmptyState>
          ) : (
            <ul className="space-y-3">
              {pending.map((p) => {
                const kind = p.status === "pending" ? "appointment" : p.endRequestedAt ? "end" : "renewal";
                const what = `${kind === "appointment" ? "appoint" : kind === "end" ? "end the seat of" : "renew the term of"} @${p.user.login} as ${roleOf(p)} of ${p.tag.name}`;
                return (
                  <Card as="li" key={p.id} padding="sm">
                    <p className="font-medium text-slate-900">
                      {kind === "appointment" ? "Appointment" : kind === "end" ? "End of seat" : "Renewal"}: @
                      {p.user.login} as {roleOf(p)} of{" "}
                      <Link href={`/tags/${p.tag.slug}`} className="text-brand-700 underline">
                        {p.tag.name}
                      </Link>
                    </p>
                    <p className="text-sm text-slate-600">
                      Requested{" "}
                      <LocalTime
                        iso={(p.endRequestedAt ?? p.renewRequestedAt ?? p.requestedAt).toISOString()}
                        showRelative
                      />
                      {kind === "renewal" && p.renewTermEndAt && (
                        <>
                          {" "}
                          · new term end <LocalTime iso={p.renewTermEndAt.toISOString()} />
                        </>
                      )}
                      {p.endReason && <> · reason: {p.endReason}</>}
                      {p.decisionLink && (
                        <>
                          {" "}
                          ·{" "}
                          <a href={p.decisionLink} className="text-brand-700 underline">
                            decision
                          </a>
                        </>
                      )}
                    </p>
                    <div className="mt-2">
                      <DecideButtons assignmentId={p.id} label={what} />
                    </div>
                  </Card>
                );
              })}
            </ul>
          )}
        </Section>
      )}
      {mayVote && (
        <Section id="removals" title="Votes to remove an inactive leader" plain className="space-y-3 pt-4">
          <p className="text-sm text-slate-600">
            One vote per TOC member. A vote passes when the share in favour of the votes cast reaches the TAG&apos;s
            supermajority (default two thirds) with at least {REMOVAL_QUORUM} votes cast; it is decided when every TOC
            member has voted or when a TOC member closes it. Passing ends the seat.
          </p>
          {removals.length === 0 ? (
            <EmptyState>No removal vote is open.</EmptyState>
          ) : (
            <ul className="space-y-3">
              {removals.map((r) => {
                const label = `@${r.assignment.user.login} as ${roleOf(r.assignment)} of ${r.assignment.tag.name}`;
                const inFavor = r.votes.filter((v) => v.inFavor).length;
                return (
                  <Card as="li" key={r.id} padding="sm">
                    <p className="font-medium text-slate-900">Remove {label}?</p>
                    <p className="text-sm text-slate-600">
                      Opened <LocalTime iso={r.openedAt.toISOString()} showRelative /> · reason: {r.reason} ·{" "}
                      {r.votes.length} votes so far ({inFavor} to remove) · needs{" "}
                      {Math.round(r.assignment.tag.removalSupermajority * 100)}%
                    </p>
                    <div className="mt-2">
                      <RemovalVoteButtons
                        proposalId={r.id}
                        label={label}
                        voted={r.votes.some((v) => v.userId === actor?.id)}
                      />
                    </div>
                  </Card>
                );
              })}
            </ul>
          )}
          {seats.length > 0 && (
            <OpenRemovalForm
              seats={seats.map((s) => ({ id: s.id, label: `@${s.user.login}, ${roleOf(s)}, ${s.tag.name}` }))}
            />
          )}
        </Section>
      )}
    </>
  );
}
