import type { TieBreak } from "./lot.ts";
import type { Outcome } from "./types.ts";

/**
 * The `--json` object of `npm run tally` (the field names, in a stable order). The portal
 * stores exactly this as an election's `result.json`, so re-counting its published files with the
 * CLI prints the same text.
 */
export function outcomeToJson(
  outcome: Outcome,
  extra: { title?: string; seed: string; tiebreak?: TieBreak },
): Record<string, unknown> {
  const common = {
    method: outcome.method,
    ...(extra.title === undefined ? {} : { title: extra.title }),
    seats: outcome.seats,
    seed: extra.seed,
    // Only a count that settled ties otherwise than by the lot says so; the portal's results never do.
    ...((extra.tiebreak ?? "lot") === "lot" ? {} : { tiebreak: extra.tiebreak }),
    candidates: outcome.candidates,
    winners: outcome.winners,
  };
  if (outcome.method === "schulze") {
    return {
      ...common,
      ranking: outcome.ranking,
      excluded: outcome.excluded,
      ties: outcome.ties,
      unmet: outcome.unmet,
      pairwise: outcome.pairwise,
      strongest: outcome.strongest,
    };
  }
  return {
    ...common,
    excluded: outcome.excluded,
    ties: outcome.ties,
    unmet: outcome.unmet,
    quota: outcome.quota,
    stages: outcome.stages,
  };
}
