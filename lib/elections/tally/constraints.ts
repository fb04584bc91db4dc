import { TallyInputError } from "./errors.ts";
import { settleTie, type TieBreak } from "./lot.ts";
import type { Affiliation, Exclusion, Rules, TieLot, UnmetMinimum } from "./types.ts";

/**
 * Employer and regional constraints on who may take a seat (issue 6): caps per employer and per
 * region, minimums per region, sitting members counting toward both. Kubernetes' steering charter
 * caps the seats one employer may hold; TAG elections reserve seats per region (minimum = maximum).
 */

/** Employers and regions are compared trimmed and case-insensitively ("Google " = "google"). */
function normalize(value: string | undefined): string {
  return (value ?? "").trim().toLowerCase();
}

/** An empty employer or "Independent" never fills an employer's quota of seats. */
function isCappedEmployer(key: string): boolean {
  return key !== "" && key !== "independent";
}

function checkCount(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new TallyInputError("must be a whole number of seats, 0 or more", where);
  }
  return value;
}

/** Checks a parsed `rules.json` value against the candidates; throws naming the bad field. */
export function validateRules(value: unknown, candidates: readonly string[]): Rules {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TallyInputError("must be a JSON object", "rules");
  }
  const raw = value as Record<string, unknown>;
  const known = new Set(["candidates", "sitting", "maxPerEmployer", "maxPerRegion", "minPerRegion"]);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new TallyInputError("unknown field", `rules.${key}`);
  }
  const rules: Rules = {};
  const checkAffiliation = (item: unknown, where: string): Affiliation => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      throw new TallyInputError("must be an object with employer and/or region", where);
    }
    const fields = item as Record<string, unknown>;
    const affiliation: Affiliation = {};
    for (const [key, v] of Object.entries(fields)) {
      if (key !== "employer" && key !== "region") throw new TallyInputError("unknown field", `${where}.${key}`);
      if (typeof v !== "string") throw new TallyInputError("must be a string", `${where}.${key}`);
      affiliation[key] = v;
    }
    return affiliation;
  };
  if (raw.candidates !== undefined) {
    if (raw.candidates === null || typeof raw.candidates !== "object" || Array.isArray(raw.candidates)) {
      throw new TallyInputError("must be an object keyed by candidate name", "rules.candidates");
    }
    const names = new Set(candidates);
    rules.candidates = {};
    for (const [name, item] of Object.entries(raw.candidates)) {
      const where = `rules.candidates[${JSON.stringify(name)}]`;
      if (!names.has(name)) throw new TallyInputError("no candidate of that name in the ballot file", where);
      rules.candidates[name] = checkAffiliation(item, where);
    }
  }
  if (raw.sitting !== undefined) {
    if (!Array.isArray(raw.sitting)) throw new TallyInputError("must be an array", "rules.sitting");
    rules.sitting = raw.sitting.map((item, i) => checkAffiliation(item, `rules.sitting[${i}]`));
  }
  if (raw.maxPerEmployer !== undefined) rules.maxPerEmployer = checkCount(raw.maxPerEmployer, "rules.maxPerEmployer");
  for (const field of ["maxPerRegion", "minPerRegion"] as const) {
    const map = raw[field];
    if (map === undefined) continue;
    if (map === null || typeof map !== "object" || Array.isArray(map)) {
      throw new TallyInputError("must be an object keyed by region", `rules.${field}`);
    }
    const checked: Record<string, number> = {};
    for (const [region, count] of Object.entries(map)) {
      checked[region] = checkCount(count, `rules.${field}[${JSON.stringify(region)}]`);
    }
    rules[field] = checked;
  }
  return rules;
}

/** Seats held so far per employer and region, and the checks a candidate must pass to be seated. */
export class SeatConstraints {
  private readonly employers: string[];
  private readonly regions: string[];
  private readonly employerLabel = new Map<string, string>();
  private readonly regionLabel = new Map<string, string>();
  private readonly maxPerRegion = new Map<string, number>();
  private readonly minPerRegion = new Map<string, number>();
  private readonly maxPerEmployer: number | undefined;
  private employerCount = new Map<string, number>();
  private regionCount = new Map<string, number>();
  /** Minimums no longer enforced because too few candidates of the region are left (STV). */
  private waived = new Set<string>();

  constructor(candidates: readonly string[], rules: Rules = {}) {
    const info = candidates.map((name) => rules.candidates?.[name] ?? {});
    this.employers = info.map((a) => normalize(a.employer));
    this.regions = info.map((a) => normalize(a.region));
    info.forEach((a) => this.label(a));
    this.maxPerEmployer = rules.maxPerEmployer;
    for (const [region, max] of Object.entries(rules.maxPerRegion ?? {})) {
      this.maxPerRegion.set(normalize(region), max);
      this.label({ region });
    }
    for (const [region, min] of Object.entries(rules.minPerRegion ?? {})) {
      this.minPerRegion.set(normalize(region), min);
      this.label({ region });
    }
    for (const member of rules.sitting ?? []) {
      this.label(member);
      this.count(normalize(member.employer), normalize(member.region));
    }
  }

  /** True when some rule could keep a candidate out (so counts can skip the bookkeeping). */
  get active(): boolean {
    return this.maxPerEmployer !== undefined || this.maxPerRegion.size > 0 || this.minPerRegion.size > 0;
  }

  private label(a: Affiliation): void {
    const employer = normalize(a.employer);
    if (employer && !this.employerLabel.has(employer)) this.employerLabel.set(employer, (a.employer ?? "").trim());
    const region = normalize(a.region);
    if (region && !this.regionLabel.has(region)) this.regionLabel.set(region, (a.region ?? "").trim());
  }

  private count(employer: string, region: string): void {
    this.employerCount.set(employer, (this.employerCount.get(employer) ?? 0) + 1);
    this.regionCount.set(region, (this.regionCount.get(region) ?? 0) + 1);
  }

  /** Why candidate `c` is over a cap now, or undefined when no cap stops them. */
  capReason(c: number): string | undefined {
    const employer = this.employers[c] ?? "";
    if (this.maxPerEmployer !== undefined && isCappedEmployer(employer)) {
      const held = this.employerCount.get(employer) ?? 0;
      if (held >= this.maxPerEmployer) {
        return `employer cap: ${this.employerLabel.get(employer) ?? employer} already holds ${held} of at most ${this.maxPerEmployer} seats`;
      }
    }
    const region = this.regions[c] ?? "";
    const max = this.maxPerRegion.get(region);
    if (max !== undefined) {
      const held = this.regionCount.get(region) ?? 0;
      if (held >= max) {
        return `region cap: ${this.regionLabel.get(region) ?? region} already holds ${held} of at most ${max} seats`;
      }
    }
    return undefined;
  }

  /** Regions whose minimum is not met yet, with how many seats each still needs. */
  unmet(): UnmetMinimum[] {
    const list: UnmetMinimum[] = [];
    for (const [region, min] of this.minPerRegion) {
      const missing = min - (this.regionCount.get(region) ?? 0);
      if (missing > 0) list.push({ region: this.regionLabel.get(region) ?? region, missing });
    }
    return list;
  }

  /**
   * Why taking `c` would leave fewer open seats than the regional minimums still need, or
   * undefined. A candidate whose own region still needs seats always passes this check.
   */
  minimumReason(c: number, openSeats: number): string | undefined {
    const region = this.regions[c] ?? "";
    const min = this.minPerRegion.get(region);
    if (min !== undefined && (this.regionCount.get(region) ?? 0) < min) return undefined;
    const unmet = this.unmet().filter((u) => !this.waived.has(normalize(u.region)));
    const needed = unmet.reduce((sum, u) => sum + u.missing, 0);
    if (openSeats - 1 >= needed) return undefined;
    return `regional minimum: the ${openSeats} open seat${openSeats === 1 ? " is" : "s are"} needed for ${unmet
      .map((u) => `${u.region} (${u.missing})`)
      .join(", ")}`;
  }

  /** Why `c` may not take one of `openSeats` now, or undefined when they may. */
  reason(c: number, openSeats: number, ignoreMinimums = false): string | undefined {
    return this.capReason(c) ?? (ignoreMinimums ? undefined : this.minimumReason(c, openSeats));
  }

  /** Region key of candidate `c` (normalized), "" when none. */
  regionKey(c: number): string {
    return this.regions[c] ?? "";
  }

  /** Seats region `key` still needs to reach its minimum (0 when met, waived or none). */
  missingIn(key: string): number {
    if (this.waived.has(key)) return 0;
    return Math.max(0, (this.minPerRegion.get(key) ?? 0) - (this.regionCount.get(key) ?? 0));
  }

  /** Stops enforcing region `key`'s minimum; it will still be reported as unmet if it stays so. */
  waiveMinimum(key: string): void {
    this.waived.add(key);
  }

  /** Normalized keys of the regions that have a minimum. */
  minimumRegions(): string[] {
    return [...this.minPerRegion.keys()];
  }

  take(c: number): void {
    this.count(this.employers[c] ?? "", this.regions[c] ?? "");
  }

  /** A copy whose seat counts can move without touching this one. */
  clone(): SeatConstraints {
    const copy = Object.create(SeatConstraints.prototype) as SeatConstraints;
    Object.assign(copy, this);
    copy.employerCount = new Map(this.employerCount);
    copy.regionCount = new Map(this.regionCount);
    copy.waived = new Set(this.waived);
    return copy;
  }
}

export interface WalkResult {
  winners: number[];
  excluded: Exclusion[];
  ties: TieLot[];
  unmet: UnmetMinimum[];
}

/**
 * Fills seats by walking a ranking of tied groups (best first) under the constraints: take each
 * candidate unless a cap or the regional minimums stop them; if seats stay open, record the unmet
 * minimums and walk again from the top over those not taken, ignoring minimums but keeping caps.
 * A tied group that decides a seat is ordered by the seeded lot (or input order, `tie.tiebreak`); otherwise it is taken in input
 * order (no lot is needed when every member gets a seat anyway).
 */
export function walkRanking(
  groups: readonly (readonly number[])[],
  seats: number,
  candidates: readonly string[],
  constraints: SeatConstraints,
  tie: { seed: string; tiebreak?: TieBreak },
  withdrawn: ReadonlySet<number> = new Set(),
): WalkResult {
  const winners: number[] = [];
  const taken = new Set<number>();
  const excluded = new Map<number, string>();
  const ties: TieLot[] = [];
  for (const c of withdrawn) excluded.set(c, "withdrawn");

  const allFit = (members: readonly number[], open: number, ignoreMinimums: boolean): boolean => {
    const trial = constraints.clone();
    for (const c of members) {
      if (trial.reason(c, open, ignoreMinimums) !== undefined) return false;
      trial.take(c);
      open--;
    }
    return true;
  };

  const walk = (ignoreMinimums: boolean): void => {
    for (const group of groups) {
      if (winners.length >= seats) return;
      const members = group.filter((c) => !taken.has(c) && !withdrawn.has(c));
      let order = members;
      if (members.length > 1) {
        const open = seats - winners.length;
        const admissible = members.filter((c) => constraints.reason(c, open, ignoreMinimums) === undefined);
        if (admissible.length > open || !allFit(admissible, open, ignoreMinimums)) {
          const names = members.map((c) => candidates[c] ?? "");
          const lot = settleTie({ ...tie, candidates }, names, "keep");
          ties.push({ names, order: lot });
          order = lot.map((name) => members[names.indexOf(name)] ?? 0);
        }
      }
      for (const c of order) {
        if (winners.length >= seats) return;
        const reason = constraints.reason(c, seats - winners.length, ignoreMinimums);
        if (reason !== undefined) {
          excluded.delete(c);
          excluded.set(c, reason);
          continue;
        }
        constraints.take(c);
        taken.add(c);
        winners.push(c);
        excluded.delete(c);
      }
    }
  };

  walk(false);
  const unmet = constraints.unmet();
  if (winners.length < seats) walk(true);
  return {
    winners,
    excluded: [...excluded].map(([c, reason]) => ({ name: candidates[c] ?? "", reason })),
    ties,
    unmet,
  };
}
