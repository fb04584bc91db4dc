import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { boardReviewDueAt, isBoardReviewDue, reviewCutoff } from "./board-review-due";
import { notifyLeads } from "./notify-leads";
import { isoDay } from "@/lib/vocabulary";

// The worker imports this module (the sweep): keep it free of the auth modules.

/** Open or filled items of a TAG not kept (nor posted or published) within the review cadence. */
export function itemsDueForReview(tagId: string, months: number, at: Date): Prisma.HelpWantedItemWhereInput {
  return {
    tags: { some: { tagId } },
    status: { in: ["open", "filled"] },
    OR: [{ reviewedAt: null }, { reviewedAt: { lt: reviewCutoff(at, months) } }],
  };
}

const clockSelect = { id: true, createdAt: true, boardReviewedAt: true, boardReviewMonths: true } as const;

/**
 * Finishes the board review of each of these TAGs that is due and has no item left to keep or
 * close: the TAG's `boardReviewedAt` moves to `at` (the next review falls due one cadence later)
 * and an audit event records it. Called when a lead keeps or closes an item, and by the sweep.
 * Returns the TAGs whose review finished.
 */
export async function finishBoardReviews(
  tx: Tx,
  tagIds: readonly string[],
  at: Date,
  actorId: string | null,
): Promise<string[]> {
  const tags = await tx.tag.findMany({ where: { id: { in: [...tagIds] } }, select: clockSelect });
  const done: string[] = [];
  for (const t of tags) {
    if (!isBoardReviewDue(t, at)) continue;
    if ((await tx.helpWantedItem.count({ where: itemsDueForReview(t.id, t.boardReviewMonths, at) })) > 0) continue;
    // Compare-and-swap: of two finishes at once, one writes.
    const { count } = await tx.tag.updateMany({
      where: { id: t.id, boardReviewedAt: t.boardReviewedAt },
      data: { boardReviewedAt: at },
    });
    if (count === 0) continue;
    await recordAudit(tx, {
      at,
      actorId,
      action: "help-wanted.board-review",
      subjectType: "Tag",
      subjectId: t.id,
      tagId: t.id,
      before: { boardReviewedAt: t.boardReviewedAt?.toISOString() ?? null },
      after: {
        boardReviewedAt: at.toISOString(),
        nextDueAt: boardReviewDueAt({ ...t, boardReviewedAt: at }).toISOString(),
      },
    });
    done.push(t.id);
  }
  return done;
}

/**
 * Sweep: every TAG whose board review has fallen due either finishes it (nothing left to review:
 * a board with no item older than the cadence) or has its leads reminded, once per due date.
 */
export async function sweepBoardReviews(now: Date): Promise<number> {
  const tags = await db.tag.findMany({ select: { ...clockSelect, slug: true, name: true } });
  let acted = 0;
  for (const t of tags.filter((t) => isBoardReviewDue(t, now))) {
    const finished = await db.$transaction((tx) => finishBoardReviews(tx, [t.id], now, null));
    if (finished.length) {
      acted++;
      continue;
    }
    const items = await db.helpWantedItem.count({ where: itemsDueForReview(t.id, t.boardReviewMonths, now) });
    const dueDay = isoDay(boardReviewDueAt(t));
    await notifyLeads(
      db,
      [t.id],
      {
        kind: "help-wanted.board-review",
        title: `The board review of ${t.name} is due`,
        body: `It fell due on ${dueDay} (every ${t.boardReviewMonths} months). Keep or close ${items} item${items === 1 ? "" : "s"} on the lead console: the review finishes when none is left.`,
        link: `/manage/${t.slug}#review`,
        dedupeKey: `board-review:${t.id}:${dueDay}`,
      },
      now,
    );
    acted++;
  }
  return acted;
}
