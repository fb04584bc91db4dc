import type { PackedBallots } from "../tally/types.ts";

/** What a ballot file says about an election, ready for a count. */
export interface ElectionFile {
  title?: string;
  candidates: string[];
  /** Absent when the format does not carry it (Elekto's ballots.csv). */
  seats?: number;
  /** Candidate indices withdrawn before the count. */
  withdrawn: number[];
  /** Absent when only pairwise counts were published (matrix.json). */
  ballots?: PackedBallots;
  /** pairwise[i * n + j]: voters who ranked i above j (matrix.json only). */
  pairwise?: Float64Array;
}
