/** The viewer's standing as voter and candidate, in words (home page, /elections, the election page). */
export type VoterStatusValue = "eligible" | "voted" | { notEligible: string } | null;
export type CandidateStatusValue =
  "standing" | "withdrawn" | "unendorsed" | "eligible" | "closed" | { notEligible: string } | null;

export function voterText(s: VoterStatusValue, phase: string): string {
  if (s === null) return "Sign in to see whether you may vote.";
  if (s === "voted") return "You voted.";
  if (s === "eligible") return phase === "voting" ? "You may vote now." : "You may vote when voting opens.";
  return `You are not eligible to vote: ${s.notEligible}`;
}

export function candidateText(s: CandidateStatusValue): string | null {
  if (s === null || s === "closed") return null;
  if (s === "standing") return "You are standing.";
  if (s === "withdrawn") return "You withdrew your nomination.";
  if (s === "unendorsed") return "You are standing; your nomination still needs endorsements.";
  if (s === "eligible") return "You may stand (nominations are open).";
  return `You may not stand: ${s.notEligible}`;
}

export function StatusBadge({ voter, phase }: { voter: VoterStatusValue; phase: string }) {
  const tone =
    voter === "voted"
      ? "bg-green-50 text-green-900 ring-green-200"
      : voter === "eligible"
        ? "bg-brand-50 text-brand-900 ring-brand-200"
        : "bg-amber-50 text-amber-900 ring-amber-200";
  return <span className={`inline-block rounded px-2 py-0.5 text-sm ring-1 ${tone}`}>{voterText(voter, phase)}</span>;
}
