import { findEqualRankBallot, removeCandidates } from "./ballots.ts";
import { SeatConstraints } from "./constraints.ts";
import { TallyInputError } from "./errors.ts";
import { settleTie } from "./lot.ts";
import type { CountOptions, Exclusion, PackedBallots, StvOutcome, StvStage, TieLot } from "./types.ts";

/** Candidate states during an STV count. */
export const HOPEFUL = 0;
export const ELECTED = 1;
export const EXCLUDED = 2;

/**
 * Checks and prepares ballots for STV: withdrawn candidates struck out, and ballots with equal
 * ranks refused (an STV ballot transfers to one next preference, so "B = C" has no meaning),
 * naming the first such ballot's line.
 */
export function prepareStvBallots(options: CountOptions, ballots: PackedBallots | undefined): PackedBallots {
  if (!ballots) throw new TallyInputError("an STV count needs the ballots; pairwise counts are not enough");
  const { seats, candidates } = options;
  if (!Number.isInteger(seats) || seats < 1) throw new TallyInputError("must be a whole number, 1 or more", "seats");
  const equal = findEqualRankBallot(ballots);
  if (equal >= 0) {
    const line = ballots.lines?.[equal];
    throw new TallyInputError(
      "ranks candidates equally, which STV cannot count; rank every candidate on its own level or count with Schulze",
      line === undefined ? `ballot ${equal + 1}` : `line ${line}`,
    );
  }
  const withdrawn = options.withdrawn ?? [];
  if (withdrawn.length === 0) return ballots;
  const removed = new Uint8Array(candidates.length);
  for (const c of withdrawn) removed[c] = 1;
  return removeCandidates(ballots, removed);
}

/** Bookkeeping both STV counts share: states, constraint exclusions, lots. */
export class StvState {
  readonly state: Uint8Array;
  readonly excluded: Exclusion[] = [];
  readonly ties: TieLot[] = [];
  readonly winners: number[] = [];
  readonly constraints: SeatConstraints;

  constructor(readonly options: CountOptions) {
    this.state = new Uint8Array(options.candidates.length);
    this.constraints = new SeatConstraints(options.candidates, options.rules);
    for (const c of options.withdrawn ?? []) {
      this.state[c] = EXCLUDED;
      this.excluded.push({ name: this.name(c), reason: "withdrawn" });
    }
  }

  name(c: number): string {
    return this.options.candidates[c] ?? "";
  }

  /**
   * Ends a count: seats still open go to the remaining hopefuls by votes (then input order),
   * recorded on the last stage, and the outcome is assembled. Shared by Scottish and Meek STV.
   */
  finish(method: StvOutcome["method"], votes: ArrayLike<number>, quota: number, stages: StvStage[]): StvOutcome {
    const last = stages[stages.length - 1]!;
    if (this.open > 0) {
      for (const c of this.hopeful().sort((a, b) => votes[b]! - votes[a]! || a - b)) {
        this.elect(c);
        last.elected.push(this.name(c));
      }
    }
    return {
      method,
      candidates: [...this.options.candidates],
      seats: this.options.seats,
      winners: this.winners.map((c) => this.name(c)),
      excluded: this.excluded,
      ties: this.ties,
      unmet: this.constraints.unmet(),
      quota,
      stages,
    };
  }

  get open(): number {
    return this.options.seats - this.winners.length;
  }

  hopeful(): number[] {
    const list: number[] = [];
    this.state.forEach((s, c) => {
      if (s === HOPEFUL) list.push(c);
    });
    return list;
  }

  /** True when the count can stop: seats filled, or no more hopefuls than open seats. */
  complete(): boolean {
    return this.open <= 0 || this.hopeful().length <= this.open;
  }

  elect(c: number): void {
    this.state[c] = ELECTED;
    this.winners.push(c);
    this.constraints.take(c);
  }

  /**
   * Hopefuls the constraints now keep out: over a cap, or needed seats reserved for other regions'
   * minimums. A minimum that the remaining hopefuls can no longer meet is waived, so the count
   * fills the seats anyway (as the Schulze walk's second pass does); it is reported as unmet.
   */
  findBarred(): { c: number; reason: string }[] {
    if (!this.constraints.active) return [];
    const hopeful = this.hopeful();
    for (const key of this.constraints.minimumRegions()) {
      const missing = this.constraints.missingIn(key);
      if (missing === 0) continue;
      const left = hopeful.filter((c) => this.constraints.regionKey(c) === key).length;
      if (left < missing) this.constraints.waiveMinimum(key);
    }
    const barred: { c: number; reason: string }[] = [];
    for (const c of hopeful) {
      const reason = this.constraints.reason(c, this.open);
      if (reason !== undefined) barred.push({ c, reason });
    }
    return barred;
  }

  bar(c: number, reason: string): void {
    this.state[c] = EXCLUDED;
    this.excluded.push({ name: this.name(c), reason });
  }

  /**
   * Picks one of `tied` (all with equal current votes): looking back from the most recent earlier
   * stage, keep those with the highest (`pick = "highest"`) or lowest votes until one is left; if
   * they were equal at every stage, the seeded lot decides (favoured first; for "lowest" the last in
   * the lot's order is picked, so the lot's favourite survives), or input order when the count says so.
   */
  breakTie(
    tied: number[],
    history: readonly Float64Array[],
    pick: "highest" | "lowest",
    stage: number,
    lookBack: boolean,
  ): number {
    let left = tied;
    if (lookBack) {
      for (let s = history.length - 1; s >= 0 && left.length > 1; s--) {
        const votes = history[s]!;
        const values = left.map((c) => votes[c] ?? 0);
        const target = pick === "highest" ? Math.max(...values) : Math.min(...values);
        const narrowed = left.filter((c) => votes[c] === target);
        if (narrowed.length < left.length) left = narrowed;
      }
    }
    if (left.length === 1) return left[0]!;
    const names = left.map((c) => this.name(c));
    const order = settleTie(this.options, names, pick === "highest" ? "keep" : "drop");
    this.ties.push({ names, order, stage });
    const chosen = pick === "highest" ? order[0] : order[order.length - 1];
    return left[names.indexOf(chosen ?? "")]!;
  }
}
