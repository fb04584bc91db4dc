/**
 * Synthetic ballots for the tally benchmark: fictional candidates "Candidate 01".., full rankings
 * drawn from a seeded Plackett-Luce model (each candidate has a popularity; a voter's ranking is
 * the popularity-weighted random order), so STV has realistic surpluses and exclusions.
 */
import { writeBlt } from "../lib/elections/ballot-formats/blt.ts";
import { BallotPacker } from "../lib/elections/tally/ballots.ts";

/** A small seeded PRNG (mulberry32), so every run benchmarks the same ballots. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A BLT file of `voters` ballots over `candidates` candidates for `seats` seats. */
export function generateBlt(voters: number, candidates: number, seats: number, seed = 1): string {
  const random = createRandom(seed);
  const popularity = Array.from({ length: candidates }, () => 0.2 + random() * 2);
  const packer = new BallotPacker();
  const keys = new Float64Array(candidates);
  const order = Array.from({ length: candidates }, (_, c) => c);
  for (let v = 0; v < voters; v++) {
    // Gumbel-max trick: sorting by log(w) + Gumbel noise samples a Plackett-Luce ranking.
    for (let c = 0; c < candidates; c++)
      keys[c] = Math.log(popularity[c] ?? 1) - Math.log(-Math.log(random() || 1e-12));
    order.sort((a, b) => (keys[b] ?? 0) - (keys[a] ?? 0));
    packer.open(1, v + 1);
    order.forEach((c, level) => packer.push(c, level));
    packer.close();
  }
  const names = Array.from({ length: candidates }, (_, c) => `Candidate ${String(c + 1).padStart(2, "0")}`);
  return writeBlt({ title: `Synthetic ${voters} x ${candidates}`, candidates: names, seats, ballots: packer.finish() });
}
