import { employerKey } from "@/lib/roles/seat-rules";
import { DAY, type Period, type Region } from "@/lib/vocabulary";

/**
 * Time series for the TOC dashboards (issue 18 point 10), computed from rows already loaded
 * (./trends-load.ts): pure, so every rule is tested on fixtures without a database.
 * Periods are UTC calendar quarters ("2026-Q1") and months ("2026-01").
 */

/** A chair or tech-lead seat as history keeps it. A seat without a start never counts as held. */
export interface SeatSpan {
  userId: string;
  startAt: Date | null;
  endedAt: Date | null;
  regionAtStart: Region | null;
}

/** Where a person worked from `from` until `to` (open: still there). */
export interface EmployerSpan {
  userId: string;
  employer: string;
  from: Date;
  to: Date | null;
}

export interface ClaimRow {
  createdAt: Date;
  /** When a lead accepted it (null: never accepted). */
  acceptedAt: Date | null;
  completedAt: Date | null;
  /** Invited by a lead: not a volunteer coming forward, so not counted as a first volunteer. */
  invited: boolean;
}

export interface ItemRow {
  createdAt: Date;
  claims: readonly ClaimRow[];
}

export interface ElectionRow {
  title: string;
  votingCloseAt: Date;
  eligibleCount: number | null;
  participationCount: number | null;
}

export interface LeadershipQuarter {
  quarter: string;
  label: string;
  /** Seats that started, and ended, within the quarter. */
  started: number;
  ended: number;
  /** Seats held at the quarter's end (or at `at` for the current quarter). */
  held: number;
  byRegion: Record<Region | "unknown", number>;
  /** Distinct employers among the holders (independent people and those with no employer known are left out). */
  employers: number;
  /** Seats held by the holders' most common employer, and that employer (null: none known). */
  largestEmployer: { name: string; seats: number } | null;
}

export interface HelpWantedMonth {
  month: string;
  label: string;
  opened: number;
  claimed: number;
  done: number;
  /** Median days from an item's creation to its first volunteer, over items whose first volunteer came this month. */
  medianDaysToFirstVolunteer: number | null;
}

export interface Turnout {
  title: string;
  closedAt: Date;
  eligible: number;
  voted: number;
  /** Whole percent of the eligible voters who voted. */
  percent: number;
}

const within = (d: Date | null, p: Period) => d !== null && d >= p.start && d < p.end;

/** Held at instant `t`: started at or before it and not yet ended. */
const heldAt = (s: SeatSpan, t: Date) => s.startAt !== null && s.startAt <= t && (s.endedAt === null || s.endedAt > t);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A person's employer at instant `t` (the latest span covering it), or null. */
function employerAt(spans: readonly EmployerSpan[], t: Date): string | null {
  let found: EmployerSpan | null = null;
  for (const s of spans) {
    if (s.from <= t && (s.to === null || s.to > t) && (!found || s.from > found.from)) found = s;
  }
  return found?.employer ?? null;
}

/**
 * Leadership turnover and the regional and employer mix per quarter. Mix is taken at the
 * quarter's last instant, or at `at` for the quarter still running (a future instant would count
 * seats whose end is already scheduled as held).
 */
export function leadershipByQuarter(
  seats: readonly SeatSpan[],
  employers: readonly EmployerSpan[],
  quarters: readonly Period[],
  at: Date,
): LeadershipQuarter[] {
  const byUser = new Map<string, EmployerSpan[]>();
  for (const e of employers) byUser.set(e.userId, [...(byUser.get(e.userId) ?? []), e]);
  return quarters.map((p) => {
    const t = new Date(Math.min(p.end.getTime() - 1, at.getTime()));
    const held = seats.filter((s) => heldAt(s, t));
    const byRegion = { APAC: 0, EMEA: 0, Americas: 0, unknown: 0 } as LeadershipQuarter["byRegion"];
    for (const s of held) byRegion[s.regionAtStart ?? "unknown"] += 1;
    // Grouped as the employer caps group them (case and "independent"), named as first written.
    const perEmployer = new Map<string, { name: string; seats: number }>();
    for (const s of held) {
      const name = employerAt(byUser.get(s.userId) ?? [], t);
      const key = employerKey(name);
      if (key)
        perEmployer.set(key, {
          name: perEmployer.get(key)?.name ?? name!,
          seats: (perEmployer.get(key)?.seats ?? 0) + 1,
        });
    }
    let largest: LeadershipQuarter["largestEmployer"] = null;
    for (const [, e] of [...perEmployer].sort(([a], [b]) => a.localeCompare(b))) {
      if (!largest || e.seats > largest.seats) largest = e;
    }
    return {
      quarter: p.key,
      label: p.label,
      started: seats.filter((s) => within(s.startAt, p) && s.startAt! <= at).length,
      ended: seats.filter((s) => within(s.endedAt, p) && s.endedAt! <= at).length,
      held: held.length,
      byRegion,
      employers: perEmployer.size,
      largestEmployer: largest,
    };
  });
}

/**
 * Help-wanted flow per month: items opened, claims accepted, claims completed, and the median
 * wait for a first volunteer (an invitation from a lead is not a volunteer). One pass over the
 * rows (`/toc` reads tens of thousands; filtering them once per month was most of its CPU time,
 * docs/decisions/018-render-speed.md).
 */
export function helpWantedByMonth(items: readonly ItemRow[], months: readonly Period[]): HelpWantedMonth[] {
  const starts = months.map((p) => p.start.getTime());
  const ends = months.map((p) => p.end.getTime());
  /** The index of the month holding `d`, or -1 (months are consecutive, oldest first). */
  const monthOf = (d: Date | null): number => {
    if (d === null) return -1;
    const t = d.getTime();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (t < starts[mid]!) hi = mid - 1;
      else if (t >= ends[mid]!) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  const figures = months.map(() => ({ opened: 0, claimed: 0, done: 0, waits: [] as number[] }));
  for (const i of items) {
    const opened = monthOf(i.createdAt);
    if (opened >= 0) figures[opened]!.opened += 1;
    let first: Date | null = null;
    for (const c of i.claims) {
      const accepted = monthOf(c.acceptedAt);
      if (accepted >= 0) figures[accepted]!.claimed += 1;
      const done = monthOf(c.completedAt);
      if (done >= 0) figures[done]!.done += 1;
      if (!c.invited && (first === null || c.createdAt < first)) first = c.createdAt;
    }
    const waited = monthOf(first);
    if (waited >= 0) figures[waited]!.waits.push((first!.getTime() - i.createdAt.getTime()) / DAY);
  }
  return months.map((p, k) => ({
    month: p.key,
    label: p.label,
    opened: figures[k]!.opened,
    claimed: figures[k]!.claimed,
    done: figures[k]!.done,
    medianDaysToFirstVolunteer: median(figures[k]!.waits),
  }));
}

/** Turnout of each counted election, oldest first; elections without a roll or a count are left out. */
export function electionTurnout(elections: readonly ElectionRow[]): Turnout[] {
  return elections
    .filter((e) => e.eligibleCount !== null && e.eligibleCount > 0 && e.participationCount !== null)
    .sort((a, b) => a.votingCloseAt.getTime() - b.votingCloseAt.getTime())
    .map((e) => ({
      title: e.title,
      closedAt: e.votingCloseAt,
      eligible: e.eligibleCount!,
      voted: e.participationCount!,
      percent: Math.round((e.participationCount! / e.eligibleCount!) * 100),
    }));
}
