import "server-only";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { parseId } from "@/lib/vocabulary";
import { finishBoardReviews } from "./board-reviews";
import { boardReviewSelect } from "./board-review-due";

/**
 * "Keep" in the board review: a lead of one of the item's TAGs marks it reviewed. When the review
 * of a TAG the actor reviews for is due and no item is left to keep or close, it finishes.
 */
export async function markItemReviewed(actor: Actor | null, itemId: string) {
  const id = parseId(itemId);
  const item = id
    ? await db.helpWantedItem.findUnique({
        where: { id },
        select: {
          id: true,
          status: true,
          reviewedAt: true,
          tags: { select: { tag: { select: { id: true } } } },
        },
      })
    : null;
  const tags = item?.tags.map((t) => t.tag) ?? [];
  const tagId = tags.find((t) => can(actor, "help-wanted.create", t.id))?.id ?? tags[0]?.id ?? null;
  const a = await requirePermission(actor, "help-wanted.create", {
    subjectType: "HelpWantedItem",
    subjectId: itemId,
    tagId,
  });
  if (!item) throw new AppError("NOT_FOUND", "That item does not exist.");
  if (item.status !== "open" && item.status !== "filled")
    throw new AppError("CONFLICT", "Only open or filled items are reviewed.");
  const at = await clockNow();
  const reviewedTags = tags.filter((t) => can(a, "help-wanted.create", t.id));
  const boardsDone = await db.$transaction(async (tx) => {
    // Compare-and-swap: a concurrent close or review leaves this update matching nothing.
    const { count } = await tx.helpWantedItem.updateMany({
      where: { id: item.id, status: { in: ["open", "filled"] }, reviewedAt: item.reviewedAt },
      data: { reviewedAt: at },
    });
    if (count === 0)
      throw new AppError("CONFLICT", "This item was just changed by someone else. Reload and try again.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "help-wanted.review",
      subjectType: "HelpWantedItem",
      subjectId: item.id,
      tagId,
      before: { reviewedAt: item.reviewedAt?.toISOString() ?? null },
      after: { reviewedAt: at.toISOString() },
    });
    // The review of each TAG the actor reviews for finishes when this was its last due item.
    const done = await finishBoardReviews(
      tx,
      reviewedTags.map((t) => t.id),
      at,
      a.id,
    );
    return done;
  });
  return { id: item.id, reviewedAt: at, boardsReviewed: boardsDone };
}

/** TAGs with the ids a form needs to decide, per TAG, whether the viewer may post there. */
export function listTagChoices() {
  return db.tag.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } });
}

/** A TAG's board-review settings and state, for the lead console. */
export function findBoardReview(slug: string) {
  return db.tag.findUnique({
    where: { slug },
    select: boardReviewSelect,
  });
}
