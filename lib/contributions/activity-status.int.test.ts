import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTag, createUser } from "@/tests/factories";
import { activityStatus, statusFromTotal } from "./activity";
import { bucketByMonth, contributionTimeline } from "./timeline";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("activity status", () => {
  it("follows the TAG's rule", () => {
    expect(statusFromTotal(3, 3)).toBe("active");
    expect(statusFromTotal(2, 3)).toBe("quiet");
    expect(statusFromTotal(0, 3)).toBe("inactive");
  });

  it("counts verified work in the TAG's window before `at`", async () => {
    const [user, tag] = await Promise.all([createUser(), createTag()]);
    const rule = await db.tag.update({ where: { id: tag.id }, data: { activityMinRecords: 2, activityWindowMonths: 3 } });
    await db.contributionRecord.createMany({
      data: [
        { userId: user.id, tagId: tag.id, kind: "pr", source: "github", occurredAt: d("2026-05-01") },
        { userId: user.id, tagId: tag.id, kind: "talk", source: "self_reported", verification: "pending", occurredAt: d("2026-05-02") },
        { userId: user.id, tagId: tag.id, kind: "pr", source: "github", occurredAt: d("2026-01-01") }, // outside the window
      ],
    });
    expect((await activityStatus(user.id, rule, d("2026-06-01"))).status).toBe("quiet");
    await db.contributionRecord.create({ data: { userId: user.id, tagId: tag.id, kind: "review", source: "github", occurredAt: d("2026-05-20") } });
    expect((await activityStatus(user.id, rule, d("2026-06-01"))).status).toBe("active");
    expect((await activityStatus(user.id, rule, d("2027-06-01"))).status).toBe("inactive");
  });
});

describe("contribution timeline", () => {
  it("buckets by UTC month over the last 12 months", () => {
    const months = bucketByMonth([d("2026-06-30"), d("2026-06-01"), d("2026-01-15"), d("2025-06-30")], d("2026-06-30"), 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: "2025-07", count: 0 });
    expect(months[11]).toEqual({ month: "2026-06", count: 2 });
    expect(months.find((m) => m.month === "2026-01")!.count).toBe(1);
  });

  it("filters by TAG and kind, counting only what activity counts", async () => {
    const [user, tag, other] = await Promise.all([createUser(), createTag(), createTag()]);
    await db.contributionRecord.createMany({
      data: [
        { userId: user.id, tagId: tag.id, kind: "pr", source: "github", occurredAt: d("2026-05-01") },
        { userId: user.id, tagId: tag.id, kind: "talk", source: "self_reported", verification: "verified", occurredAt: d("2026-05-02") },
        { userId: user.id, tagId: tag.id, kind: "blog", source: "self_reported", verification: "pending", occurredAt: d("2026-05-03") },
        { userId: user.id, tagId: other.id, kind: "pr", source: "github", occurredAt: d("2026-04-01") },
      ],
    });
    const at = d("2026-06-15");
    const total = (t: Awaited<ReturnType<typeof contributionTimeline>>) => t!.months.reduce((s, m) => s + m.count, 0);
    expect(total(await contributionTimeline(user.login, at, {}))).toBe(3);
    expect(total(await contributionTimeline(user.login, at, { tagSlug: tag.slug }))).toBe(2);
    expect(total(await contributionTimeline(user.login, at, { kind: "pr" }))).toBe(2);
    const t = await contributionTimeline(user.login.toUpperCase(), at, { tagSlug: tag.slug, kind: "pr" });
    expect(total(t)).toBe(1);
    expect(t!.tags.map((x) => x.slug).sort()).toEqual([tag.slug, other.slug].sort());
    expect(await contributionTimeline("nobody-here-xyz", at, {})).toBeNull();
  });
});
