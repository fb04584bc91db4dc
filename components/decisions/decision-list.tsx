import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { Tile } from "@/components/ui/section";
import type { DecisionSummary } from "@/lib/decisions/queries";
import { DECISION_CHOICE_LABEL, DECISION_KIND_LABEL, DECISION_STATUS_LABEL } from "@/lib/vocabulary";

const part: Record<DecisionSummary["viewer"], string> = {
  vote: "your vote is needed",
  voted: "you voted",
  recused: "you are recused",
  none: "",
};

/**
 * TOC decisions as a list: what, which TAG, the votes so far and when it closes, and the viewer's
 * part. Used on /toc, on each TAG's card, at the top of a TOC member's home and on /toc/decisions.
 */
export function DecisionList({
  decisions,
  empty,
  showTag = true,
  label,
}: {
  decisions: readonly DecisionSummary[];
  empty: string;
  showTag?: boolean;
  label?: string;
}) {
  if (decisions.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul aria-label={label} className="space-y-2">
      {decisions.map((d) => (
        <Tile key={d.id} className="bg-white text-sm">
          <p>
            <span className="font-medium text-slate-600">{DECISION_KIND_LABEL[d.kind]}:</span>{" "}
            <Link href={`/toc/decisions/${d.id}`} className="font-medium text-brand-700 underline">
              {d.title}
            </Link>
            {showTag && <span className="text-slate-600"> · {d.tag.name}</span>}
          </p>
          <p className="text-slate-700">
            {d.tally.yes} yes, {d.tally.no} no, {d.tally.abstain} abstaining of {d.tally.electorate} TOC members ·{" "}
            {d.status === "open" ? (
              <>
                closes <RelativeTime at={d.closesAt} />
              </>
            ) : (
              <>
                {DECISION_STATUS_LABEL[d.status]}
                {d.closedAt && (
                  <>
                    {" "}
                    <RelativeTime at={d.closedAt} />
                  </>
                )}
              </>
            )}
            {part[d.viewer] && (
              <>
                {" "}
                ·{" "}
                <strong className={d.viewer === "vote" ? "text-amber-800" : "text-slate-800"}>
                  {part[d.viewer]}
                  {d.myVote ? `: ${DECISION_CHOICE_LABEL[d.myVote]}` : ""}
                </strong>
              </>
            )}
          </p>
        </Tile>
      ))}
    </ul>
  );
}
