/** Time arithmetic in UTC, for every domain (pure). */
export const DAY = 86_400_000;

export const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * DAY);

/** Calendar months in UTC (a term of 24 months from 2026-03-31 ends on 2028-03-31). */
export function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

/** The UTC calendar day of `at` as a Date at midnight (leaves and terms are whole days). */
export function dayOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** `YYYY-MM-DD` of a moment in UTC, as CSVs, files and the API write days (null stays null). */
export function isoDay(d: Date): string;
export function isoDay(d: Date | null): string | null;
export function isoDay(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Date, to: Date): number => Math.floor((to.getTime() - from.getTime()) / DAY);

/** A span of time: `from` inclusive, `to` exclusive (activity windows, eligibility windows). */
export interface ActivityWindow {
  from: Date;
  to: Date;
}

/** `[at - months, at)`, by calendar months in UTC. */
export function windowEndingAt(at: Date, months: number): ActivityWindow {
  return { from: addMonths(at, -months), to: at };
}
