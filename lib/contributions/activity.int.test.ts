import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTag, createUser } from "@/tests/factories";
import { activityFor } from "./activity";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("activityFor", () => {
  it("counts GitHub, help-wanted and verified self-reported work in [from, to) for one TAG", async () => {
    const [user, tag, other] = await Promise.all([createUser(), createTag(), createTag()]);
    const base = { userId: user.id, tagId: tag.id };
    await db.contributionRecord.createMany({
      data: [
        { ...base, kind: "pr", source: "github", occurredAt: d("2026-01-01") }, // from: included
        { ...base, kind: "review", source: "github", occurredAt: d("2026-02-10") },
        { ...base, kind: "help_wanted", source: "help_wanted", occurredAt: d("2026-03-01") },
        { ...base, kind: "talk", source: "self_reported", verification: "verified", occurredAt: d("2026-03-15") },
        { ...base, kind: "blog", source: "self_reported", verification: "pending", occurredAt: d("2026-03-16") },
        { ...base, kind: "blog", source: "self_reported", verification: "rejected", occurredAt: d("2026-03-17") },
        { ...base, kind: "pr", source: "github", occurredAt: d("2026-04-01") }, // to: excluded
        { ...base, tagId: other.id, kind: "pr", source: "github", occurredAt: d("2026-02-01") },
      ],
    });
    const a = await activityFor(user.id, tag.id, { from: d("2026-01-01"), to: d("2026-04-01") });
    expect(a).toEqual({ total: 4, byKind: { pr: 1, review: 1, help_wanted: 1, talk: 1 }, lastAt: d("2026-03-15") });
    const all = await activityFor(user.id, null, { from: d("2026-01-01"), to: d("2026-04-01") });
    expect(all.total).toBe(5);
  });

  it("answers zero with no last date for someone with no records", async () => {
    const [user, tag] = await Promise.all([createUser(), createTag()]);
    expect(await activityFor(user.id, tag.id, { from: d("2020-01-01"), to: d("2030-01-01") })).toEqual({
      total: 0,
      byKind: {},
      lastAt: null,
    });
  });
});
