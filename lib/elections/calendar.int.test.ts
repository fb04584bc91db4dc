import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTag } from "@/tests/factories";
import { electionCalendarForTag } from "./calendar";

describe("electionCalendarForTag", () => {
  it("lists the TAG's elections past draft, and answers null for an unknown TAG", async () => {
    const tag = await createTag();
    const other = await createTag();
    const base = {
      roleKey: crypto.randomUUID(),
      seatsByRegion: { APAC: 1 },
      cycleDate: new Date("2026-06-01T00:00:00Z"),
      nominationsOpenAt: new Date("2026-04-01T00:00:00Z"),
      nominationsCloseAt: new Date("2026-04-15T00:00:00Z"),
      votingOpenAt: new Date("2026-04-16T00:00:00Z"),
      votingCloseAt: new Date("2026-04-30T00:00:00Z"),
      createdAt: new Date("2026-03-01T00:00:00Z"),
      updatedAt: new Date("2026-03-01T00:00:00Z"),
    };
    await db.election.createMany({
      data: [
        { ...base, tagId: tag.id, title: "Spring election", phase: "voting" },
        { ...base, tagId: tag.id, title: "Secret draft", phase: "draft" },
        { ...base, tagId: other.id, title: "Other TAG's election", phase: "voting" },
      ],
    });
    const text = (await electionCalendarForTag(tag.slug, "http://localhost:3000"))!.replace(/\r\n /g, "");
    expect(text).toContain("SUMMARY:Voting: Spring election");
    expect(text).not.toContain("Secret draft");
    expect(text).not.toContain("Other TAG");
    expect(await electionCalendarForTag("no-such-tag", "http://localhost:3000")).toBeNull();
  });
});
