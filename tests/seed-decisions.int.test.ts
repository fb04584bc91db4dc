import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { loadActor } from "@/lib/auth/actor";
import { listOpenDecisions } from "@/lib/decisions/queries";
import { castVote } from "@/lib/decision-outcomes/votes";
import { seed } from "@/prisma/seed";

describe("the demo's TOC decision", () => {
  it("seeds one pending appointment with two yes votes of four; twice changes nothing; a third yes approves it", async () => {
    await seed(env().DATABASE_URL!);
    await seed(env().DATABASE_URL!);
    const toby = (await db.user.findFirstOrThrow({ where: { login: "toby-toc" } })).id;
    const uma = (await db.user.findFirstOrThrow({ where: { login: "uma-toc" } })).id;
    const open = await listOpenDecisions(await loadActor(toby));
    expect(open).toHaveLength(1);
    const [d] = open;
    expect(d).toMatchObject({
      title: "Appoint @noor-member as Tech Lead of TAG Operational Resilience",
      viewer: "voted",
      tally: { electorate: 4, yes: 2, no: 0, abstain: 0 },
    });
    const seat = await db.decision.findUniqueOrThrow({ where: { id: d!.id }, select: { subjectId: true } });
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.subjectId } })).status).toBe("pending");
    expect(await castVote(await loadActor(uma), { decisionId: d!.id, choice: "yes" })).toMatchObject({
      state: "approved",
    });
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.subjectId } })).status).toBe("active");
  });
});
