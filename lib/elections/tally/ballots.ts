import type { BallotInput, CandidateArray, PackedBallots } from "./types.ts";

/** An array of `length` candidate indices or levels, for `n` candidates, in the narrowest type that holds them. */
export function candidateArray(n: number, length: number): CandidateArray {
  if (n <= 0x100) return new Uint8Array(length);
  if (n <= 0x10000) return new Uint16Array(length);
  return new Int32Array(length);
}

/**
 * Merges identical ballots (same candidates at the same levels) into the first of them, adding the
 * weights in file order and keeping the first one's line, so every distinct ballot is counted
 * once. Works in place: `raw`'s arrays are compacted and the result views them. One pass with a
 * hash table sized for `raw.count` up front, because 100,000 ballots must merge in a few
 * milliseconds and a table that grows as it goes makes the optimised loop fall back each time.
 * Two independent 32-bit hashes per ballot, so distinct ballots practically never reach the
 * element-by-element comparison: a path first taken after the loop was optimised costs a
 * recompilation, which at 100,000 ballots cost more than the whole merge.
 */
export function mergeIdenticalBallots(raw: PackedBallots): PackedBallots {
  const { count, weights, offsets, entries, levels } = raw;
  const lines = raw.lines;
  let tableSize = 4;
  while (tableSize < count * 2) tableSize *= 2; // at most half full, so probes stay short
  /** Open addressing: kept ballot index + 1, 0 = empty (a Map of int keys is much slower). */
  const table = new Int32Array(tableSize);
  const mask = tableSize - 1;
  const hashes = new Int32Array(count);
  const checks = new Int32Array(count);
  let kept = 0;
  let write = offsets[0]!;
  let start = offsets[0]!;
  for (let b = 0; b < count; b++) {
    const end = offsets[b + 1]!;
    const length = end - start;
    let hash = length;
    let check = length ^ 0x2c1b3c6d;
    for (let i = start; i < end; i++) {
      const entry = entries[i]!;
      const level = levels[i]!;
      hash = (Math.imul(hash, 31) + entry) | 0;
      hash = (Math.imul(hash, 31) + level) | 0;
      check = Math.imul(check ^ entry, 0x01000193);
      check = Math.imul(check ^ level, 0x01000193);
    }
    let slot = hash & mask;
    let same = -1;
    for (let other = table[slot]! - 1; other >= 0; other = table[slot]! - 1) {
      // One test of both hashes (not two &&-ed ones), so every probe runs the same code.
      if (((hashes[other]! ^ hash) | (checks[other]! ^ check)) === 0 && sameBallot(raw, other, start, end)) {
        same = other;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (same >= 0) {
      weights[same] = weights[same]! + weights[b]!;
    } else {
      hashes[kept] = hash;
      checks[kept] = check;
      table[slot] = kept + 1;
      weights[kept] = weights[b]!;
      if (lines) lines[kept] = lines[b]!;
      if (write !== start) {
        entries.copyWithin(write, start, end);
        levels.copyWithin(write, start, end);
      }
      write += length;
      kept++;
      offsets[kept] = write;
    }
    start = end;
  }
  return {
    count: kept,
    weights: weights.subarray(0, kept),
    offsets: offsets.subarray(0, kept + 1),
    entries: entries.subarray(0, write),
    levels: levels.subarray(0, write),
    ...(lines ? { lines: lines.subarray(0, kept) } : {}),
  };
}

/** Whether kept ballot `other` ranks exactly what `entries[start, end)` ranks, level for level. */
function sameBallot(ballots: PackedBallots, other: number, start: number, end: number): boolean {
  const { offsets, entries, levels } = ballots;
  const from = offsets[other]!;
  if (offsets[other + 1]! - from !== end - start) return false;
  for (let i = 0; i < end - start; i++) {
    if (entries[from + i] !== entries[start + i] || levels[from + i] !== levels[start + i]) return false;
  }
  return true;
}

/**
 * Builds {@link PackedBallots} one ballot at a time in growable typed arrays; {@link finish}
 * merges identical ballots ({@link mergeIdenticalBallots}).
 */
export class BallotPacker {
  private weights = new Float64Array(1024);
  private offsets = new Uint32Array(1025);
  private lines = new Int32Array(1024);
  private entries = new Int32Array(8192);
  private levels = new Int32Array(8192);
  private count = 0;
  private size = 0;

  /** Starts a new ballot; follow with {@link push} calls and {@link close}. */
  open(weight: number, line: number): void {
    if (this.count + 1 >= this.weights.length) {
      const grow = <T extends Float64Array | Uint32Array | Int32Array>(a: T, length: number): T => {
        const b = new (a.constructor as new (n: number) => T)(length);
        b.set(a);
        return b;
      };
      const length = this.weights.length * 2;
      this.weights = grow(this.weights, length);
      this.offsets = grow(this.offsets, length + 1);
      this.lines = grow(this.lines, length);
    }
    this.weights[this.count] = weight;
    this.lines[this.count] = line;
  }

  /** Appends a candidate at a preference level (levels must not decrease within a ballot). */
  push(candidate: number, level: number): void {
    if (this.size >= this.entries.length) {
      const entries = new Int32Array(this.entries.length * 2);
      entries.set(this.entries);
      this.entries = entries;
      const levels = new Int32Array(this.levels.length * 2);
      levels.set(this.levels);
      this.levels = levels;
    }
    this.entries[this.size] = candidate;
    this.levels[this.size] = level;
    this.size++;
  }

  /** Ends the ballot. */
  close(): void {
    this.count++;
    this.offsets[this.count] = this.size;
  }

  /** The ballots, identical ones merged. The packer must not be used afterwards. */
  finish(): PackedBallots {
    return mergeIdenticalBallots({
      count: this.count,
      weights: this.weights,
      offsets: this.offsets,
      entries: this.entries,
      levels: this.levels,
      lines: this.lines,
    });
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
    packer.open(ballot.weight, i + 1);
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
