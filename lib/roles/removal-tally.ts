/**
 * The outcome of a TOC vote to remove an inactive leader (pure). CNCF: removal needs a
 * supermajority of TOC members voting (each TAG may set its share, default two thirds).
 *
 * Quorum (our choice, documented here and on /toc): at least REMOVAL_QUORUM votes cast. A vote
 * is decided when every eligible TOC member has voted, or when a TOC member closes it; closing
 * with fewer votes than the quorum fails the proposal. "Majority of TOC members" was rejected as
 * the quorum because the TOC's size changes while a vote is open, which would make an open vote's
 * outcome move without anyone voting.
 */
export const REMOVAL_QUORUM = 3;

export interface RemovalTally {
  inFavor: number;
  against: number;
  passed: boolean;
  explanation: string;
}

export function tallyRemoval(
  votes: readonly { inFavor: boolean }[],
  supermajority: number,
  quorum = REMOVAL_QUORUM,
): RemovalTally {
  const inFavor = votes.filter((v) => v.inFavor).length;
  const cast = votes.length;
  const against = cast - inFavor;
  if (cast < quorum)
    return { inFavor, against, passed: false, explanation: `Quorum not met: ${cast} of at least ${quorum} votes.` };
  // A small tolerance so that 2 of 3 meets a stored 0.6667 share meant as two thirds.
  const passed = inFavor / cast >= supermajority - 0.001;
  const pct = Math.round(supermajority * 100);
  return {
    inFavor,
    against,
    passed,
    explanation: `${inFavor} of ${cast} in favour; ${pct}% needed: ${passed ? "passed" : "failed"}.`,
  };
}
