import { isSeatRegion, REGION_LABEL } from "@/lib/vocabulary";

/** Words the election pages share (docs/architecture.md, "Elections": draft -> nominations -> voting -> closed -> tallied -> approved -> published). */
export const PHASE_LABEL: Record<string, string> = {
  draft: "Draft (being set up)",
  nominations: "Nominations open",
  voting: "Voting open",
  closed: "Voting closed, being counted",
  tallied: "Counted, awaiting TOC approval",
  approved: "Approved by the TOC, awaiting publication",
  published: "Results published",
  cancelled: "Cancelled by the officers",
};

export const PHASE_SHORT: Record<string, string> = {
  draft: "Draft",
  nominations: "Nominations",
  voting: "Voting",
  closed: "Closed",
  tallied: "Tallied",
  approved: "Approved",
  published: "Published",
  cancelled: "Cancelled",
};

/** Said wherever a test election or its result shows. */
export const TEST_ELECTION_NOTE = "Test election: its ballots are discarded at close and its result seats nobody.";

export const METHOD_LABEL: Record<string, string> = {
  schulze: "Schulze (ranked pairs of preferences; ties allowed)",
  stv: "Single transferable vote (each rank used once)",
};

/** A vacancy offer's state, as its officers read it. */
export const OFFER_STATUS_LABEL: Record<string, string> = {
  open: "Waiting for an answer",
  accepted: "Accepted",
  declined: "Declined",
  expired: "No answer in time",
};

/** "1 APAC, 1 EMEA" from {"APAC":1,"EMEA":1}. */
export function seatsText(seats: Record<string, number | undefined> | null | undefined): string {
  const parts = Object.entries(seats ?? {})
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([r, n]) => `${n} ${isSeatRegion(r) ? REGION_LABEL[r] : r}`);
  return parts.length ? parts.join(", ") : "no seats";
}
