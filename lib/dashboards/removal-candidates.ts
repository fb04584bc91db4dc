import { ACTIVITY_STATUS_LABEL } from "@/lib/vocabulary";
import type { TagDashboard } from "./load";

export interface RemovalCandidate {
  /** The seat a removal vote names. */
  id: string;
  label: string;
}

/**
 * The seats /toc's removal form offers: every chair and tech lead the dashboards flag under the
 * TAG's activity rule, inactive (no counted contribution in its window) or quiet (some, fewer
 * than its minimum), each labelled with which; the counts are on the TAG's card and drill-down.
 * Each option is sent twice (HTML and payload) and there are hundreds at bench scale, so labels
 * stay short, and active leaders stay out (offering every seat made the page 70 KB heavier).
 * The removal operation checks the seat's activity again.
 */
export function removalCandidates(dashboards: readonly TagDashboard[]): RemovalCandidate[] {
  return dashboards.flatMap((d) =>
    d.leaders
      .filter((l) => l.status !== "active")
      .map((l) => ({
        id: l.seatId,
        label: `@${l.login}, ${l.role}, ${d.tag.name} (${ACTIVITY_STATUS_LABEL[l.status].toLowerCase()})`,
      })),
  );
}
