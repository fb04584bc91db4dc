import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { now } from "@/lib/clock";
import { seatsExpectedToReport } from "@/lib/roles/holder-reports";
import { seed } from "@/prisma/seed";
import { DELIVERABLES_DEMO_TAG } from "@/prisma/seed-deliverables";

describe("the demo's holder reports", () => {
  it("seeds deliverables on one TAG's roles, so its seat holders are asked for reports; twice changes nothing", async () => {
    await seed(env().DATABASE_URL!);
    const defs = () =>
      db.roleDefinition.findMany({
        where: { tag: { slug: DELIVERABLES_DEMO_TAG }, supersededAt: null, deliverables: { not: "" } },
        select: { id: true, kind: true, version: true, deliverables: true },
        orderBy: { id: "asc" },
      });
    const first = await defs();
    expect(first.map((d) => d.kind)).toEqual(expect.arrayContaining(["chair"]));
    await seed(env().DATABASE_URL!);
    expect(await defs()).toEqual(first);
    const tags = await db.tag.findMany({ select: { id: true, slug: true } });
    const seats = await seatsExpectedToReport(
      tags.map((t) => t.id),
      await now(),
    );
    expect(seats.length).toBeGreaterThan(0);
    expect(new Set(seats.map((s) => s.tag.slug))).toEqual(new Set([DELIVERABLES_DEMO_TAG]));
    expect(seats.find((s) => s.user.login === "cora-chair")?.deliverables).toMatch(/annual report/);
  });
});
