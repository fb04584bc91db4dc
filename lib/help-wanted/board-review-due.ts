import { addMonths } from "@/lib/vocabulary";

/**
 * The board review's clock (cncf/toc#1211: every 4-6 months the board is walked again). Pure.
 * A review falls due one cadence after the last finished review, or after the TAG's creation for
 * its first; from then it stays due until no item is due (every one kept or closed).
 */
export interface BoardReviewClock {
  createdAt: Date;
  boardReviewedAt: Date | null;
  boardReviewMonths: number;
}

/** The TAG columns a board-review screen reads: which TAG, its review clock and its stale rule. */
export const boardReviewSelect = {
  id: true,
  slug: true,
  name: true,
  createdAt: true,
  boardReviewMonths: true,
  boardReviewedAt: true,
  staleAfterDays: true,
} as const;

/** The date before which an item counts as due for review (not kept, posted or published since), `months` back from `now`. */
export function reviewCutoff(now: Date, months: number): Date {
  return addMonths(now, -months);
}

/** When the TAG's next board review falls due. */
export function boardReviewDueAt(tag: BoardReviewClock): Date {
  return addMonths(tag.boardReviewedAt ?? tag.createdAt, tag.boardReviewMonths);
}

/** The review has fallen due and is not finished yet. */
export function isBoardReviewDue(tag: BoardReviewClock, now: Date): boolean {
  return now.getTime() >= boardReviewDueAt(tag).getTime();
}
