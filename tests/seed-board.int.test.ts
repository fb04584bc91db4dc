import { describe, expect, it } from "vitest";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { searchBoard } from "@/lib/help-wanted/board";
import { parseBoardQuery } from "@/lib/help-wanted/board-query";
import { isStaleClaim } from "@/lib/help-wanted/stale-claims";
import { activityByTag } from "@/lib/contributions/activity";
import { seed } from "@/prisma/seed";
import { BOARD_STATES, demoBoardItems } from "@/prisma/seed-board";

const counts = async () => ({
  items: await db.helpWantedItem.count(),
  itemTags: await db.helpWantedItemTag.count(),
  claims: await db.claim.count(),
  updates: await db.claimUpdate.count(),
  contributions: await db.contributionRecord.count(),
  audit: await db.auditEvent.count(),
});

async function boardIds(status: string) {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const { query } = parseBoardQuery({ status, limit: "100", ...(cursor ? { cursor } : {}) });
    const page = await searchBoard(query, await now());
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe("the demo board", () => {
  it("seeds about sixty items in every TAG, kind and state; a second run changes nothing", async () => {
    await seed(env().DATABASE_URL!);
    const first = await counts();
    await seed(env().DATABASE_URL!);
    expect(await counts()).toEqual(first);
    expect(first.items).toBeGreaterThanOrEqual(55);
    expect(first.claims).toBeGreaterThanOrEqual(30);

    const items = await db.helpWantedItem.findMany({
      where: { id: { in: demoBoardItems.map((i) => i.id) } },
      include: { tags: { include: { tag: true } }, claims: { include: { updates: true } } },
    });
    expect(items).toHaveLength(demoBoardItems.length);
    expect(new Set(items.flatMap((i) => i.tags.map((t) => t.tag.slug))).size).toBe(await db.tag.count());
    expect(new Set(items.map((i) => i.kind))).toEqual(
      new Set(["project_liaison", "foundation_liaison", "event", "content", "review", "other"]),
    );
    expect(
      items.filter((i) => i.githubIssueUrl?.startsWith("https://github.com/cncf/tag-security/issues/")).length,
    ).toBe(3);

    // Every state, as the portal's own rules see it.
    const at = await now();
    const claimStatuses = new Set(items.flatMap((i) => i.claims.map((c) => c.status)));
    expect(claimStatuses).toEqual(new Set(["requested", "invited", "accepted", "done", "completed"]));
    const accepted = items.flatMap((i) => i.claims.filter((c) => c.status === "accepted"));
    const stale = accepted.filter((c) => isStaleClaim(c, 21, at));
    expect(stale.length).toBe(demoBoardItems.filter((i) => i.state === "stale").length);
    expect(accepted.some((c) => !isStaleClaim(c, 21, at) && c.updates.length >= 2)).toBe(true);
    expect(items.filter((i) => i.claims.some((c) => c.status === "done" && c.evidenceUrl)).length).toBeGreaterThan(0);
    expect(items.filter((i) => i.status === "closed" && i.closedReason === "done").length).toBeGreaterThan(0);
    expect(items.filter((i) => i.status === "closed" && i.closedReason !== "done").length).toBeGreaterThan(0);
    // Nobody volunteers for an item they posted.
    for (const i of items) for (const c of i.claims) expect(c.userId).not.toBe(i.createdById);
    // Places taken agree with the held and completed claims.
    for (const i of items)
      expect(i.placesTaken).toBe(i.claims.filter((c) => ["accepted", "done", "completed"].includes(c.status)).length);
    expect(new Set(demoBoardItems.map((i) => i.state))).toEqual(new Set(BOARD_STATES));
  });

  it("shows a visitor at least 20 open items across at least 4 TAGs, and every item under 'all'", async () => {
    await seed(env().DATABASE_URL!);
    const open = await boardIds("open");
    const openSeeded = demoBoardItems.filter((i) => open.includes(i.id));
    expect(openSeeded.length).toBeGreaterThanOrEqual(20);
    expect(new Set(openSeeded.flatMap((i) => i.tags)).size).toBeGreaterThanOrEqual(4);
    const all = new Set(await boardIds("all"));
    for (const state of BOARD_STATES)
      expect(demoBoardItems.filter((i) => i.state === state && all.has(i.id)).length, state).toBeGreaterThan(0);
  });

  it("has a finished board review in every TAG but one (issue 15, point 10)", async () => {
    await seed(env().DATABASE_URL!);
    const tags = await db.tag.findMany({ select: { boardReviewedAt: true } });
    expect(tags.length).toBeGreaterThan(2);
    expect(tags.filter((t) => t.boardReviewedAt).length).toBe(tags.length - 1);
  });

  it("gives the TAGs' leaders activity that varies: active, quiet and inactive", async () => {
    await seed(env().DATABASE_URL!);
    const at = await now();
    const tags = await db.tag.findMany({ include: { roles: { where: { status: "active" } } } });
    const activity = await activityByTag(
      tags.map((tag) => ({ tag, userIds: tag.roles.map((r) => r.userId) })),
      at,
    );
    const statuses = new Set([...activity.values()].map((a) => a.status));
    expect(statuses).toEqual(new Set(["active", "quiet", "inactive"]));
  });
});
