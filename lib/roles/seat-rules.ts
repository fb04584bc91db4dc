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

/**
 * May `candidate` take a seat, given the holders (pending, active and on-leave seats of the role)?
 * Total seats always count every holder: a seat on leave is still taken.
 */
export function checkSeat(
  rules: SeatRules,
  holders: readonly SeatHolder[],
  candidate: Candidate,
  leaveCountsTowardCaps: boolean,
): SeatDecision {
  if (rules.totalSeats !== null && holders.length >= rules.totalSeats) {
    return { allowed: false, reason: `No seats left: all ${rules.totalSeats} are taken.` };
  }
  const counted = capHolders(holders, leaveCountsTowardCaps);
  if (candidate.region) {
    const max = rules.maxPerRegion[candidate.region];
    if (max !== undefined) {
      const inRegion = counted.filter((h) => h.region === candidate.region).length;
      if (inRegion >= max)
        return { allowed: false, reason: `Region cap full: ${candidate.region} already has ${inRegion} of ${max}.` };
    }
  }
  const key = employerKey(candidate.employer);
  if (rules.maxPerEmployer !== null && key !== null) {
    const same = counted.filter((h) => employerKey(h.employer) === key).length;
    if (same >= rules.maxPerEmployer) {
      return {
        allowed: false,
        reason: `Employer cap reached: ${candidate.employer?.trim()} already holds ${same} of ${rules.maxPerEmployer}.`,
      };
    }
  }
  return { allowed: true };
}

/**
 * What the current roster breaks or misses: unmet regional minimums, regions over their maximum,
 * employers over their cap, more holders than seats. Each message names who is involved.
 */
export function seatWarnings(
  rules: SeatRules,
  holders: readonly SeatHolder[],
  leaveCountsTowardCaps: boolean,
): string[] {
  const warnings: string[] = [];
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
  return warnings;
}

/** Open seats of a role: total minus holders (never negative); null when the role has no total. */
export function vacancies(rules: Pick<SeatRules, "totalSeats">, holderCount: number): number | null {
  return rules.totalSeats === null ? null : Math.max(0, rules.totalSeats - holderCount);
}
