import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { createTag, createUser } from "@/tests/factories";
import { createSeat } from "@/tests/fixtures";
import { actor, code, contributor, electionWorld, tagWithLead } from "@/tests/election-world";
import { createElection, defaultSeatsForCycle, extendElectionWindow, updateElectionRules } from "./elections";
import { endorseNomination, selfNominate, withdrawNomination } from "./nominations";
import { decideElectionException, requestElectionException } from "./exceptions";
import { moveElectionPhase } from "./phases";
import { getElection, listElections, myElectionStatuses } from "./queries";
import { CreateElectionSchema, UpdateRulesSchema } from "./schemas";
import { DAY } from "@/lib/vocabulary";

async function draftInput(tagId: string, roleKey: string, over: Record<string, unknown> = {}) {
  const at = await now();
  const iso = (d: number) => new Date(at.getTime() + d * DAY).toISOString();
  return CreateElectionSchema.parse({
    tagId,
    roleKey,
    title: "Tech Leads 2027",
    cycleDate: iso(60),
    nominationsOpenAt: iso(1),
    nominationsCloseAt: iso(10),
    votingOpenAt: iso(11),
    votingCloseAt: iso(20),
    candidateRule: "contributions",
    candidateMinRecords: 2,
    candidateWindowMonths: 6,
    ...over,
  });
}

/**
 * Tech Lead seats of the role for new people, requested now and ending `ends` days later: in
 * `region` (the person's and the seat's) and `status` where a seat names them.
 */
async function techLeadSeats(
  tagId: string,
  roleId: string,
  seats: readonly { ends: number; region?: "APAC" | "EMEA" | "Americas"; status?: "active" | "pending" }[],
) {
  const at = await now();
  for (const { ends, region, status } of seats) {
    const u = await createUser(region ? { region } : {});
    await createSeat(tagId, u.id, "tech_lead", {
      ...(region ? { regionAtStart: region } : {}),
      ...(status ? { status } : {}),
      requestedAt: at,
      termEndAt: new Date(at.getTime() + ends * DAY),
      roleDefinitionId: roleId,
    });
  }
}

describe("set-up", () => {
  it("only a lead of the TAG (or an admin) creates; seats default to those ending before the cycle date, by region", async () => {
    const { tag, lead, role } = await tagWithLead();
    const other = await tagWithLead();
    const input = await draftInput(tag.id, role.roleKey);
    await techLeadSeats(tag.id, role.id, [
      { region: "APAC", ends: 30 },
      { region: "EMEA", ends: 40 },
      { region: "EMEA", ends: 400 },
    ]);
    expect(await defaultSeatsForCycle(tag.id, role.roleKey, input.cycleDate)).toEqual({ APAC: 1, EMEA: 1 });
    expect(await code(createElection(await actor(other.lead.id), input))).toBe("FORBIDDEN");
    expect(await code(createElection(await actor((await createUser()).id), input))).toBe("FORBIDDEN");
    expect(await code(createElection(null, input))).toBe("FORBIDDEN");
    const { id } = await createElection(await actor(lead.id), input);
    const e = await db.election.findUniqueOrThrow({ where: { id }, include: { officers: true } });
    expect(e.seatsByRegion).toEqual({ APAC: 1, EMEA: 1 });
    expect(e.officers.map((o) => o.userId)).toEqual([lead.id]);
    expect(e.phase).toBe("draft");
    expect(await db.auditEvent.count({ where: { subjectId: id, action: "election.create" } })).toBe(1);
    // An admin can set up too; officers must be leads of the TAG or admins.
    const admin = await actor((await createUser({ isAdmin: true })).id);
    expect(await code(createElection(admin, { ...input, officerIds: [(await createUser()).id] }))).toBe("INVALID");
    expect(await code(createElection(admin, input))).toBe("ok");
  });

  it("a vacancy feeds the next election: its seats may not exceed the role's vacancies by the cycle date", async () => {
    const { tag, lead, role } = await tagWithLead();
    await db.roleDefinition.update({ where: { id: role.id }, data: { totalSeats: 3 } });
    const input = await draftInput(tag.id, role.roleKey);
    // Three seats: one ends before the cycle date, one after it, one is pending (not held).
    await techLeadSeats(tag.id, role.id, [
      { status: "active", ends: 30 },
      { status: "active", ends: 400 },
      { status: "pending", ends: 400 },
    ]);
    const officer = await actor(lead.id);
    const err = await createElection(officer, { ...input, seatsByRegion: { any: 3 } }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "INVALID",
      message: `This election would fill 3 seats, but Tech Lead has 2 vacancies by the cycle date ${input.cycleDate.toISOString().slice(0, 10)} (3 seats, 1 held beyond it).`,
      fieldErrors: { seatsByRegion: ["At most 2 this cycle"] },
    });
    expect(await db.election.count({ where: { tagId: tag.id } })).toBe(0);
    // The default fills exactly the vacancies (the seat ending, by its region, and the vacant one);
    // raising it in the draft is refused the same way.
    const { id } = await createElection(officer, input);
    expect(await db.election.findUniqueOrThrow({ where: { id } })).toMatchObject({
      seatsByRegion: { EMEA: 1, any: 1 },
    });
    expect(
      await code(updateElectionRules(officer, UpdateRulesSchema.parse({ electionId: id, seatsByRegion: { any: 4 } }))),
    ).toBe("INVALID");
    expect(
      await code(updateElectionRules(officer, UpdateRulesSchema.parse({ electionId: id, seatsByRegion: { any: 2 } }))),
    ).toBe("ok");
  });

  it("strict schemas: unknown keys and disordered windows are refused", async () => {
    const { tag, role } = await tagWithLead();
    const base = await draftInput(tag.id, role.roleKey);
    const raw = {
      ...base,
      cycleDate: base.cycleDate.toISOString(),
      nominationsOpenAt: base.nominationsOpenAt.toISOString(),
      nominationsCloseAt: base.nominationsCloseAt.toISOString(),
      votingOpenAt: base.votingOpenAt.toISOString(),
      votingCloseAt: base.votingCloseAt.toISOString(),
    };
    expect(CreateElectionSchema.safeParse({ ...raw, phase: "published" }).success).toBe(false);
    expect(CreateElectionSchema.safeParse({ ...raw, votingOpenAt: raw.nominationsOpenAt }).success).toBe(false);
    expect(UpdateRulesSchema.safeParse({ electionId: crypto.randomUUID(), staggerTerms: false }).success).toBe(false);
  });

  it("rules change in draft only; after nominations open they are frozen (only windows extend, with a reason)", async () => {
    const w = await electionWorld();
    const e = w.electionId;
    expect(
      await code(updateElectionRules(await actor((await createUser()).id), { electionId: e, title: "Hijacked" })),
    ).toBe("FORBIDDEN");
    await updateElectionRules(w.leadActor, { electionId: e, title: "Tech Leads, spring" });
    expect((await db.election.findUniqueOrThrow({ where: { id: e } })).title).toBe("Tech Leads, spring");
    await w.open();
    expect(await code(updateElectionRules(w.leadActor, { electionId: e, method: "stv" }))).toBe("CONFLICT");
    const before = await db.election.findUniqueOrThrow({ where: { id: e } });
    expect(before.method).toBe("schulze");
    expect(before.rulesFrozenAt).not.toBeNull();
    const later = new Date(before.nominationsCloseAt.getTime() + 12 * 3600_000);
    expect(
      await code(
        extendElectionWindow(w.leadActor, {
          electionId: e,
          field: "nominationsCloseAt",
          to: new Date(before.nominationsCloseAt.getTime() - 1000),
          reason: "shorter",
        }),
      ),
    ).toBe("INVALID");
    expect(
      await code(
        extendElectionWindow(w.leadActor, {
          electionId: e,
          field: "nominationsCloseAt",
          to: new Date(before.votingOpenAt.getTime() + DAY),
          reason: "past voting",
        }),
      ),
    ).toBe("INVALID");
    await extendElectionWindow(w.leadActor, {
      electionId: e,
      field: "nominationsCloseAt",
      to: later,
      reason: "KubeCon week",
    });
    expect((await db.election.findUniqueOrThrow({ where: { id: e } })).nominationsCloseAt).toEqual(later);
    expect(await db.auditEvent.findFirst({ where: { subjectId: e, action: "election.extend-window" } })).toMatchObject({
      after: { reason: "KubeCon week" },
    });
    // Officers move only to the next phase.
    expect(await code(moveElectionPhase(w.leadActor, { electionId: e, to: "closed", reason: "skip" }))).toBe(
      "CONFLICT",
    );
    expect(await code(moveElectionPhase(w.leadActor, { electionId: e, to: "approved", reason: "skip" }))).toBe(
      "CONFLICT",
    );
  });
});

describe("nominations", () => {
  it("candidates need the contributions the rules ask for; officers cannot stand; no nomination after the window", async () => {
    const { tag, lead, role } = await tagWithLead();
    const { id } = await createElection(
      await actor(lead.id),
      await draftInput(tag.id, role.roleKey, { seatsByRegion: { any: 1 } }),
    );
    const active = await contributor(tag.id, 2);
    const quiet = await contributor(tag.id, 1);
    const statement = "I will keep reviews moving and mentor new reviewers.";
    expect(await code(selfNominate(await actor(active.id), { electionId: id, statement }))).toBe("CONFLICT"); // draft
    await moveElectionPhase(await actor(lead.id), { electionId: id, to: "nominations", reason: "start" });
    expect(await code(selfNominate(await actor(active.id), { electionId: id, statement }))).toBe("ok");
    expect(await code(selfNominate(await actor(active.id), { electionId: id, statement }))).toBe("CONFLICT");
    await expect(selfNominate(await actor(quiet.id), { electionId: id, statement })).rejects.toThrow(
      /need 2 contribution/,
    );
    await expect(selfNominate(await actor(lead.id), { electionId: id, statement })).rejects.toThrow(/Officers/);
    // A granted "stand" exception lets the quiet member stand.
    const x = await requestElectionException(await actor(quiet.id), {
      electionId: id,
      kind: "stand",
      reason: "I ran the TAG's KubeCon booth",
    });
    expect(
      await code(decideElectionException(await actor(quiet.id), { exceptionId: x.id, grant: true, reason: "self" })),
    ).toBe("FORBIDDEN");
    await decideElectionException(await actor(lead.id), {
      exceptionId: x.id,
      grant: true,
      reason: "Booth work counts",
    });
    expect(await code(selfNominate(await actor(quiet.id), { electionId: id, statement }))).toBe("ok");
    // After the nomination window closes.
    await db.election.update({ where: { id }, data: { nominationsCloseAt: new Date((await now()).getTime() - 1000) } });
    const late = await contributor(tag.id, 3);
    await expect(selfNominate(await actor(late.id), { electionId: id, statement })).rejects.toThrow(/closed/);
    expect(await db.nomination.count({ where: { electionId: id } })).toBe(2);
  });

  it("endorsements: eligible voters from distinct employers; unendorsed nominations stop standing when voting opens", async () => {
    const w = await electionWorld({
      voters: 4,
      candidates: 2,
      extra: { endorsementsRequired: 2, endorsementEmployers: 2 },
    });
    await w.open();
    const [a, b] = w.nominationIds;
    const employers = ["Acme", "acme ", "Globex", "Initech"];
    for (const [i, v] of w.voters.entries())
      await db.user.update({ where: { id: v.id }, data: { employer: employers[i] } });
    // Same employer twice: two endorsements, one employer.
    expect(await endorseNomination(await actor(w.voters[0]!.id), { nominationId: a! })).toEqual({
      endorsements: 1,
      met: false,
    });
    expect(await endorseNomination(await actor(w.voters[1]!.id), { nominationId: a! })).toEqual({
      endorsements: 2,
      met: false,
    });
    expect(await endorseNomination(await actor(w.voters[2]!.id), { nominationId: a! })).toEqual({
      endorsements: 3,
      met: true,
    });
    expect(await code(endorseNomination(await actor(w.voters[2]!.id), { nominationId: a! }))).toBe("CONFLICT");
    expect(await code(endorseNomination(await actor(w.candidates[0]!.id), { nominationId: a! }))).toBe("FORBIDDEN");
    expect(await code(endorseNomination(await actor((await createUser()).id), { nominationId: b! }))).toBe("FORBIDDEN");
    await endorseNomination(await actor(w.voters[3]!.id), { nominationId: b! });
    await w.startVoting();
    expect((await db.nomination.findUniqueOrThrow({ where: { id: a! } })).status).toBe("active");
    expect((await db.nomination.findUniqueOrThrow({ where: { id: b! } })).status).toBe("unendorsed");
    await expect(w.cast(0, [[b!]])).rejects.toThrow(/no longer standing/);
  });

  it("withdrawal before voting, by the candidate only", async () => {
    const w = await electionWorld({ candidates: 2 });
    await w.open();
    const [a] = w.nominationIds;
    expect(await code(withdrawNomination(await actor(w.candidates[1]!.id), { nominationId: a! }))).toBe("FORBIDDEN");
    await withdrawNomination(await actor(w.candidates[0]!.id), { nominationId: a! });
    expect(await code(withdrawNomination(await actor(w.candidates[0]!.id), { nominationId: a! }))).toBe("CONFLICT");
    expect((await db.nomination.findUniqueOrThrow({ where: { id: a! } })).status).toBe("withdrawn");
  });
});

describe("voter eligibility, exceptions and statuses", () => {
  it("the roll freezes when voting opens; a granted vote exception adds a person during voting", async () => {
    const w = await electionWorld({ voters: 2, candidates: 2 });
    await w.open();
    const outsider = await createUser();
    const outsiderActor = await actor(outsider.id);
    const [status] = (await myElectionStatuses(outsiderActor)).filter((s) => s.election.id === w.electionId);
    expect(status?.voter).toMatchObject({ notEligible: expect.stringMatching(/contribution/) });
    expect(status?.candidate).toBe("eligible");
    await w.startVoting();
    expect(await code(w.cast(0, [[w.nominationIds[0]!]]))).toBe("ok");
    const late = await contributor(w.tag.id, 5);
    expect(await code(castAs(late.id, w.electionId, w.nominationIds[0]!))).toBe("FORBIDDEN");
    const x = await requestElectionException(outsiderActor, {
      electionId: w.electionId,
      kind: "vote",
      reason: "I review the TAG's papers",
    });
    expect(
      await code(
        decideElectionException(await actor((await tagWithLead()).lead.id), {
          exceptionId: x.id,
          grant: true,
          reason: "other TAG",
        }),
      ),
    ).toBe("FORBIDDEN");
    await decideElectionException(w.leadActor, { exceptionId: x.id, grant: true, reason: "Paper reviews count" });
    expect(
      await code(decideElectionException(w.leadActor, { exceptionId: x.id, grant: false, reason: "changed my mind" })),
    ).toBe("CONFLICT");
    expect(await code(castAs(outsider.id, w.electionId, w.nominationIds[0]!))).toBe("ok");
    const view = await getElection(w.electionId, await actor(w.voters[1]!.id));
    expect(view.turnout).toEqual({ eligible: 4, voted: 2, percent: 50 });
    expect(view.viewer).toMatchObject({ canVote: true, voted: false, voterStatus: "eligible", isOfficer: false });
    expect(view.nominations[0]!.contributions.total).toBeGreaterThanOrEqual(0);
    expect((await getElection(w.electionId, outsiderActor)).viewer).toMatchObject({
      voted: true,
      voterStatus: "voted",
    });
    expect((await getElection(w.electionId, w.leadActor)).exceptions).toHaveLength(1);
    expect((await getElection(w.electionId, null)).exceptions).toBeNull();
  });

  it("drafts are seen by their TAG's leads and officers only", async () => {
    const w = await electionWorld();
    const stranger = await actor((await createUser()).id);
    expect(await code(getElection(w.electionId, stranger))).toBe("NOT_FOUND");
    expect(await code(getElection(w.electionId, null))).toBe("NOT_FOUND");
    expect((await getElection(w.electionId, w.leadActor)).viewer.isOfficer).toBe(true);
    expect((await listElections({ tagSlug: w.tag.slug }, null)).items).toHaveLength(0);
    expect((await listElections({ tagSlug: w.tag.slug }, w.leadActor)).items).toHaveLength(1);
    await w.open();
    expect((await listElections({ tagSlug: w.tag.slug }, null)).items.map((i) => i.id)).toEqual([w.electionId]);
    const other = await createTag();
    expect((await listElections({ tagSlug: other.slug }, w.leadActor)).items).toHaveLength(0);
  });
});

async function castAs(userId: string, electionId: string, nominationId: string) {
  const { castBallot } = await import("./ballots");
  return castBallot(await actor(userId), { electionId, ranking: [[nominationId]] });
}
