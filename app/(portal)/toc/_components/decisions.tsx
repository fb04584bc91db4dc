import Link from "next/link";
import { DecisionList } from "@/components/decisions/decision-list";
import type { DecisionSummary } from "@/lib/decisions/queries";
import { listHeldSeats } from "@/lib/roles/queries";
import { roleName } from "@/lib/vocabulary";
import { OpenRemovalForm } from "./removal-controls";

/**
 * The TOC's decisions on the dashboard: every open vote (appointments, ends, renewals, election
 * results, removals), and the form that opens a vote to remove an inactive leader.
 */
export async function TocDecisions({
  open,
  mayView,
  mayOpenRemoval,
}: {
  open: readonly DecisionSummary[];
  mayView: boolean;
  mayOpenRemoval: boolean;
}) {
  const seats = mayOpenRemoval ? await listHeldSeats() : [];
  return (
    <>
      {mayView && (
        <section aria-labelledby="pending" className="space-y-3">
          <h2 id="pending" className="text-xl font-semibold text-slate-900">
            Decisions awaiting the TOC
          </h2>
          <DecisionList decisions={open} empty="Nothing is waiting for a TOC decision." label="Open TOC decisions" />
          <p className="text-sm">
            <Link href="/toc/decisions" className="text-brand-700 underline">
              Every decision and the rule they are decided by
            </Link>
          </p>
        </section>
      )}
      {mayOpenRemoval && seats.length > 0 && (
        <section aria-labelledby="removals" className="space-y-3 pt-4">
          <h2 id="removals" className="text-xl font-semibold text-slate-900">
            Remove an inactive leader
          </h2>
          <p className="text-sm text-slate-600">
            Opens a TOC vote. It passes with the TAG&apos;s supermajority (default two thirds) of the votes cast, with a
            quorum of the TOC voting, within the decision period; the holder is recused. Passing ends the seat.
          </p>
          <OpenRemovalForm
            seats={seats.map((s) => ({
              id: s.id,
              label: `@${s.user.login}, ${roleName(s.kind, s.roleDefinition?.name)}, ${s.tag.name}`,
            }))}
          />
        </section>
      )}
    </>
  );
}
