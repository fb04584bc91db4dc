import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTag, createUser } from "@/tests/factories";
import { activityByTag, activityFor, activityKey as key, lastContributionText, statusFromTotal } from "./activity";
import { DAY } from "@/lib/vocabulary";
import type { ContributionKind } from "@/lib/generated/prisma/enums";
import { bucketByMonth, contributionTimeline } from "./timeline";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
/** A self-reported record: it counts only once `verification` is "verified". */
const selfReported = (
  userId: string,
  tagId: string,
  kind: ContributionKind,
  verification: "pending" | "verified",
  occurredAt: Date,
) => ({ userId, tagId, kind, source: "self_reported" as const, verification, occurredAt });

describe("activity status", () => {
  it("follows the TAG's rule", () => {
    expect(statusFromTotal(3, 3)).toBe("active");
    expect(statusFromTotal(2, 3)).toBe("quiet");
    expect(statusFromTotal(0, 3)).toBe("inactive");
  });

  it("counts verified work in the TAG's window before `at`", async () => {
    const [user, tag] = await Promise.all([createUser(), createTag()]);
    const rule = await db.tag.update({
      where: { id: tag.id },
      data: { activityMinRecords: 2, activityWindowMonths: 3 },
    });
    const statusAt = async (at: Date) =>
      (await activityByTag([{ tag: rule, userIds: [user.id] }], at)).get(key(user.id, tag.id))!.status;
    await db.contributionRecord.createMany({
      data: [
        { userId: user.id, tagId: tag.id, kind: "pr", source: "github", occurredAt: d("2026-05-01") },
        selfReported(user.id, tag.id, "talk", "pending", d("2026-05-02")),
        { userId: user.id, tagId: tag.id, kind: "pr", source: "github", occurredAt: d("2026-01-01") }, // outside the window
      ],
    });
    expect(await statusAt(d("2026-06-01"))).toBe("quiet");
    await db.contributionRecord.create({
      data: { userId: user.id, tagId: tag.id, kind: "review", source: "github", occurredAt: d("2026-05-20") },
    });
    expect(await statusAt(d("2026-06-01"))).toBe("active");
    expect(await statusAt(d("2027-06-01"))).toBe("inactive");
  });
});

describe("activity over 30, 90 and 365 days, per TAG", () => {
  it("counts each window and the TAG's own rule window as activityFor does, for many TAGs in one call", async () => {
    const [user, a, b] = await Promise.all([createUser(), createTag(), createTag()]);
    const ruleA = await db.tag.update({
      where: { id: a.id },
      data: { activityMinRecords: 3, activityWindowMonths: 6 },
    });
    const ruleB = await db.tag.update({
      where: { id: b.id },
      data: { activityMinRecords: 1, activityWindowMonths: 1 },
    });
    const at = d("2026-06-01");
    const ago = (days: number) => new Date(at.getTime() - days * DAY);
    await db.contributionRecord.createMany({
      data: [
        ...[5, 20, 45, 80, 150, 300, 500].map((n) => ({
          userId: user.id,
          tagId: a.id,
          kind: "pr" as const,
          source: "github" as const,
          occurredAt: ago(n),
        })),
        { userId: user.id, tagId: b.id, kind: "review", source: "github", occurredAt: ago(40) },
        selfReported(user.id, b.id, "talk", "pending", ago(3)),
        { userId: user.id, tagId: b.id, kind: "pr", source: "github", occurredAt: ago(-2) }, // after `at`
      ],
    });
    const all = await activityByTag(
      [
        { tag: ruleA, userIds: [user.id] },
        { tag: ruleB, userIds: [user.id] },
      ],
      at,
    );
    const inA = all.get(key(user.id, a.id))!;
    const inB = all.get(key(user.id, b.id))!;
    expect(inA).toMatchObject({ days: { 30: 2, 90: 4, 365: 6 }, inRule: 5, status: "active", lastAt: ago(5) });
    expect(inB).toMatchObject({ days: { 30: 0, 90: 1, 365: 1 }, inRule: 0, status: "inactive", lastAt: ago(40) });
    for (const [tag, got] of [
      [a, inA],
      [b, inB],
    ] as const)
      for (const n of [30, 90, 365] as const)
        expect((await activityFor(user.id, tag.id, { from: ago(n), to: at })).total).toBe(got.days[n]);
  });
});

describe("roster activity", () => {
  it("gives every holder, in one query, the status and the last counted contribution", async () => {
    const [tag, other] = await Promise.all([createTag(), createTag()]);
    const rule = await db.tag.update({
      where: { id: tag.id },
      data: { activityMinRecords: 2, activityWindowMonths: 6 },
    });
    const people = await Promise.all(Array.from({ length: 5 }, () => createUser()));
    const [busy, quiet, lapsed, pending, none] = people.map((p) => p.id) as [string, string, string, string, string];
    await db.contributionRecord.createMany({
      data: [
        { userId: busy, tagId: tag.id, kind: "pr", source: "github", occurredAt: d("2026-05-01") },
        selfReported(busy, tag.id, "talk", "verified", d("2026-05-30")),
        { userId: busy, tagId: tag.id, kind: "pr", source: "github", occurredAt: d("2026-07-01") }, // after `at`: not counted
        { userId: quiet, tagId: tag.id, kind: "help_wanted", source: "help_wanted", occurredAt: d("2026-03-01") },
        { userId: quiet, tagId: other.id, kind: "pr", source: "github", occurredAt: d("2026-05-01") }, // another TAG
        { userId: lapsed, tagId: tag.id, kind: "review", source: "github", occurredAt: d("2025-10-15") },
        selfReported(pending, tag.id, "blog", "pending", d("2026-05-01")),
      ],
    });
    const at = d("2026-06-01");
    const all = await activityByTag([{ tag: rule, userIds: [...people.map((p) => p.id), busy] }], at);
    expect(all.size).toBe(5);
    for (const p of people) {
      const inWindow = await activityFor(p.id, tag.id, { from: d("2025-12-01"), to: at });
      const ever = await activityFor(p.id, tag.id, { from: new Date(0), to: at });
      expect(all.get(key(p.id, tag.id))).toMatchObject({ inRule: inWindow.total, lastAt: ever.lastAt });
    }
    expect([busy, quiet, lapsed, pending, none].map((id) => all.get(key(id, tag.id))!.status)).toEqual([
      "active",
      "quiet",
      "inactive",
      "inactive",
      "inactive",
    ]);
    expect(lastContributionText(all.get(key(lapsed, tag.id))!.lastAt, at)).toBe("last contribution 7 months ago");
    expect(lastContributionText(all.get(key(busy, tag.id))!.lastAt, at)).toBe("last contribution 2 days ago");
    expect(lastContributionText(null, at)).toBe("no contributions recorded");
    expect(lastContributionText(d("2024-01-01"), at)).toBe("last contribution 2 years ago");
    expect(lastContributionText(d("2026-06-01"), at)).toBe("last contribution today");
    expect(await activityByTag([{ tag: rule, userIds: [] }], at)).toEqual(new Map());
  });
});

describe("contribution timeline", () => {
  it("buckets by UTC month over the last 12 months", () => {
    const months = bucketByMonth(
      [d("2026-06-30"), d("2026-06-01"), d("2026-01-15"), d("2025-06-30")],
      d("2026-06-30"),
      12,
    );
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
        selfReported(user.id, tag.id, "talk", "verified", d("2026-05-02")),
        selfReported(user.id, tag.id, "blog", "pending", d("2026-05-03")),
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
