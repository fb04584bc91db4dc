import { describe, expect, it } from "vitest";
import { migrationStatus } from "./schema-engine";

describe("committed migrations", () => {
  it("are all applied to the test database, which matches schema.prisma exactly", async () => {
    const s = await migrationStatus(process.env.DATABASE_URL!);
    expect(s.pending).toEqual([]);
    expect(s.failed).toEqual([]);
    expect(s.edited).toEqual([]);
    expect(s.drift).toBe("");
    expect(s.applied.length).toBeGreaterThanOrEqual(2);
  });
});
