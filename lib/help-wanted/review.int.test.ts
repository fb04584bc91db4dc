import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { createUser } from "@/tests/factories";
import { code, postItem, tagWithLead } from "@/tests/fixtures";
import { closeItem } from "./items";
import { markItemReviewed } from "./review";
import { boardReviewDueAt, isBoardReviewDue } from "./board-review-due";
import { sweepBoardReviews } from "./board-reviews";
import { getBoardReviewStatus } from "./queries";
import { DAY } from "@/lib/vocabulary";

/** A TAG created `createdDaysAgo` days ago (a year by default: its first board review is due), and its chair. */
async function tagWithLeadSince(createdDaysAgo = 365) {
  const { tag: created, leadActor } = await tagWithLead();
  const tag = await db.tag.update({
    where: { id: created.id },
    data: { createdAt: new Date((await now()).getTime() - createdDaysAgo * DAY) },
  });
  return { tag, lead: leadActor };
}

/** Makes an item look as if nobody reviewed it for a year. */
const age = (id: string) =>
  db.helpWantedItem.update({ where: { id }, data: { reviewedAt: new Date(Date.now() - 365 * DAY) } });

describe("markItemReviewed (board review: keep)", () => {
  it("a lead of the item's TAG keeps it: reviewedAt moves to now, one audit event; the board counts as reviewed once nothing is due", async () => {
    const { tag, lead } = await tagWithLeadSince();
    const [i1, i2] = [await postItem(tag.slug, lead.id), await postItem(tag.slug, lead.id)];
    await Promise.all([age(i1.id), age(i2.id)]);

    const first = await markItemReviewed(lead, i1.id);
    expect(first.boardsReviewed).toEqual([]);
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).boardReviewedAt).toBeNull();
    const row = await db.helpWantedItem.findUniqueOrThrow({ where: { id: i1.id } });
    expect(row.reviewedAt!.getTime()).toBe(first.reviewedAt.getTime());
    expect(
      await db.auditEvent.count({
        where: { action: "help-wanted.review", subjectId: i1.id, outcome: "ok", actorId: lead.id, tagId: tag.id },
      }),
    ).toBe(1);

    const second = await markItemReviewed(lead, i2.id);
    expect(second.boardsReviewed).toEqual([tag.id]);
    const t = await db.tag.findUniqueOrThrow({ where: { id: tag.id } });
    expect(t.boardReviewedAt!.getTime()).toBe(second.reviewedAt.getTime());
    expect(isBoardReviewDue(t, await now())).toBe(false);
  });

  it("a lead of another TAG and a plain member are refused: nothing changes, refusals are logged", async () => {
    const { tag, lead } = await tagWithLeadSince();
    const other = await tagWithLeadSince();
    const member = await loadActor((await createUser()).id);
    const item = await postItem(tag.slug, lead.id);
    await age(item.id);
    const before = await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } });

    expect(await code(markItemReviewed(other.lead, item.id))).toBe("FORBIDDEN");
    expect(await code(markItemReviewed(member, item.id))).toBe("FORBIDDEN");
    expect(await code(markItemReviewed(null, item.id))).toBe("FORBIDDEN");

    const after = await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(after.reviewedAt).toEqual(before.reviewedAt);
    expect(
      await db.auditEvent.count({ where: { action: "help-wanted.review", subjectId: item.id, outcome: "ok" } }),
    ).toBe(0);
    // Refusals are logged under the permission that was checked.
    expect(
      await db.auditEvent.count({ where: { action: "help-wanted.create", subjectId: item.id, outcome: "refused" } }),
    ).toBe(3);
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).boardReviewedAt).toBeNull();
  });

  it("a closed item or an unknown id is not reviewed", async () => {
    const { tag, lead } = await tagWithLeadSince();
    const item = await postItem(tag.slug, lead.id);
    await closeItem(lead, item.id, "no longer needed");
    expect(await code(markItemReviewed(lead, item.id))).toBe("CONFLICT");
    const admin = await loadActor((await createUser({ isAdmin: true })).id);
    expect(await code(markItemReviewed(admin, "00000000-0000-4000-8000-000000000000"))).toBe("NOT_FOUND");
  });

  it("a review falls due one cadence after the last one, a new TAG's first one cadence after its creation", () => {
    const createdAt = new Date("2026-03-15T00:00:00Z");
    const fresh = { createdAt, boardReviewedAt: null, boardReviewMonths: 6 };
    expect(boardReviewDueAt(fresh)).toEqual(new Date("2026-09-15T00:00:00Z"));
    expect(isBoardReviewDue(fresh, new Date("2026-09-14T23:59:59Z"))).toBe(false);
    expect(isBoardReviewDue(fresh, new Date("2026-09-15T00:00:00Z"))).toBe(true);
    const reviewed = { ...fresh, boardReviewedAt: new Date("2026-10-01T00:00:00Z"), boardReviewMonths: 4 };
    expect(boardReviewDueAt(reviewed)).toEqual(new Date("2027-02-01T00:00:00Z"));
    expect(isBoardReviewDue(reviewed, new Date("2026-12-01T00:00:00Z"))).toBe(false);
  });
});

describe("the board review", () => {
  it("finishes when every due item is kept or closed, and not before", async () => {
    const { tag, lead } = await tagWithLeadSince();
    const [kept, closed, fresh] = [
      await postItem(tag.slug, lead.id),
      await postItem(tag.slug, lead.id),
      await postItem(tag.slug, lead.id),
    ];
    await Promise.all([age(kept.id), age(closed.id)]);
    const at = await now();
    expect(await getBoardReviewStatus(tag, at)).toMatchObject({ due: true, itemsDue: 2, lastAt: null });

    await markItemReviewed(lead, kept.id);
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).boardReviewedAt).toBeNull();
    // Closing the last due item finishes the review at once.
    await closeItem(lead, closed.id, "done elsewhere");
    const t = await db.tag.findUniqueOrThrow({ where: { id: tag.id } });
    expect(t.boardReviewedAt).not.toBeNull();
    // The item posted within the cycle needed no review; the next review is a cadence away.
    expect((await db.helpWantedItem.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("open");
    expect(await getBoardReviewStatus(t, await now())).toMatchObject({ due: false, itemsDue: 0 });
    expect(
      await db.auditEvent.count({ where: { action: "help-wanted.board-review", subjectId: tag.id, outcome: "ok" } }),
    ).toBe(1);
  });

  it("a new TAG is not due; when its first review falls due with nothing older than a cadence, it finishes by itself", async () => {
    const { tag, lead } = await tagWithLeadSince(10);
    await postItem(tag.slug, lead.id);
    const at = await now();
    expect(await getBoardReviewStatus(tag, at)).toMatchObject({ due: false, itemsDue: 0, lastAt: null });
    await sweepBoardReviews(at);
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).boardReviewedAt).toBeNull();
    expect(await db.notification.count({ where: { userId: lead.id, kind: "help-wanted.board-review" } })).toBe(0);

    // A cadence (six months) later, the item is a little over five months old: nothing is due.
    const later = new Date(tag.createdAt.getTime() + 190 * DAY);
    await sweepBoardReviews(later);
    const t = await db.tag.findUniqueOrThrow({ where: { id: tag.id } });
    expect(t.boardReviewedAt).toEqual(later);
    expect(await db.notification.count({ where: { userId: lead.id, kind: "help-wanted.board-review" } })).toBe(0);
  });

  it("reminds the TAG's leads once when the review falls due with items to review", async () => {
    const { tag, lead } = await tagWithLeadSince();
    const item = await postItem(tag.slug, lead.id);
    await age(item.id);
    const at = await now();
    await sweepBoardReviews(at);
    await sweepBoardReviews(new Date(at.getTime() + DAY));
    const notes = await db.notification.findMany({ where: { userId: lead.id, kind: "help-wanted.board-review" } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      title: `The board review of ${tag.name} is due`,
      link: `/manage/${tag.slug}#review`,
    });
    expect(notes[0]!.body).toContain("Keep or close 1 item");
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).boardReviewedAt).toBeNull();
  });
});
