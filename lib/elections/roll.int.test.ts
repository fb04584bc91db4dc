import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { createUser } from "@/tests/factories";
import { actor, code, electionWorld } from "@/tests/election-world";
import { publishVoterRoll, updateElectionRules } from "./elections";
import { decideElectionException, requestElectionException } from "./exceptions";
import { getVoterRoll } from "./queries";
import { CreateElectionSchema } from "./schemas";
import { DAY } from "@/lib/vocabulary";

describe("voter roll review (issue 20, point 2)", () => {
  it("officers publish the roll before voting opens; everyone reads the logins; it freezes when voting opens", async () => {
    const w = await electionWorld({ voters: 2 });
    const outsider = await createUser();
    const logins = async (ids: string[]) =>
      (await db.user.findMany({ where: { id: { in: ids } }, select: { login: true } })).map((u) => u.login).sort();
    await w.open();
    // Before publication only the officers see it.
    expect(await code(getVoterRoll(w.electionId, await actor(outsider.id)))).toBe("FORBIDDEN");
    expect(await code(publishVoterRoll(await actor(outsider.id), { electionId: w.electionId }))).toBe("FORBIDDEN");
    const draft = await getVoterRoll(w.electionId, w.leadActor);
    expect(draft.publishedAt).toBeNull();
    const { voters } = await publishVoterRoll(w.leadActor, { electionId: w.electionId });
    const expected = await logins([w.lead.id, ...w.voters.map((v) => v.id)]);
    expect(voters).toBe(expected.length);
    const roll = await getVoterRoll(w.electionId, null);
    expect([...roll.logins].sort()).toEqual(expected);
    expect(roll.frozen).toBe(false);
    expect(await db.auditEvent.count({ where: { subjectId: w.electionId, action: "election.roll-publish" } })).toBe(1);
    await expect(publishVoterRoll(w.leadActor, { electionId: w.electionId })).rejects.toThrow(/already published/);
    // A correction during the window: the outsider asks, an officer grants, the roll shows them.
    const { id: exceptionId } = await requestElectionException(await actor(outsider.id), {
      electionId: w.electionId,
      kind: "vote",
      reason: "I maintain the TAG's docs site",
    });
    await decideElectionException(w.leadActor, { exceptionId, grant: true, reason: "known maintainer" });
    expect((await getVoterRoll(w.electionId, null)).logins).toContain(outsider.login);
    await w.startVoting();
    const frozen = await getVoterRoll(w.electionId, null);
    expect(frozen.frozen).toBe(true);
    expect([...frozen.logins].sort()).toEqual([...expected, outsider.login].sort());
    await expect(publishVoterRoll(w.leadActor, { electionId: w.electionId })).rejects.toThrow(/froze/);
  });

  it("refuses exception requests after the exception deadline with a clear message, and nothing is written", async () => {
    const at = await now();
    const w = await electionWorld({
      voters: 1,
      extra: { exceptionDueAt: new Date(at.getTime() + 1.5 * DAY).toISOString() },
    });
    await w.open();
    const early = await createUser();
    await requestElectionException(await actor(early.id), {
      electionId: w.electionId,
      kind: "vote",
      reason: "I review every week",
    });
    await db.election.update({ where: { id: w.electionId }, data: { exceptionDueAt: new Date(Date.now() - 1000) } });
    const late = await createUser();
    await expect(
      requestElectionException(await actor(late.id), { electionId: w.electionId, kind: "vote", reason: "I am late" }),
    ).rejects.toThrow(/deadline for exception requests passed/);
    expect(await db.electionException.count({ where: { electionId: w.electionId, userId: late.id } })).toBe(0);
    // A request made in time can still be decided.
    const pending = await db.electionException.findFirstOrThrow({ where: { userId: early.id } });
    expect(
      (await decideElectionException(w.leadActor, { exceptionId: pending.id, grant: true, reason: "ok" })).status,
    ).toBe("granted");
  });

  it("an exception deadline after voting closes is refused at set-up and in a rules update", async () => {
    const w = await electionWorld({ voters: 1 });
    const e = await db.election.findUniqueOrThrow({ where: { id: w.electionId } });
    const iso = (d: Date) => d.toISOString();
    const bad = CreateElectionSchema.safeParse({
      tagId: e.tagId,
      roleKey: e.roleKey,
      title: "Late deadline",
      cycleDate: iso(e.cycleDate),
      nominationsOpenAt: iso(e.nominationsOpenAt),
      nominationsCloseAt: iso(e.nominationsCloseAt),
      votingOpenAt: iso(e.votingOpenAt),
      votingCloseAt: iso(e.votingCloseAt),
      candidateRule: "any-member",
      exceptionDueAt: iso(new Date(e.votingCloseAt.getTime() + DAY)),
    });
    expect(bad.error?.issues.map((i) => i.message)).toContain(
      "The exception deadline must be on or before voting closes",
    );
    await expect(
      updateElectionRules(w.leadActor, {
        electionId: w.electionId,
        exceptionDueAt: new Date(e.votingCloseAt.getTime() + DAY),
      }),
    ).rejects.toThrow(/exception deadline/);
    expect((await db.election.findUniqueOrThrow({ where: { id: w.electionId } })).exceptionDueAt).toBeNull();
  });
});
