import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { closeAndCount } from "@/lib/elections/close";
import { hashSha256 } from "@/lib/elections/tally";
import { seed } from "@/prisma/seed";
import { DEMO_PUBLISHED_ELECTION_ID, DEMO_VOTING_ELECTION_ID, demoReceipt } from "@/prisma/seed-elections";

describe("the demo elections", () => {
  it("seeds a published election with its files and the winner's seat, and one in voting; twice changes nothing", async () => {
    await seed(env().DATABASE_URL!);
    await seed(env().DATABASE_URL!);
    const published = await db.election.findUniqueOrThrow({
      where: { id: DEMO_PUBLISHED_ELECTION_ID },
      include: { artifacts: true },
    });
    expect(published.phase).toBe("published");
    expect(published.artifacts.map((a) => a.name).sort()).toEqual([
      "ballots.blt",
      "ballots.json",
      "matrix.json",
      "result.json",
      "rules.json",
    ]);
    for (const a of published.artifacts) expect(a.sha256).toBe(hashSha256(a.content));
    const result = JSON.parse(published.artifacts.find((a) => a.name === "result.json")!.content) as {
      winners: string[];
    };
    expect(result.winners).toEqual(["jade-member"]);
    const ballots = JSON.parse(published.artifacts.find((a) => a.name === "ballots.json")!.content) as {
      receiptHash: string;
    }[];
    expect(
      ballots.some(
        (b) =>
          b.receiptHash === hashSha256(`${DEMO_PUBLISHED_ELECTION_ID}:${demoReceipt(DEMO_PUBLISHED_ELECTION_ID, 0)}`),
      ),
    ).toBe(true);
    const seat = await db.roleAssignment.findFirstOrThrow({ where: { electionId: DEMO_PUBLISHED_ELECTION_ID } });
    expect(seat).toMatchObject({
      status: "active",
      obtainedBy: "elected",
      termEndAt: new Date("2027-07-01T00:00:00Z"),
    });
    const voting = await db.election.findUniqueOrThrow({ where: { id: DEMO_VOTING_ELECTION_ID } });
    expect(voting.phase).toBe("voting");
    expect(await db.ballot.count({ where: { electionId: DEMO_VOTING_ELECTION_ID } })).toBe(3);
    expect(await db.electionParticipation.count({ where: { electionId: DEMO_VOTING_ELECTION_ID } })).toBe(3);
    expect(await db.election.count()).toBe(2);
    // The voting one closes and counts like any other (the counts of roll, participations and ballots agree).
    expect(await closeAndCount(DEMO_VOTING_ELECTION_ID)).toMatchObject({ phase: "tallied" });
  });
});
