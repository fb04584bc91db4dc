/** Time arithmetic in UTC, for every domain (pure). */
import { formatMonth } from "./dates.ts";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

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

/** A calendar quarter or month: trends and reports count within one. */
export interface Period {
  key: string;
  label: string;
  start: Date;
  /** Exclusive. */
  end: Date;
}

/** The `count` quarters ending with the one holding `at`, oldest first. */
export function quartersUpTo(at: Date, count: number): Period[] {
  const q = Math.floor(at.getUTCMonth() / 3);
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(at.getUTCFullYear(), (q - (count - 1 - i)) * 3, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 1));
    const key = `${start.getUTCFullYear()}-Q${start.getUTCMonth() / 3 + 1}`;
    return { key, label: key.replace("-", " "), start, end };
  });
}

/** The `count` months ending with the one holding `at`, oldest first. */
export function monthsUpTo(at: Date, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - (count - 1 - i), 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const key = start.toISOString().slice(0, 7);
    return { key, label: formatMonth(key), start, end };
  });
}
