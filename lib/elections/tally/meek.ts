import { ELECTED, EXCLUDED, HOPEFUL, StvState, prepareStvBallots } from "./stv-common.ts";
import type { CountOptions, PackedBallots, StvOutcome, StvStage } from "./types.ts";

/**
 * Meek STV in the manner of the reference rule (Hill, Wichmann and Woodall, Voting matters 22) as
 * the droop package counts it: each elected candidate keeps a fraction (keep factor) of every
 * ballot reaching them and passes the rest on; keep factors are iterated until the total surplus
 * is below omega = 1e-9 or stops falling; sure losers are excluded in a batch; otherwise the lowest
 * hopeful is excluded, candidates within the surplus of the lowest counting as tied (settled by the
 * seeded lot). Arithmetic is double precision, enough for the published test sets.
 */

const OMEGA = 1e-9;
/**
 * Votes closer than this count as equal when looking for sure losers and ties for exclusion, as
 * the reference's fixed-precision comparisons do; without it, double rounding (2 - 6e-14 against
 * 2) would turn a published tie into a deterministic exclusion.
 */
const TOLERANCE = 1e-9;
const MAX_ITERATIONS = 10_000;

/** Counts an election by Meek STV, refusing ballots with equal ranks. */
export function tallyMeek(options: CountOptions & { ballots?: PackedBallots }): StvOutcome {
  const ballots = prepareStvBallots(options, options.ballots);
  const n = options.candidates.length;
  const { weights, offsets, entries } = ballots;
  const s = new StvState(options);
  const state = s.state;
  const keep = new Float64Array(n);
  for (let c = 0; c < n; c++) keep[c] = state[c] === HOPEFUL ? 1 : 0;
  const votes = new Float64Array(n);
  let exhausted = 0;

  const distribute = (): void => {
    votes.fill(0);
    exhausted = 0;
    for (let b = 0; b < ballots.count; b++) {
      const w = weights[b]!;
      let left = 1;
      const end = offsets[b + 1]!;
      for (let i = offsets[b]!; i < end && left > 0; i++) {
        const c = entries[i]!;
        const kf = keep[c]!;
        if (kf === 0) continue;
        const kept = left * kf;
        votes[c]! += kept * w;
        left -= kept;
      }
      exhausted += left * w;
    }
  };

  let validVotes = 0;
  for (let b = 0; b < ballots.count; b++) if (offsets[b + 1]! > offsets[b]!) validVotes += weights[b]!;
  const quotaOf = (total: number): number => total / (options.seats + 1) + total * 1e-14;
  let quota = quotaOf(validVotes);
  const stages: StvStage[] = [];
  const history: Float64Array[] = [];
  const record = (action: string, elected: string[], excluded: string[]): void => {
    history.push(Float64Array.from(votes));
    stages.push({ votes: Array.from(votes), elected, excluded, action, nonTransferable: exhausted });
  };

  const defeat = (c: number): void => {
    state[c] = EXCLUDED;
    keep[c] = 0;
  };

  /** Elects hopefuls at quota (highest first) unless a constraint bars them; applies the constraints. */
  const settle = (): { elected: string[]; excluded: string[] } => {
    const elected: string[] = [];
    const excluded: string[] = [];
    const reached = s
      .hopeful()
      .filter((c) => votes[c]! >= quota)
      .sort((a, b) => votes[b]! - votes[a]! || a - b);
    for (const c of reached) {
      if (s.open <= 0) break;
      const reason = s.constraints.active ? s.constraints.reason(c, s.open) : undefined;
      if (reason !== undefined) {
        s.bar(c, reason);
        keep[c] = 0;
        excluded.push(s.name(c));
      } else {
        s.elect(c);
        elected.push(s.name(c));
      }
    }
    for (const { c, reason } of s.findBarred()) {
      s.bar(c, reason);
      keep[c] = 0;
      excluded.push(s.name(c));
    }
    return { elected, excluded };
  };

  distribute();
  record("first preferences", [], []);
  let stage = 1;
  while (!s.complete()) {
    stage++;
    let surplus = 0;
    let last = Number.POSITIVE_INFINITY;
    let status: "elected" | "omega" | "stable" | "batch" = "omega";
    let batch: number[] = [];
    for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      distribute();
      let total = 0;
      for (let c = 0; c < n; c++) if (state[c] !== EXCLUDED) total += votes[c]!;
      quota = quotaOf(total);
      if (s.hopeful().some((c) => votes[c]! >= quota)) {
        status = "elected";
        break;
      }
      surplus = 0;
      for (let c = 0; c < n; c++) if (state[c] === ELECTED) surplus += Math.max(0, votes[c]! - quota);
      if (surplus <= OMEGA) {
        status = "omega";
        break;
      }
      if (surplus >= last) {
        status = "stable";
        break;
      }
      batch = findSureLosers(s.hopeful(), votes, surplus, s.open);
      if (batch.length > 0) {
        status = "batch";
        break;
      }
      last = surplus;
      for (let c = 0; c < n; c++) {
        if (state[c] === ELECTED) keep[c] = (keep[c]! * quota) / votes[c]!;
      }
    }
    if (status === "elected") {
      const moved = settle();
      record("keep factors iterated; quota reached", moved.elected, moved.excluded);
      continue;
    }
    let defeated: number[];
    if (status === "batch") {
      defeated = batch;
    } else {
      const hopeful = s.hopeful();
      const low = Math.min(...hopeful.map((c) => votes[c]!));
      const tied = hopeful.filter((c) => votes[c]! <= low + surplus + TOLERANCE);
      defeated = [s.breakTie(tied, history, "lowest", stage, false)];
    }
    for (const c of defeated) defeat(c);
    distribute();
    const moved = settle();
    record(status === "batch" ? "sure losers excluded" : "lowest excluded", moved.elected, [
      ...defeated.map((c) => s.name(c)),
      ...moved.excluded,
    ]);
  }
  return s.finish("meek", votes, quota, stages);
}

/**
 * The largest set of lowest hopefuls that cannot win even if they received the whole surplus: their
 * votes plus the surplus stay below the next candidate's, ties are never split, and enough
 * hopefuls stay for the open seats.
 */
function findSureLosers(hopeful: number[], votes: Float64Array, surplus: number, open: number): number[] {
  const sorted = [...hopeful].sort((a, b) => votes[a]! - votes[b]! || a - b);
  const groups: number[][] = [];
  // Like the reference, the first group is measured from 0, later ones from their first member.
  let base = 0;
  for (const c of sorted) {
    const current = groups[groups.length - 1];
    if (base + surplus + TOLERANCE >= votes[c]!) {
      if (current) current.push(c);
      else groups.push([c]);
    } else {
      groups.push([c]);
      base = votes[c]!;
    }
  }
  const maxDefeat = hopeful.length - open;
  let total = 0;
  let count = 0;
  let upTo = -1;
  for (let g = 0; g < groups.length - 1; g++) {
    const group = groups[g]!;
    count += group.length;
    if (count > maxDefeat) break;
    for (const c of group) total += votes[c]!;
    if (total + surplus < votes[groups[g + 1]![0]!]! - TOLERANCE) upTo = g;
  }
  return groups.slice(0, upTo + 1).flat();
}
