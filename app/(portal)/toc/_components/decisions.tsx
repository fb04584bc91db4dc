import Link from "next/link";
import { DecisionList } from "@/components/decisions/decision-list";
import { Section } from "@/components/ui/section";
import type { DecisionSummary } from "@/lib/decisions/queries";
import { OpenRemovalForm } from "./removal-controls";

/**
 * The TOC's decisions on the dashboard: every open vote (appointments, ends, renewals, election
 * results, removals), and the form that opens a vote to remove a leader the dashboards flag as
 * inactive or quiet. `removable` are those seats (`removalCandidates`; empty for whoever may not
 * open the vote).
 */
export function TocDecisions({
  open,
  mayView,
  removable,
}: {
  open: readonly DecisionSummary[];
  mayView: boolean;
  removable: readonly { id: string; label: string }[];
}) {
  return (
    <>
      {mayView && (
        <Section id="pending" title="Decisions awaiting the TOC" plain className="space-y-3">
          <DecisionList decisions={open} empty="Nothing is waiting for a TOC decision." label="Open TOC decisions" />
          <p className="text-sm">
            <Link href="/toc/decisions" className="text-brand-700 underline">
              Every decision and the rule they are decided by
            </Link>
          </p>
        </Section>
      )}
      {removable.length > 0 && (
        <Section
          id="removals"
          title="Remove an inactive or quiet leader"
          plain
          className="space-y-3 pt-4"
          description="Opens a TOC vote. It passes with the TAG's supermajority (default two thirds) of the votes cast, with a quorum of the TOC voting, within the decision period; the holder is recused. Passing ends the seat."
        >
          <OpenRemovalForm seats={removable} />
        </Section>
      )}
    </>
  );
}
