/** How a claim's status reads on the item page ("Your claim: working on it"). */
export const CLAIM_STATUS: Record<string, string> = {
  invited: "invited",
  requested: "asked to help",
  accepted: "working on it",
  done: "done, awaiting confirmation",
  completed: "completed",
  declined: "declined",
  withdrawn: "withdrew",
  released: "released",
};

/** Marks a held claim without an update for the TAG's stale-after days. */
export function StaleBadge() {
  return (
    <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">
      Stale: no update lately
    </span>
  );
}
