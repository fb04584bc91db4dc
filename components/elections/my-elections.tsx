import Link from "next/link";
import { DateTime } from "@/components/ui/time";
import { Section } from "@/components/ui/section";
import type { Actor } from "@/lib/auth/permissions";
import { myElectionStatuses } from "@/lib/elections/queries";
import { PHASE_LABEL } from "./labels";
import { StatusBadge, candidateText } from "./status-text";

/**
 * The viewer's open and upcoming elections with their status (eligible, voted, not eligible with
 * the reason), meant to be the first thing on the home page. Renders nothing when there are none.
 */
export async function MyElections({ viewer }: { viewer: Actor | null }) {
  if (!viewer) return null;
  const rows = await myElectionStatuses(viewer);
  if (rows.length === 0) return null;
  return (
    <Section id="my-elections" title="Elections open now" tone="brand" className="space-y-3">
      <ul className="space-y-3">
        {rows.map(({ election: e, voter, candidate }) => {
          const standing = candidateText(candidate);
          return (
            <li key={e.id} className="space-y-1">
              <p>
                <Link href={`/elections/${e.id}`} className="font-medium text-brand-700 underline">
                  {e.title}
                </Link>{" "}
                <span className="text-sm text-slate-600">
                  {e.tag.name} · {PHASE_LABEL[e.phase]}
                  {e.isTest && " (test election)"} ·{" "}
                  {e.phase === "nominations" ? (
                    <>
                      nominations close <DateTime iso={e.nominationsCloseAt.toISOString()} />
                    </>
                  ) : (
                    <>
                      voting closes <DateTime iso={e.votingCloseAt.toISOString()} />
                    </>
                  )}
                </span>
              </p>
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <StatusBadge voter={voter} phase={e.phase} />
                {standing && <span className="text-slate-700">{standing}</span>}
                {voter === "eligible" && e.phase === "voting" && (
                  <Link href={`/elections/${e.id}/vote`} className="font-medium text-brand-700 underline">
                    Vote
                  </Link>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
