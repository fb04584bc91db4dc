import type { BallotInput, PackedBallots } from "./types.ts";

/**
 * Builds {@link PackedBallots} one ballot at a time, merging identical ballots by a caller-given
 * key (for file readers, the ballot's text) so each distinct ballot is parsed and counted once.
 */
export class BallotPacker {
  private readonly weights: number[] = [];
  private readonly offsets: number[] = [0];
  private readonly entries: number[] = [];
  private readonly levels: number[] = [];
  private readonly lines: number[] = [];
  private readonly byKey = new Map<string, number>();
  private openKey: string | undefined;

  /** Adds `weight` to an already packed ballot with this key; false when there is none yet. */
  addToExisting(key: string, weight: number): boolean {
    const index = this.byKey.get(key);
    if (index === undefined) return false;
    this.weights[index] = (this.weights[index] ?? 0) + weight;
    return true;
  }

  /** Starts a new ballot; follow with {@link push} calls and {@link close}. */
  open(weight: number, line: number, key?: string): void {
    this.openKey = key;
    this.weights.push(weight);
    this.lines.push(line);
  }

  /** Appends a candidate at a preference level (levels must not decrease within a ballot). */
  push(candidate: number, level: number): void {
    this.entries.push(candidate);
    this.levels.push(level);
  }

  close(): void {
    if (this.openKey !== undefined) this.byKey.set(this.openKey, this.weights.length - 1);
    this.openKey = undefined;
    this.offsets.push(this.entries.length);
  }

  finish(): PackedBallots {
    return {
      count: this.weights.length,
      weights: Float64Array.from(this.weights),
      offsets: Uint32Array.from(this.offsets),
      entries: Int32Array.from(this.entries),
      levels: Int32Array.from(this.levels),
      lines: Int32Array.from(this.lines),
    };
  }
}

/**
 * Packs readable ballots, merging identical ones. Empty levels are dropped, so `[[0], [], [1]]`
 * and `[[0], [1]]` are the same ballot.
 */
export function packBallots(ballots: readonly BallotInput[]): PackedBallots {
  const packer = new BallotPacker();
  ballots.forEach((ballot, i) => {
    const ranking = ballot.ranking.filter((level) => level.length > 0);
    const key = JSON.stringify(ranking);
    if (packer.addToExisting(key, ballot.weight)) return;
    packer.open(ballot.weight, i + 1, key);
    ranking.forEach((level, l) => {
      for (const candidate of level) packer.push(candidate, l);
    });
    packer.close();
  });
  return packer.finish();
}

/** The readable form of packed ballot `b`. */
export function unpackBallot(ballots: PackedBallots, b: number): BallotInput {
  const ranking: number[][] = [];
  const end = ballots.offsets[b + 1] ?? 0;
  let previous = -1;
  for (let i = ballots.offsets[b] ?? 0; i < end; i++) {
    const level = ballots.levels[i] ?? 0;
    if (level !== previous) ranking.push([]);
    previous = level;
    ranking[ranking.length - 1]?.push(ballots.entries[i] ?? 0);
  }
  return { weight: ballots.weights[b] ?? 0, ranking };
}

/** Every packed ballot in readable form. */
export function unpackBallots(ballots: PackedBallots): BallotInput[] {
  const list: BallotInput[] = [];
  for (let b = 0; b < ballots.count; b++) list.push(unpackBallot(ballots, b));
  return list;
}

/** Index of the first ballot that ranks two candidates equally, or -1. */
export function findEqualRankBallot(ballots: PackedBallots): number {
  for (let b = 0; b < ballots.count; b++) {
    const end = ballots.offsets[b + 1] ?? 0;
    for (let i = (ballots.offsets[b] ?? 0) + 1; i < end; i++) {
      if (ballots.levels[i] === ballots.levels[i - 1]) return b;
    }
  }
  return -1;
}

/** The same ballots with the flagged candidates struck out (withdrawn or already settled). */
export function removeCandidates(ballots: PackedBallots, removed: Uint8Array): PackedBallots {
  const packer = new BallotPacker();
  for (let b = 0; b < ballots.count; b++) {
    packer.open(ballots.weights[b] ?? 0, ballots.lines?.[b] ?? b + 1);
    const end = ballots.offsets[b + 1] ?? 0;
    for (let i = ballots.offsets[b] ?? 0; i < end; i++) {
      const candidate = ballots.entries[i] ?? 0;
      if (removed[candidate] !== 1) packer.push(candidate, ballots.levels[i] ?? 0);
    }
    packer.close();
  }
  return packer.finish();
}
