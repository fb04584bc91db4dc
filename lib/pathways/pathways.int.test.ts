import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DAY } from "@/lib/vocabulary";
import type { ContributionKind } from "@/lib/generated/prisma/enums";
import { actorOf } from "@/tests/actors";
import { pathwayPeople, threeStepLadder } from "@/tests/fixtures";
import { saveLadder } from "./ladders";
import { endPairing, pairMentor } from "./pairings";
import { getTagPathway, mentoringOf, personPathwaysByLogin } from "./queries";
import { signOffStep } from "./sign-offs";

const LADDER = threeStepLadder("2 reviews, 1 meeting attended");

async function world() {
  const { tag, lead, member, mentor, other: stranger, at } = await pathwayPeople();
  const record = (
    userId: string,
    kind: ContributionKind,
    daysAgo: number,
    source: "github" | "self_reported" = "github",
    verification: "verified" | "pending" = "verified",
  ) =>
    db.contributionRecord.create({
      data: { userId, tagId: tag.id, kind, source, verification, occurredAt: new Date(at.getTime() - daysAgo * DAY) },
    });
  await Promise.all([
    record(member.id, "pr", 30),
    record(member.id, "review", 10),
    record(member.id, "review", 12),
    record(member.id, "meeting", 3, "self_reported"),
    // Not counted: a self-report no lead verified yet.
    record(member.id, "assessment", 3, "self_reported", "pending"),
  ]);
  return { tag, lead, member, mentor, stranger, at, record, leadActor: actorOf(lead.id, { leadTagIds: [tag.id] }) };
}

const auditCount = (tagId: string, action: string) => db.auditEvent.count({ where: { tagId, action, outcome: "ok" } });

describe("leadership pathways", () => {
  it("a lead defines a ladder; a member's standing follows their counted records and the mentor's sign-off", async () => {
    const w = await world();
    await expect(saveLadder(w.leadActor, { tagId: w.tag.id, version: 0, steps: LADDER })).resolves.toMatchObject({
      version: 1,
      steps: 3,
    });
    const mine = await personPathwaysByLogin(w.member.login.toUpperCase(), w.at);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.standing).toMatchObject({
      reached: "Reviewer",
      next: { name: "Shadow", signedOff: false },
      ready: false,
    });

    const pairing = await pairMentor(w.leadActor, {
      tagId: w.tag.id,
      mentor: w.mentor.login,
      mentee: `${w.member.login}`,
    });
    // The shadowed assessment is verified now: only the sign-off is missing, and the leads see it.
    await db.contributionRecord.updateMany({
      where: { userId: w.member.id, kind: "assessment" },
      data: { verification: "verified" },
    });
    let overview = await getTagPathway(w.tag.slug, w.at);
    expect(overview!.people[0]).toMatchObject({ user: { login: w.member.login }, standing: { ready: true } });
    expect(overview!.pairings.map((p) => [p.mentor.login, p.mentee.login])).toEqual([[w.mentor.login, w.member.login]]);

    const mentoring = await mentoringOf(w.mentor.id, w.at);
    expect(mentoring.map((m) => [m.pairing.mentee.login, m.standing?.ready])).toEqual([[w.member.login, true]]);
    await signOffStep(actorOf(w.mentor.id), { pairingId: pairing.id, step: "Shadow" });
    overview = await getTagPathway(w.tag.slug, w.at);
    expect(overview!.people.find((p) => p.user.id === w.member.id)!.standing).toMatchObject({
      reached: "Shadow",
      next: null,
    });
    expect(await auditCount(w.tag.id, "pathway.sign-off")).toBe(1);
    expect(await auditCount(w.tag.id, "pathway.define")).toBe(1);
  });

  it("refuses a ladder naming an unknown kind, line by line, and writes nothing", async () => {
    const w = await world();
    await expect(
      saveLadder(w.leadActor, { tagId: w.tag.id, version: 0, steps: "Reviewer: 3 reveiws" }),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { steps: [expect.stringMatching(/^Line 1: "reveiws" is not a contribution kind/)] },
    });
    expect(await db.pathwayLadder.count({ where: { tagId: w.tag.id } })).toBe(0);
    expect(await auditCount(w.tag.id, "pathway.define")).toBe(0);
  });

  it("only leads define a ladder, and a stale version does not overwrite a newer ladder", async () => {
    const w = await world();
    await expect(
      saveLadder(actorOf(w.member.id), { tagId: w.tag.id, version: 0, steps: LADDER }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await saveLadder(w.leadActor, { tagId: w.tag.id, version: 0, steps: LADDER });
    await expect(saveLadder(w.leadActor, { tagId: w.tag.id, version: 0, steps: "Only: 1 pr" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await saveLadder(w.leadActor, { tagId: w.tag.id, version: 1, steps: "Only: 1 pr" });
    expect((await getTagPathway(w.tag.slug, w.at))!.text).toBe("Only: 1 pull request in 6 months");
  });

  it("refuses pairing a person with themselves, even by a differently written login", async () => {
    const w = await world();
    await expect(
      pairMentor(w.leadActor, { tagId: w.tag.id, mentor: w.member.login.toUpperCase(), mentee: w.member.login }),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/cannot mentor themselves/) });
    expect(await db.mentorPairing.count({ where: { tagId: w.tag.id } })).toBe(0);
    await expect(
      pairMentor(actorOf(w.member.id), { tagId: w.tag.id, mentor: w.mentor.login, mentee: w.member.login }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("either the mentor or the mentee ends a pairing; nobody else; and an ended pairing signs nothing off", async () => {
    const w = await world();
    await saveLadder(w.leadActor, { tagId: w.tag.id, version: 0, steps: LADDER });
    const first = await pairMentor(w.leadActor, { tagId: w.tag.id, mentor: w.mentor.login, mentee: w.member.login });
    await expect(
      pairMentor(w.leadActor, { tagId: w.tag.id, mentor: w.mentor.login, mentee: w.member.login }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(endPairing(actorOf(w.stranger.id), { pairingId: first.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(signOffStep(actorOf(w.member.id), { pairingId: first.id, step: "Shadow" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(signOffStep(actorOf(w.mentor.id), { pairingId: first.id, step: "Reviewer" })).rejects.toMatchObject({
      code: "INVALID",
    });
    await endPairing(actorOf(w.member.id), { pairingId: first.id });
    await expect(endPairing(actorOf(w.mentor.id), { pairingId: first.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(signOffStep(actorOf(w.mentor.id), { pairingId: first.id, step: "Shadow" })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const second = await pairMentor(w.leadActor, { tagId: w.tag.id, mentor: w.mentor.login, mentee: w.member.login });
    await endPairing(actorOf(w.mentor.id), { pairingId: second.id });
    expect(await db.mentorPairing.count({ where: { tagId: w.tag.id, endedAt: null } })).toBe(0);
    expect(await auditCount(w.tag.id, "pathway.pair-end")).toBe(2);
    expect(await db.pathwaySignOff.count({ where: { tagId: w.tag.id } })).toBe(0);
  });
});
