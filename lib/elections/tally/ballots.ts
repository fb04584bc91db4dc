import type { BallotInput, PackedBallots } from "./types.ts";

/**
 * Builds {@link PackedBallots} one ballot at a time, merging each ballot into an identical earlier
 * one (weights added) so every distinct ballot is stored and counted once. Storage is growable
 * typed arrays and duplicates are found by a hash of the ranking, because 100,000 ballots must
 * pack in a few tens of milliseconds.
 */
export class BallotPacker {
  private weights = new Float64Array(1024);
  private offsets = new Uint32Array(1025);
  private lines = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** Open-addressing hash table of ballot index + 1 (0 = empty); a Map of int keys is much slower. */
  private table = new Int32Array(4096);
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
      this.hashes = grow(this.hashes, length);
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

  /** Adds a whole ballot from scratch buffers (`length` entries); returns its index as {@link close} does. */
  add(weight: number, line: number, entries: Int32Array, levels: Int32Array, length: number): number {
    this.open(weight, line);
    if (this.size + length > this.entries.length) {
      let capacity = this.entries.length * 2;
      while (capacity < this.size + length) capacity *= 2;
      const grownEntries = new Int32Array(capacity);
      grownEntries.set(this.entries);
      this.entries = grownEntries;
      const grownLevels = new Int32Array(capacity);
      grownLevels.set(this.levels);
      this.levels = grownLevels;
    }
    // A plain loop: subarray() would allocate two views per ballot.
    const target = this.entries;
    const targetLevels = this.levels;
    const at = this.size;
    for (let i = 0; i < length; i++) {
      target[at + i] = entries[i]!;
      targetLevels[at + i] = levels[i]!;
    }
    this.size += length;
    return this.close();
  }

  /** Ends the ballot; returns its index, which is an earlier ballot's when it was a duplicate. */
  close(): number {
    const start = this.offsets[this.count] ?? 0;
    const end = this.size;
    let hash = end - start;
    for (let i = start; i < end; i++) {
      hash = (Math.imul(hash, 31) + (this.entries[i] ?? 0)) | 0;
      hash = (Math.imul(hash, 31) + (this.levels[i] ?? 0)) | 0;
    }
    let mask = this.table.length - 1;
    let slot = hash & mask;
    for (let other = this.table[slot]! - 1; other >= 0; other = this.table[slot]! - 1) {
      if (this.hashes[other] === hash && this.sameRanking(other, start, end)) {
        this.weights[other] = (this.weights[other] ?? 0) + (this.weights[this.count] ?? 0);
        this.size = start;
        return other;
      }
      slot = (slot + 1) & mask;
    }
    this.hashes[this.count] = hash;
    this.table[slot] = this.count + 1;
    this.count++;
    this.offsets[this.count] = end;
    if (this.count * 2 > this.table.length) {
      // Keep the table at most half full so probes stay short.
      this.table = new Int32Array(this.table.length * 2);
      mask = this.table.length - 1;
      for (let b = 0; b < this.count; b++) {
        let at = this.hashes[b]! & mask;
        while (this.table[at] !== 0) at = (at + 1) & mask;
        this.table[at] = b + 1;
      }
    }
    return this.count - 1;
  }

  private sameRanking(other: number, start: number, end: number): boolean {
    const from = this.offsets[other] ?? 0;
    if ((this.offsets[other + 1] ?? 0) - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) {
      if (this.entries[from + i] !== this.entries[start + i] || this.levels[from + i] !== this.levels[start + i])
        return false;
    }
    return true;
  }

  finish(): PackedBallots {
    return {
      count: this.count,
      weights: this.weights.slice(0, this.count),
      offsets: this.offsets.slice(0, this.count + 1),
      entries: this.entries.slice(0, this.size),
      levels: this.levels.slice(0, this.size),
      lines: this.lines.slice(0, this.count),
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
