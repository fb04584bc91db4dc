import type { TieBreak } from "./lot.ts";

/**
 * Shapes shared by the counts. Candidates are referred to by their index in `candidates` (input
 * order) everywhere inside the module; names appear only in outcomes, which are published as JSON.
 */

/**
 * Ballots in packed form, so 100,000 ballots cost a handful of typed arrays instead of millions of
 * small JavaScript arrays. Ballot `b` ranks `entries[offsets[b]] .. entries[offsets[b + 1] - 1]`
 * in preference order; `levels` gives each entry's preference level (0 = most preferred, equal
 * levels are equal ranks, levels never decrease within a ballot). Identical ballots are expected
 * to be aggregated into one with a larger `weights[b]`.
 */
export interface PackedBallots {
  readonly count: number;
  readonly weights: Float64Array;
  readonly offsets: Uint32Array;
  readonly entries: CandidateArray;
  readonly levels: CandidateArray;
  /** Source line (or row) of each packed ballot, so errors found by a count can name it. */
  readonly lines?: Int32Array;
}

/**
 * Candidate indices or preference levels (both below the number of candidates): the BLT reader
 * stores them in the narrowest array that holds them ({@link candidateArray}), since at 100,000
 * ballots x 30 candidates four bytes each meant 24 MB to write and read instead of 6 MB.
 */
export type CandidateArray = Uint8Array | Uint16Array | Int32Array;

/** One ballot in readable form: preference levels, most preferred first, of candidate indices. */
export interface BallotInput {
  weight: number;
  ranking: number[][];
}

/** Facts about one candidate (or sitting member) that the constraints look at. */
export interface Affiliation {
  employer?: string;
  region?: string;
}

/**
 * `rules.json`: every field optional. Names in `candidates` are the ballot file's names. Seats
 * reserved for a region are written as `minPerRegion[r] = maxPerRegion[r]`.
 */
export interface Rules {
  candidates?: Record<string, Affiliation>;
  sitting?: Affiliation[];
  maxPerEmployer?: number;
  maxPerRegion?: Record<string, number>;
  minPerRegion?: Record<string, number>;
}

/** A tie settled by the lot (or by input order when the count says so): `order` is favoured first. */
export interface TieLot {
  names: string[];
  order: string[];
  /** STV stage (1-based) at which the lot was drawn. */
  stage?: number;
}

export interface Exclusion {
  name: string;
  reason: string;
}

export interface UnmetMinimum {
  region: string;
  missing: number;
}

/** What every count needs besides ballots. */
export interface CountOptions {
  candidates: readonly string[];
  seats: number;
  /** Candidate indices withdrawn before the count (BLT's negative line). */
  withdrawn?: readonly number[];
  rules?: Rules;
  /** Hex seed of the lot; see docs/decisions/005-tally-tie-breaking.md. */
  seed: string;
  /** `input-order` settles ties by the order of `candidates` instead of the lot (decision 005). */
  tiebreak?: TieBreak;
}

interface OutcomeBase {
  candidates: string[];
  seats: number;
  /** Winners in seat order. */
  winners: string[];
  excluded: Exclusion[];
  ties: TieLot[];
  unmet: UnmetMinimum[];
}

export interface SchulzeOutcome extends OutcomeBase {
  method: "schulze";
  /** Tied groups of names, best first; every candidate appears exactly once. */
  ranking: string[][];
  /** pairwise[i][j]: voters who ranked i above j. */
  pairwise: number[][];
  /** strongest[i][j]: strength of the strongest path from i to j (winning votes). */
  strongest: number[][];
}

export interface StvStage {
  /** Votes of every candidate (input order) at the end of the stage. */
  votes: number[];
  /** Candidates deemed elected at this stage. */
  elected: string[];
  /** Candidates excluded at this stage. */
  excluded: string[];
  /** What the stage did, for readers of the count. */
  action: string;
  /** Votes that could not be transferred, accumulated up to this stage. */
  nonTransferable: number;
}

export interface StvOutcome extends OutcomeBase {
  method: "stv" | "meek";
  quota: number;
  stages: StvStage[];
}

export type Outcome = SchulzeOutcome | StvOutcome;
