import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actor, code, electionWorld } from "@/tests/election-world";
import { withdrawNomination } from "./nominations";
import { getElectionResults } from "./queries";

describe("withdrawing during voting (issue 20, point 5)", () => {
  it("the count passes over a candidate who withdrew during voting, and the files, result and decision say so", async () => {
    const w = await electionWorld({ voters: 3, candidates: 3, publishBallots: true });
    await w.open();
    await w.startVoting();
    const [a, b, c] = w.nominationIds as [string, string, string];
    // With c standing, c wins (preferred to a and to b by two voters of three).
    await w.cast(0, [[c], [a], [b]]);
    await w.cast(1, [[c], [b], [a]]);
    await w.cast(2, [[a], [b]]);
    const cLogin = (await db.user.findUniqueOrThrow({ where: { id: w.candidates[2]!.id } })).login;
    const aLogin = (await db.user.findUniqueOrThrow({ where: { id: w.candidates[0]!.id } })).login;
    // Only the candidate withdraws.
    expect(await code(withdrawNomination(w.leadActor, { nominationId: c }))).toBe("FORBIDDEN");
    expect(await withdrawNomination(await actor(w.candidates[2]!.id), { nominationId: c })).toEqual({
      withdrawn: true,
    });
    const n = await db.nomination.findUniqueOrThrow({ where: { id: c } });
    expect(n).toMatchObject({ status: "withdrawn", withdrawnDuringVoting: true });
    expect(
      await db.notification.count({ where: { userId: w.lead.id, title: { contains: "withdrew" } } }),
    ).toBeGreaterThan(0);
    await w.close();
    const r = await getElectionResults(w.electionId, w.leadActor);
    expect(r.winners.map((x) => x.name)).toEqual([aLogin]);
    expect(r.excluded).toContainEqual({ name: cLogin, reason: "withdrawn" });
    const blt = await db.electionArtifact.findUniqueOrThrow({
      where: { electionId_name: { electionId: w.electionId, name: "ballots.blt" } },
    });
    const names = r.matrix.candidates;
    expect(blt.content.split("\n")[1]).toBe(`-${names.indexOf(cLogin) + 1}`);
    const matrix = JSON.parse(
      (
        await db.electionArtifact.findUniqueOrThrow({
          where: { electionId_name: { electionId: w.electionId, name: "matrix.json" } },
        })
      ).content,
    ) as { withdrawn: string[] };
    expect(matrix.withdrawn).toEqual([cLogin]);
    const decision = await db.decision.findFirstOrThrow({ where: { subjectId: w.electionId } });
    expect(decision.body).toContain(`Withdrew during voting, so the count passed over them: @${cLogin}.`);
  });

  it("refuses a withdrawal once voting closed, by the clock or the phase, and changes nothing", async () => {
    const w = await electionWorld({ voters: 1 });
    await w.open();
    await w.startVoting();
    const [a, b] = w.nominationIds as [string, string];
    await w.cast(0, [[a]]);
    const candidate = await actor(w.candidates[1]!.id);
    // The close time has passed, the sweep has not run yet.
    const closeAt = (await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).votingCloseAt;
    await db.election.update({ where: { id: w.electionId }, data: { votingCloseAt: new Date(Date.now() - 60_000) } });
    await expect(withdrawNomination(candidate, { nominationId: b })).rejects.toThrow(/Voting has closed/);
    await db.election.update({ where: { id: w.electionId }, data: { votingCloseAt: closeAt } });
    await w.close();
    await expect(withdrawNomination(candidate, { nominationId: b })).rejects.toThrow(/Voting has closed/);
    expect((await db.nomination.findUniqueOrThrow({ where: { id: b } })).status).toBe("active");
    expect(await db.auditEvent.count({ where: { subjectId: b, action: "election.withdraw" } })).toBe(0);
  });
});
