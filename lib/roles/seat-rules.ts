/**
 * Seat rules of a role (pure: no I/O). The rules come from the two seed discussions: per-region
 * maximums (cncf/tag-security#1342's proposal) or minimums (its counter-proposal), and a
 * per-employer maximum (diversity). Callers pass what the database holds; this module answers.
 */

import { REGIONS, type Region } from "@/lib/vocabulary";

export type RegionCounts = Partial<Record<Region, number>>;

export interface SeatRules {
  totalSeats: number | null;
  maxPerRegion: RegionCounts;
  minPerRegion: RegionCounts;
  maxPerEmployer: number | null;
}

export interface SeatHolder {
  /** Shown in messages (a login). */
  who: string;
  region: Region | null;
  employer: string | null;
  onLeave: boolean;
  /** Awaiting the TOC: not held, but it would take a seat if approved, so new appointments count it. */
  pending?: boolean;
}

export interface Candidate {
  who: string;
  region: Region | null;
  employer: string | null;
}

export type SeatDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * The employer key caps compare: trimmed and case-insensitive. Empty and "Independent" are never
 * capped (independents are not one employer).
 */
export function employerKey(employer: string | null | undefined): string | null {
  const k = (employer ?? "").trim().toLowerCase();
  return k === "" || k === "independent" ? null : k;
}

/** Reads a JSON column (`{"EMEA": 1}`) into region counts, dropping anything that is not a region with an integer. */
export function parseRegionCounts(json: unknown): RegionCounts {
  const out: RegionCounts = {};
  if (!json || typeof json !== "object" || Array.isArray(json)) return out;
  for (const r of REGIONS) {
    const v = (json as Record<string, unknown>)[r];
    if (typeof v === "number" && Number.isInteger(v)) out[r] = v;
  }
  return out;
}

/** Holders that count toward regional and employer caps (a seat on leave counts unless the TAG says otherwise). */
function capHolders(holders: readonly SeatHolder[], leaveCountsTowardCaps: boolean) {
  return leaveCountsTowardCaps ? holders : holders.filter((h) => !h.onLeave);
}

const awaiting = (hs: readonly SeatHolder[]) => {
  const n = hs.filter((h) => h.pending).length;
  return n === 0 ? "" : ` (${n} of them awaiting the TOC)`;
};

/**
 * May `candidate` take a seat, given the role's seats (pending, active and on-leave)? Pending
 * appointments count: approving them all must not break a rule. Total seats always count every
 * seat (a seat on leave is still taken); regional and employer caps count seats on leave only
 * when the TAG says so. A regional minimum keeps the last seats for the regions still short.
 */
export function checkSeat(
  rules: SeatRules,
  holders: readonly SeatHolder[],
  candidate: Candidate,
  leaveCountsTowardCaps: boolean,
): SeatDecision {
  if (rules.totalSeats !== null && holders.length >= rules.totalSeats) {
    return { allowed: false, reason: `No seats left: all ${rules.totalSeats} are taken${awaiting(holders)}.` };
  }
  const counted = capHolders(holders, leaveCountsTowardCaps);
  if (candidate.region) {
    const max = rules.maxPerRegion[candidate.region];
    if (max !== undefined) {
      const inRegion = counted.filter((h) => h.region === candidate.region);
      if (inRegion.length >= max)
        return {
          allowed: false,
          reason: `Region cap full: ${candidate.region} already has ${inRegion.length} of ${max}${awaiting(inRegion)}.`,
        };
    }
  }
  const key = employerKey(candidate.employer);
  if (rules.maxPerEmployer !== null && key !== null) {
    const same = counted.filter((h) => employerKey(h.employer) === key);
    if (same.length >= rules.maxPerEmployer) {
      return {
        allowed: false,
        reason: `Employer cap reached: ${candidate.employer?.trim()} already holds ${same.length} of ${rules.maxPerEmployer}${awaiting(same)}.`,
      };
    }
  }
  if (rules.totalSeats !== null) {
    // Seats left after this one must still be able to meet every regional minimum.
    const left = rules.totalSeats - holders.length - 1;
    const short = REGIONS.flatMap((r) => {
      const min = rules.minPerRegion[r] ?? 0;
      const have = holders.filter((h) => h.region === r).length + (candidate.region === r ? 1 : 0);
      return have < min ? [{ r, need: min - have, min }] : [];
    });
    const needed = short.reduce((n, s) => n + s.need, 0);
    if (needed > left) {
      const which = short.map((s) => `${s.r} needs at least ${s.min}`).join(", ");
      return {
        allowed: false,
        reason: `Regional minimum: ${which}, and only ${left} seat${left === 1 ? "" : "s"} would be left.`,
      };
    }
  }
  return { allowed: true };
}

/**
 * What the current roster breaks or misses: unmet regional minimums, regions over their maximum,
 * employers over their cap, more holders than seats. Each message names who is involved.
 */
export function seatWarnings(rules: SeatRules, seats: readonly SeatHolder[], leaveCountsTowardCaps: boolean): string[] {
  const warnings: string[] = [];
  const pending = seats.filter((h) => h.pending);
  const holders = seats.filter((h) => !h.pending);
  const counted = capHolders(holders, leaveCountsTowardCaps);
  const names = (hs: readonly SeatHolder[]) => hs.map((h) => h.who).join(", ");
  if (rules.totalSeats !== null && holders.length > rules.totalSeats) {
    warnings.push(`More holders than seats: ${holders.length} hold ${rules.totalSeats} seats (${names(holders)}).`);
  }
  for (const r of REGIONS) {
    const inRegion = counted.filter((h) => h.region === r);
    const min = rules.minPerRegion[r];
    if (min !== undefined && inRegion.length < min)
      warnings.push(`Regional minimum unmet: ${r} has ${inRegion.length} of at least ${min}.`);
    const max = rules.maxPerRegion[r];
    if (max !== undefined && inRegion.length > max)
      warnings.push(`Region over its cap: ${r} has ${inRegion.length} of at most ${max} (${names(inRegion)}).`);
  }
  if (rules.maxPerEmployer !== null) {
    const byEmployer = new Map<string, SeatHolder[]>();
    for (const h of counted) {
      const k = employerKey(h.employer);
      if (k !== null) byEmployer.set(k, [...(byEmployer.get(k) ?? []), h]);
    }
    for (const hs of byEmployer.values()) {
      if (hs.length > rules.maxPerEmployer) {
        warnings.push(
          `Employer share above the cap: ${hs[0]!.employer!.trim()} holds ${hs.length} of at most ${rules.maxPerEmployer} (${names(hs)}).`,
        );
      }
    }
  }
  // A pending seat is checked as if it were the next one approved.
  for (const p of pending) {
    const d = checkSeat(rules, holders, p, leaveCountsTowardCaps);
    if (!d.allowed) warnings.push(`Approving ${p.who} would break a rule: ${d.reason}`);
  }
  return warnings;
}

/** Open seats of a role: total minus holders (never negative; pending seats are not subtracted); null when the role has no total. */
export function vacancies(rules: Pick<SeatRules, "totalSeats">, holderCount: number): number | null {
  return rules.totalSeats === null ? null : Math.max(0, rules.totalSeats - holderCount);
}
