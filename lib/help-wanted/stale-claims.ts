import { DAY } from "@/lib/vocabulary";

/**
 * The stale-claim rule, the one every screen, the lead console, the dashboards and the sweep use:
 * an accepted claim with no activity for more than the stale-after days of its item, which for an
 * item shared by several TAGs is the strictest (smallest) of their settings. Pure; the same rule
 * in SQL is ./stale-claims-sql.ts.
 */
export const DEFAULT_STALE_AFTER_DAYS = 21;

/** The stale-after days of an item: the smallest of its TAGs' settings (the default without TAGs). */
export function staleAfterDaysOf(tags: readonly { staleAfterDays: number }[]): number {
  return tags.length ? Math.min(...tags.map((t) => t.staleAfterDays)) : DEFAULT_STALE_AFTER_DAYS;
}

/** When an accepted claim goes stale without an update: its last activity plus the stale-after days. */
export function staleAt(claim: { lastActivityAt: Date }, staleAfterDays: number): Date {
  return new Date(claim.lastActivityAt.getTime() + staleAfterDays * DAY);
}

/** Whether a claim is stale at `now`, given its item's stale-after days (see `staleAfterDaysOf`). */
export function isStaleClaim(
  claim: { status: string; lastActivityAt: Date },
  staleAfterDays: number,
  now: Date,
): boolean {
  return claim.status === "accepted" && now > staleAt(claim, staleAfterDays);
}
