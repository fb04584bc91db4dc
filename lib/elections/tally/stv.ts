import { TallyInputError } from "./errors.ts";
import { ELECTED, EXCLUDED, HOPEFUL, StvState, prepareStvBallots } from "./stv-common.ts";
import type { CountOptions, PackedBallots, StvOutcome, StvStage } from "./types.ts";

/**
 * Scottish STV, as the Scottish Local Government Elections Order 2007 (SSI 2007/42, schedule 1,
 * rules 45-52) counts: Droop quota floor(valid papers / (seats + 1)) + 1; weighted inclusive
 * Gregory transfers (every paper of an elected candidate moves, at surplus x its value / the
 * candidate's votes); values truncated to five decimals; the largest surplus first; exclusion of
 * the lowest; ties broken by the most recent stage at which the tied candidates differed, then by
 * the seeded lot. Votes are kept as integers in units of 0.00001 so truncation is exact.
 */

const UNIT = 100_000;

/** floor(a * b / c) for non-negative integers, exact even when a * b passes 2^53. */
function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return Math.floor(product / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** Counts an election by Scottish STV, refusing ballots with equal ranks. */
export function tallyStv(options: CountOptions & { ballots?: PackedBallots }): StvOutcome {
  const ballots = prepareStvBallots(options, options.ballots);
  const n = options.candidates.length;
  const { weights, offsets, entries } = ballots;
  for (let b = 0; b < ballots.count; b++) {
    const w = weights[b]!;
    if (!Number.isSafeInteger(w) || w < 0) {
      const line = ballots.lines?.[b];
      throw new TallyInputError(
        "Scottish STV counts whole ballot papers; the weight must be a whole number",
        line === undefined ? `ballot ${b + 1}` : `line ${line}`,
      );
    }
  }
  const s = new StvState(options);
  const state = s.state;
  const votes = new Float64Array(n); // in units
  const value = new Float64Array(ballots.count).fill(UNIT);
  const position = new Uint32Array(ballots.count);
  const piles: number[][] = Array.from({ length: n }, () => []);
  let nonTransferable = 0;

  /** Moves paper `b` to its next continuing preference from position `from` on, at `v`. */
  const place = (b: number, from: number, v: number): void => {
    const end = offsets[b + 1]!;
    let i = from;
    while (i < end && state[entries[i]!] !== HOPEFUL) i++;
    value[b] = v;
    if (i >= end) {
      nonTransferable += weights[b]! * v;
      return;
    }
    position[b] = i;
    const c = entries[i]!;
    piles[c]!.push(b);
    votes[c]! += weights[b]! * v;
  };

  // Rule 46: blank papers are not valid papers, so they neither count toward the quota nor exhaust.
  let validPapers = 0;
  for (let b = 0; b < ballots.count; b++) {
    if (offsets[b + 1]! > offsets[b]!) validPapers += weights[b]!;
  }
  const quota = Math.floor(validPapers / (options.seats + 1)) + 1;
  const quotaUnits = quota * UNIT;

  for (let b = 0; b < ballots.count; b++) {
    if (offsets[b + 1]! > offsets[b]!) place(b, offsets[b]!, UNIT);
  }

  const history: Float64Array[] = [];
  const stages: StvStage[] = [];
  const surplusDone = new Uint8Array(n);

  const transferPile = (c: number, surplus: number): void => {
    const pile = piles[c]!;
    piles[c] = [];
    const total = votes[c]!;
    for (const b of pile) {
      const v = surplus < 0 ? value[b]! : mulDivFloor(surplus, value[b]!, total);
      place(b, position[b]! + 1, v);
    }
  };

  /** Elects quota holders and applies the constraints until nothing changes; returns who moved. */
  const settle = (stage: number): { elected: string[]; excluded: string[] } => {
    const elected: string[] = [];
    const excluded: string[] = [];
    for (;;) {
      let changed = false;
      const reached = s.hopeful().filter((c) => votes[c]! >= quotaUnits);
      reached.sort((a, b) => votes[b]! - votes[a]! || a - b);
      // Equal votes only matter for seat order, unless a constraint makes the order decide a seat.
      const ordered: number[] = [];
      let rest = reached;
      while (rest.length > 0) {
        const top = votes[rest[0]!]!;
        const tied = rest.filter((c) => votes[c] === top);
        const next =
          tied.length > 1 && s.constraints.active ? s.breakTie(tied, history, "highest", stage, true) : tied[0]!;
        ordered.push(next);
        rest = rest.filter((c) => c !== next);
      }
      for (const c of ordered) {
        if (s.open <= 0) break;
        const reason = s.constraints.active ? s.constraints.reason(c, s.open) : undefined;
        if (reason !== undefined) {
          s.bar(c, reason);
          excluded.push(s.name(c));
          transferPile(c, -1);
          votes[c] = 0;
        } else {
          s.elect(c);
          elected.push(s.name(c));
        }
        changed = true;
      }
      for (const { c, reason } of s.findBarred()) {
        s.bar(c, reason);
        excluded.push(s.name(c));
        transferPile(c, -1);
        votes[c] = 0;
        changed = true;
      }
      if (!changed) return { elected, excluded };
    }
  };

  const record = (action: string, moved: { elected: string[]; excluded: string[] }): void => {
    history.push(Float64Array.from(votes));
    stages.push({
      votes: Array.from(votes, (v) => v / UNIT),
      elected: moved.elected,
      excluded: moved.excluded,
      action,
      nonTransferable: nonTransferable / UNIT,
    });
  };

  /** Of `among`, the candidate with the most (or fewest) votes now; a tie looks back through the stages, then to the lot. */
  const extreme = (among: number[], pick: "highest" | "lowest", stage: number): number => {
    const values = among.map((c) => votes[c]!);
    const target = pick === "highest" ? Math.max(...values) : Math.min(...values);
    return s.breakTie(
      among.filter((c) => votes[c] === target),
      history,
      pick,
      stage,
      true,
    );
  };

  record("first preferences", settle(1));
  while (!s.complete()) {
    const stage = stages.length + 1;
    // Rule 49: the largest surplus first.
    const pending = [...Array(n).keys()].filter(
      (c) => state[c] === ELECTED && !surplusDone[c] && votes[c]! > quotaUnits,
    );
    let action: string;
    const movedExcluded: string[] = [];
    if (pending.length > 0) {
      const c = extreme(pending, "highest", stage);
      surplusDone[c] = 1;
      const surplus = votes[c]! - quotaUnits;
      transferPile(c, surplus);
      votes[c] = quotaUnits;
      action = `surplus of ${s.name(c)} transferred`;
    } else {
      // Rules 50-51: exclude the lowest.
      const c = extreme(s.hopeful(), "lowest", stage);
      state[c] = EXCLUDED;
      transferPile(c, -1);
      votes[c] = 0;
      movedExcluded.push(s.name(c));
      action = `${s.name(c)} excluded`;
    }
    const moved = settle(stage);
    record(action, { elected: moved.elected, excluded: [...movedExcluded, ...moved.excluded] });
  }
  // Rule 52: when the continuing candidates are no more than the open seats, they are elected.
  return s.finish("stv", votes, quota, stages);
}
