import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { createTag, createUser } from "@/tests/factories";
import { closeItem, createItem } from "./items";
import { isBoardReviewOverdue, markItemReviewed } from "./review";
import { itemSchema } from "./schemas";
import { DAY } from "@/lib/vocabulary";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : `THROWN ${String(e)}`),
  );

async function tagWithLead() {
  const tag = await createTag();
  const lead = await createUser();
  await db.roleAssignment.create({
    data: {
      tagId: tag.id,
      userId: lead.id,
      kind: "chair",
      status: "active",
      requestedAt: new Date(),
      startAt: new Date(),
    },
  });
  return { tag, lead: (await loadActor(lead.id))! };
}

async function postItem(tagSlug: string, leadId: string) {
  const input = itemSchema(await now()).parse({
    title: `Review the board ${Math.random()}`,
    tags: tagSlug,
    kind: "review",
  });
  return createItem(await loadActor(leadId), input);
}

/** Makes an item look as if nobody reviewed it for a year. */
const age = (id: string) =>
  db.helpWantedItem.update({ where: { id }, data: { reviewedAt: new Date(Date.now() - 365 * DAY) } });

describe("markItemReviewed (board review: keep)", () => {
  it("a lead of the item's TAG keeps it: reviewedAt moves to now, one audit event; the board counts as reviewed once nothing is due", async () => {
    const { tag, lead } = await tagWithLead();
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
    expect(isBoardReviewOverdue(t.boardReviewedAt, t.boardReviewMonths, await now())).toBe(false);
  });

  it("a lead of another TAG and a plain member are refused: nothing changes, refusals are logged", async () => {
    const { tag, lead } = await tagWithLead();
    const other = await tagWithLead();
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
    const { tag, lead } = await tagWithLead();
    const item = await postItem(tag.slug, lead.id);
    await closeItem(lead, item.id, "no longer needed");
    expect(await code(markItemReviewed(lead, item.id))).toBe("CONFLICT");
    const admin = await loadActor((await createUser({ isAdmin: true })).id);
    expect(await code(markItemReviewed(admin, "00000000-0000-4000-8000-000000000000"))).toBe("NOT_FOUND");
  });

  it("an overdue board: never reviewed, or reviewed before the cycle", () => {
    const at = new Date("2026-07-01T00:00:00Z");
    expect(isBoardReviewOverdue(null, 6, at)).toBe(true);
    expect(isBoardReviewOverdue(new Date("2025-12-31T00:00:00Z"), 6, at)).toBe(true);
    expect(isBoardReviewOverdue(new Date("2026-02-01T00:00:00Z"), 6, at)).toBe(false);
  });
});
