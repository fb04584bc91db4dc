import { DAY } from "@/lib/vocabulary";
/** Pure rules for liaison check-ins: no I/O, `now` comes from the portal clock. */

export interface CadenceState {
  cadenceDays: number;
  lastCheckInAt: Date | null;
  createdAt: Date;
}

/**
 * When the next check-in is due: `cadenceDays` after the later of the last check-in and the
 * liaison's creation (a new liaison gets a full cycle before its first check-in).
 */
export function checkInDueAt(l: CadenceState): Date {
  const since = Math.max(l.lastCheckInAt?.getTime() ?? 0, l.createdAt.getTime());
  return new Date(since + l.cadenceDays * DAY);
}

/** No check-in within `cadenceDays` since max(lastCheckInAt, createdAt). */
export function isOverdue(l: CadenceState, now: Date): boolean {
  return now.getTime() > checkInDueAt(l).getTime();
}

/**
 * The last calendar day (as midnight UTC) that is "today" somewhere on Earth at `now`: UTC+14 is
 * the furthest ahead, so a liaison there may date a check-in a day after the UTC date.
 */
export function latestCheckInDay(now: Date): Date {
  const ahead = new Date(now.getTime() + 14 * 60 * 60 * 1000);
  return new Date(Date.UTC(ahead.getUTCFullYear(), ahead.getUTCMonth(), ahead.getUTCDate()));
}
