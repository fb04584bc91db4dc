/**
 * The tally: pure counting (no I/O) for TAG Portal elections and for re-counting published ones.
 * Schulze (winning votes, with employer and regional constraints), Scottish STV and Meek STV.
 */
import { tallyMeek } from "./meek.ts";
import { tallySchulze } from "./schulze.ts";
import { tallyStv } from "./stv.ts";
import type { CountOptions, Outcome, PackedBallots } from "./types.ts";

export type * from "./types.ts";
export { BallotPacker, packBallots, unpackBallot, unpackBallots, findEqualRankBallot } from "./ballots.ts";
export { SeatConstraints, validateRules, walkRanking } from "./constraints.ts";
export { TallyInputError } from "./errors.ts";
export { hashSha256, isHexSeed, lotKey, orderByLot, settleTie, TIE_BREAKS, type TieBreak } from "./lot.ts";
export { tallyMeek } from "./meek.ts";
export { outcomeToJson } from "./outcome-json.ts";
export { computeStrongestPaths, countPairwise, rankSchulze, tallySchulze } from "./schulze.ts";
export { tallyStv } from "./stv.ts";

/** Each counting method, by the name elections, the API and the CLI use. */
const TALLIES = { schulze: tallySchulze, stv: tallyStv, meek: tallyMeek };
export type TallyMethod = keyof typeof TALLIES;
export const TALLY_METHODS = Object.keys(TALLIES) as readonly TallyMethod[];

/** Counts an election by `method`; throws {@link TallyInputError} on input the method cannot count. */
export function tallyElection(
  method: TallyMethod,
  options: CountOptions & { ballots?: PackedBallots; pairwise?: Float64Array },
): Outcome {
  return TALLIES[method](options);
}
