import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { createUser } from "@/tests/factories";
import { createSeat } from "@/tests/fixtures";
import { actor, code, electionWorld, tagWithLead } from "@/tests/election-world";
import { createElection } from "./elections";
import { decideElectionException, requestElectionException } from "./exceptions";
import { advanceElectionPhases, cancelElection, moveElectionPhase } from "./phases";
import { getElectionResults, possibleCoOfficers } from "./queries";
import { CancelElectionSchema, CreateElectionSchema } from "./schemas";
import { DAY } from "@/lib/vocabulary";

async function secondLead(tagId: string) {
  const u = await createUser();
  await createSeat(tagId, u.id, "chair", { requestedAt: await now() });
  return u;
}

describe("co-officers (issue 20, point 4)", () => {
  it("the set-up form offers the TAG's other leads; a co-officer runs the election; a non-lead is refused", async () => {
    const { tag, lead, role } = await tagWithLead();
    const co = await secondLead(tag.id);
    const outsider = await createUser();
    const offered = await possibleCoOfficers(tag.id, lead.id);
    expect(offered.map((u) => u.id)).toEqual([co.id]);
    const at = await now();
    const iso = (d: number) => new Date(at.getTime() + d * DAY).toISOString();
    const input = CreateElectionSchema.parse({
      tagId: tag.id,
      roleKey: role.roleKey,
      title: "Co-officer election",
      cycleDate: iso(60),
      seatsByRegion: { any: 1 },
      nominationsOpenAt: iso(1),
      nominationsCloseAt: iso(2),
      votingOpenAt: iso(3),
      votingCloseAt: iso(4),
      candidateRule: "any-member",
      officerIds: [co.id],
    });
    const leadActor = await actor(lead.id);
    await expect(createElection(leadActor, { ...input, officerIds: [outsider.id] })).rejects.toThrow(
      /leads of this TAG/,
    );
    expect(await db.election.count({ where: { tagId: tag.id } })).toBe(0);
    const { id } = await createElection(leadActor, input);
    const officers = await db.electionOfficer.findMany({ where: { electionId: id }, select: { userId: true } });
    expect(officers.map((o) => o.userId).sort()).toEqual([lead.id, co.id].sort());
    // The co-officer acts as an officer: moves the phase, decides an exception.
    await moveElectionPhase(await actor(co.id), { electionId: id, to: "nominations", reason: "start now" });
    const asker = await createUser();
    const { id: exceptionId } = await requestElectionException(await actor(asker.id), {
      electionId: id,
      kind: "vote",
      reason: "I review for this TAG every week",
    });
    expect(
      (await decideElectionException(await actor(co.id), { exceptionId, grant: true, reason: "known reviewer" }))
        .status,
    ).toBe("granted");
  });
});

describe("cancelling (issue 20, point 4)", () => {
  it("an officer cancels during voting with a reason: ballots destroyed, audited, everyone on the roll told", async () => {
    const w = await electionWorld({ voters: 2 });
    await w.open();
    await w.startVoting();
    await w.cast(0, [[w.nominationIds[0]!]]);
    await w.cast(1, [[w.nominationIds[1]!]]);
    expect(await db.ballot.count({ where: { electionId: w.electionId } })).toBe(2);
    // Bad input: no reason, a blank one; a voter is not an officer. Nothing changes.
    expect(CancelElectionSchema.safeParse({ electionId: w.electionId }).error?.issues[0]?.message).toBe(
      "Say why the election is cancelled",
    );
    expect(CancelElectionSchema.safeParse({ electionId: w.electionId, reason: "  " }).success).toBe(false);
    expect(
      await code(cancelElection(await actor(w.voters[0]!.id), { electionId: w.electionId, reason: "I lost" })),
    ).toBe("FORBIDDEN");
    expect(await db.ballot.count({ where: { electionId: w.electionId } })).toBe(2);

    const r = await cancelElection(w.leadActor, { electionId: w.electionId, reason: "The seat was removed" });
    expect(r).toEqual({ phase: "cancelled", ballotsDestroyed: 2 });
    const e = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    expect(e.phase).toBe("cancelled");
    expect(e.cancelReason).toBe("The seat was removed");
    expect(await db.ballot.count({ where: { electionId: w.electionId } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: w.electionId, action: "election.cancel" },
    });
    expect(audit.after).toMatchObject({ phase: "cancelled", reason: "The seat was removed", ballotsDestroyed: 2 });
    expect(await db.notification.count({ where: { userId: w.voters[0]!.id, kind: "election.cancelled" } })).toBe(1);
    // Nothing moves a cancelled election again: not the clock, not a second cancel, not a ballot.
    await advanceElectionPhases(new Date(e.votingCloseAt.getTime() + DAY));
    expect((await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).phase).toBe("cancelled");
    await expect(cancelElection(w.leadActor, { electionId: w.electionId, reason: "again" })).rejects.toThrow(
      /already cancelled/,
    );
    expect(await code(w.cast(0, [[w.nominationIds[0]!]]))).toBe("CONFLICT");
  });

  it("a counted election cannot be cancelled", async () => {
    const w = await electionWorld({ voters: 1 });
    await w.open();
    await w.startVoting();
    await w.cast(0, [[w.nominationIds[0]!]]);
    await w.close();
    await expect(cancelElection(w.leadActor, { electionId: w.electionId, reason: "too late" })).rejects.toThrow(
      /TOC decides/,
    );
    expect(await db.ballot.count({ where: { electionId: w.electionId } })).toBe(1);
  });
});

describe("test elections (issue 20, point 4)", () => {
  it("ballots are discarded at close, the count opens no TOC decision and the result says it is a test", async () => {
    const w = await electionWorld({ voters: 2, publishBallots: true, extra: { isTest: "true" } });
    await w.open();
    await w.startVoting();
    await w.cast(0, [[w.nominationIds[0]!], [w.nominationIds[1]!]]);
    await w.cast(1, [[w.nominationIds[0]!]]);
    const closed = await w.close();
    expect(closed.phase).toBe("tallied");
    const e = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    expect(e.isTest).toBe(true);
    expect(e.ballotCount).toBe(2);
    expect(await db.ballot.count({ where: { electionId: w.electionId } })).toBe(0);
    const files = await db.electionArtifact.findMany({ where: { electionId: w.electionId }, select: { name: true } });
    expect(files.map((f) => f.name).sort()).toEqual(["matrix.json", "result.json", "rules.json"]);
    expect(await db.decision.count({ where: { subjectId: w.electionId } })).toBe(0);
    const toc = await createUser({ isTocMember: true });
    const r = await getElectionResults(w.electionId, await actor(w.lead.id));
    expect(r.winners).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: toc.id, kind: "election.tallied" } })).toBe(0);
    const told = await db.notification.findFirstOrThrow({ where: { userId: w.lead.id, kind: "election.tallied" } });
    expect(told.title).toMatch(/test count/);
  });
});
