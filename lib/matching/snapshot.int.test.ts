import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { until } from "@/tests/until";
import { createTag, insertItem } from "@/tests/factories";
import { DAY } from "@/lib/vocabulary";
import { FIRST_WINDOW, getSnapshot, invalidateSnapshot } from "./snapshot";

describe("the matching snapshot after a start", () => {
  it("answers the first reads from the newest open items, then from every open item once the full copy is in", async () => {
    const tag = await createTag();
    const oldest = await insertItem(tag.id, {
      title: "The oldest open item",
      createdAt: new Date(Date.now() - 30 * DAY),
    });
    await db.$executeRaw`
      INSERT INTO "HelpWantedItem" ("id", "title", "kind", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), 'Window item ' || n, 'content', now() - n * interval '1 second', now()
      FROM generate_series(1, ${FIRST_WINDOW}) n`;
    const [{ open }] = await db.$queryRaw<[{ open: number }]>`
      SELECT count(*)::int AS open FROM "HelpWantedItem" WHERE "status" = 'open' AND "placesTaken" < "places"`;
    expect(open).toBeGreaterThan(FIRST_WINDOW);
    invalidateSnapshot();

    const first = await getSnapshot({ probe: false });
    expect(first.openItems).toBe(FIRST_WINDOW);
    expect(first.base.index.has(oldest.id)).toBe(false);
    // The full load has started (it waits for the window's reply): a read meanwhile gets the window, not a wait.
    await new Promise((r) => setImmediate(r));
    expect(await getSnapshot({ probe: false })).toBe(first);

    const hasOldest = async () => (await getSnapshot({ probe: false })).base.index.has(oldest.id);
    expect(await until(hasOldest, 30_000, 20)).toBe(true);
    expect((await getSnapshot({ probe: false })).openItems).toBe(open);
  });

  it("holding fewer open items than the window, the window is already every open item", async () => {
    await db.helpWantedItem.updateMany({
      where: { title: { startsWith: "Window item " } },
      data: { status: "closed" },
    });
    const [{ n }] = await db.$queryRaw<[{ n: number }]>`
      SELECT count(*)::int AS n FROM "HelpWantedItem" WHERE "status" = 'open' AND "placesTaken" < "places"`;
    invalidateSnapshot();
    const first = await getSnapshot({ probe: false });
    expect(first.openItems).toBe(n);
    expect(first.openItems).toBeLessThan(FIRST_WINDOW);
    // The full load still follows in the background and replaces it with the same items. Waiting for
    // it also keeps its statement from running into the end of the file, whose database is then dropped.
    const full = async () => (await getSnapshot({ probe: false })) !== first;
    expect(await until(full, 30_000, 20)).toBe(true);
    expect((await getSnapshot({ probe: false })).openItems).toBe(n);
  });
});
