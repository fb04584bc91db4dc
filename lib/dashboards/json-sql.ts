import { Prisma } from "@/lib/generated/prisma/client";

/*
 * The dashboards read their larger sets as one JSON document per statement (decision 018): the
 * ORM's nested reads took seconds at 100,000 items for the trends, and most of `/toc`'s CPU for
 * its seats and liaisons (a statement per relation, an object per row and value). JSON has no
 * dates, so times travel as epoch milliseconds.
 */

/** A timestamp or date column as epoch milliseconds (a date is its midnight UTC); null stays null. */
export const epochMs = (column: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${column}) * 1000)::bigint`;

/** Epoch milliseconds from such a document back to a Date (null stays null). */
export function dateOf(ms: number): Date;
export function dateOf(ms: number | null): Date | null;
export function dateOf(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}

/** A row type as such a document carries it: every Date (nested too) is epoch milliseconds. */
export type AsJson<T> = T extends Date
  ? number
  : T extends readonly (infer U)[]
    ? AsJson<U>[]
    : T extends object
      ? { [K in keyof T]: AsJson<T[K]> }
      : T;
