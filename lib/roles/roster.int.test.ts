import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { countUnread } from "@/lib/notify/queries";
import { createTag, createUser, insertRecord } from "@/tests/factories";
import { defineRole, retireRole } from "./definitions";
import { recordLeave } from "./leaves";
import { listLeadershipTimeline, listRoster, listRosterForExport, summarizeRoles } from "./queries";
import { openRemovalProposal } from "./removals";
import { appointToRole, changeAssignment, moveToAdvisoryFellow } from "./roster";
import { RoleDefinitionSchema, LeaveSchema } from "./schemas";
import { remindTermsEnding } from "./term-reminders";
import { DAY } from "@/lib/vocabulary";
import { closeDueDecisions } from "@/lib/decision-outcomes/closing";
import { castVote } from "@/lib/decision-outcomes/votes";
import { everyoneVotes, freshToc } from "@/tests/decisions";
import { code, createSeat, defineRoleIn, standardRole, tagWithLead } from "@/tests/fixtures";
const message = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );

async function leadOf(tagId: string) {
  const lead = await createUser();
  await createSeat(tagId, lead.id, "chair");
  return { user: lead, actor: (await loadActor(lead.id))! };
}

/** A new TAG, its chair as actor, and a role `d` the chair defines there (`fields` as the form sends them). */
async function roleInNewTag(fields: Record<string, string>) {
  const { tag, leadActor: actor } = await tagWithLead();
  return { tag, actor, d: await defineRoleIn(actor, tag.id, fields) };
}

async function person(region: "APAC" | "EMEA" | "Americas", employer: string | null = null) {
  const u = await createUser({ region });
  if (employer !== null) await db.user.update({ where: { id: u.id }, data: { employer } });
  return u;
}

/** A TOC of three, and a new TAG's chair appointing a new person to its standard `kind` role: pending. */
async function appointedBeforeToc(kind: "chair" | "tech_lead") {
  const { tag, leadActor: actor } = await tagWithLead();
  await freshToc(3);
  const d = await standardRole(tag.id, kind);
  const p = await person("EMEA");
  return { tag, actor, p, seat: await appointToRole(actor, { roleDefinitionId: d.id, login: p.login }) };
}

const summaryOf = async (tagId: string, roleKey: string) =>
  (await summarizeRoles(tagId, await now())).find((s) => s.def.roleKey === roleKey);

const ambassadorRole = (tagId: string, over: Record<string, unknown> = {}) =>
  RoleDefinitionSchema.parse({
    tagId,
    name: "TAG Ambassador - project liaison",
    kind: "tag_ambassador",
    ambassadorKind: "project_liaison",
    totalSeats: "2",
    maxEMEA: "1",
    termMonths: "12",
    ...over,
  });

describe("role definitions", () => {
  it("a lead defines a role; editing writes a new version and supersedes the old", async () => {
    const { tag, leadActor: actor } = await tagWithLead();
    const v1 = await defineRole(actor, ambassadorRole(tag.id));
    expect(v1.version).toBe(1);
    expect(v1.warnings).toEqual([]);
    const v2 = await defineRole(actor, ambassadorRole(tag.id, { roleKey: v1.roleKey, totalSeats: "3" }));
    expect(v2).toMatchObject({ roleKey: v1.roleKey, version: 2 });
    const versions = await db.roleDefinition.findMany({ where: { roleKey: v1.roleKey }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.totalSeats, v.supersededAt !== null])).toEqual([
      [1, 2, true],
      [2, 3, false],
    ]);
    expect(
      await db.auditEvent.count({ where: { action: "role.define", subjectId: { in: versions.map((v) => v.id) } } }),
    ).toBe(2);
  });

  it("a role states its deliverables per term; a new version may change them and the old one keeps its own", async () => {
    const { tag, leadActor: actor } = await tagWithLead();
    const v1 = await defineRole(actor, ambassadorRole(tag.id, { deliverables: "  One talk per term.  " }));
    const v2 = await defineRole(
      actor,
      ambassadorRole(tag.id, { roleKey: v1.roleKey, deliverables: "Two talks and a blog post per term." }),
    );
    const versions = await db.roleDefinition.findMany({ where: { roleKey: v1.roleKey }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.deliverables])).toEqual([
      [1, "One talk per term."],
      [2, "Two talks and a blog post per term."],
    ]);
    expect(v2.version).toBe(2);
    const tooLong = RoleDefinitionSchema.safeParse({
      tagId: tag.id,
      name: "TAG Ambassador",
      kind: "tag_ambassador",
      ambassadorKind: "project_liaison",
      deliverables: "x".repeat(10_001),
    });
    expect(tooLong.error?.issues.map((i) => i.path[0])).toEqual(["deliverables"]);
  });

  it("every TAG has its Chair and Tech Lead roles, which always need TOC approval and are never doubled", async () => {
    const { tag, leadActor: actor } = await tagWithLead();
    const tl = await standardRole(tag.id, "tech_lead");
    expect((await standardRole(tag.id, "chair")).needsTocApproval).toBe(true);
    const d = await defineRoleIn(actor, tag.id, {
      roleKey: tl.roleKey,
      name: "Tech Lead",
      kind: "tech_lead",
      needsTocApproval: "false",
    });
    expect((await db.roleDefinition.findUniqueOrThrow({ where: { id: d.id } })).needsTocApproval).toBe(true);
    expect(await message(defineRoleIn(actor, tag.id, { name: "Second Tech Lead", kind: "tech_lead" }))).toBe(
      "This TAG already has its Tech Lead role: edit it instead.",
    );
    expect(await message(retireRole(actor, { tagId: tag.id, roleKey: tl.roleKey }))).toMatch(
      /keeps its Tech Lead role/,
    );
  });

  it("refuses a cap of zero or below", () => {
    for (const f of ["totalSeats", "maxEMEA", "maxPerEmployer"]) {
      const r = RoleDefinitionSchema.safeParse({
        tagId: crypto.randomUUID(),
        name: "X role",
        kind: "custom",
        [f]: "0",
      });
      expect(r.success).toBe(false);
    }
  });

  it("saves a rule the roster already breaks, with a warning naming who", async () => {
    const { tag, leadActor: actor } = await tagWithLead();
    const d = await defineRole(actor, ambassadorRole(tag.id, { maxEMEA: "2" }));
    const [a, b] = [await person("EMEA"), await person("EMEA")];
    await appointToRole(actor, { roleDefinitionId: d.id, login: a.login });
    await appointToRole(actor, { roleDefinitionId: d.id, login: b.login });
    const v2 = await defineRole(actor, ambassadorRole(tag.id, { roleKey: d.roleKey, maxEMEA: "1" }));
    expect(v2.warnings).toEqual([`Region over its cap: EMEA has 2 of at most 1 (@${a.login}, @${b.login}).`]);
  });

  it("a lead of another TAG cannot define or edit this TAG's roles", async () => {
    const [tagA, tagB] = [await createTag(), await createTag()];
    const { actor: leadA } = await leadOf(tagA.id);
    const { actor: leadB } = await leadOf(tagB.id);
    expect(await code(defineRole(leadB, ambassadorRole(tagA.id)))).toBe("FORBIDDEN");
    const d = await defineRole(leadA, ambassadorRole(tagA.id));
    // A forged roleKey from TAG A submitted under TAG B matches nothing.
    expect(await code(defineRole(leadB, ambassadorRole(tagB.id, { roleKey: d.roleKey })))).toBe("NOT_FOUND");
    expect(await db.roleDefinition.count({ where: { roleKey: d.roleKey } })).toBe(1);
  });
});

describe("appointments and seat rules", () => {
  it("enforces the region cap and total seats with clear messages; shows vacancies and minimums", async () => {
    const { tag, leadActor: actor } = await tagWithLead();
    const d = await defineRole(actor, ambassadorRole(tag.id, { minAPAC: "1" }));
    const [e1, e2, am, ap] = [
      await person("EMEA"),
      await person("EMEA"),
      await person("Americas"),
      await person("APAC"),
    ];
    expect(
      await appointToRole(actor, {
        roleDefinitionId: d.id,
        login: e1.login,
        decisionLink: "https://example.test/notes",
      }),
    ).toMatchObject({ status: "active" });
    expect(await message(appointToRole(actor, { roleDefinitionId: d.id, login: e2.login }))).toBe(
      "Region cap full: EMEA already has 1 of 1.",
    );
    let summary = await summaryOf(tag.id, d.roleKey);
    expect(summary).toMatchObject({
      figures: { holders: 1, pending: 0, vacancies: 1 },
      warnings: ["Regional minimum unmet: APAC has 0 of at least 1."],
    });
    // The last seat is kept for the region still under its minimum.
    expect(await message(appointToRole(actor, { roleDefinitionId: d.id, login: am.login }))).toBe(
      "Regional minimum: APAC needs at least 1, and only 0 seats would be left.",
    );
    await appointToRole(actor, { roleDefinitionId: d.id, login: ap.login });
    expect(await message(appointToRole(actor, { roleDefinitionId: d.id, login: am.login }))).toBe(
      "No seats left: all 2 are taken.",
    );
    summary = await summaryOf(tag.id, d.roleKey);
    expect(summary?.figures.vacancies).toBe(0);
    expect(await countUnread(e1.id)).toBe(1);
  });

  it("enforces the employer cap, trimmed and case-insensitively", async () => {
    const { actor, d } = await roleInNewTag({ name: "Subproject lead", kind: "subproject_lead", maxPerEmployer: "1" });
    const [a, b, c] = [
      await person("EMEA", "Acme"),
      await person("APAC", " acme "),
      await person("APAC", "Independent"),
    ];
    await appointToRole(actor, { roleDefinitionId: d.id, login: a.login });
    expect(await message(appointToRole(actor, { roleDefinitionId: d.id, login: b.login }))).toMatch(
      /^Employer cap reached/,
    );
    expect(await code(appointToRole(actor, { roleDefinitionId: d.id, login: c.login }))).toBe("ok");
  });

  it("two leads appointing to the last seat at once: exactly one succeeds", async () => {
    const tag = await createTag();
    const leads = await Promise.all(Array.from({ length: 5 }, () => leadOf(tag.id)));
    const d = await defineRoleIn(leads[0]!.actor, tag.id, {
      name: "Community organizer",
      kind: "tag_ambassador",
      ambassadorKind: "community_organizer",
      totalSeats: "1",
    });
    const candidates = await Promise.all(leads.map((_, i) => person(i % 2 ? "APAC" : "EMEA")));
    const results = await Promise.all(
      leads.map((l, i) => code(appointToRole(l.actor, { roleDefinitionId: d.id, login: candidates[i]!.login }))),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "CONFLICT")).toHaveLength(4);
    expect(await db.roleAssignment.count({ where: { roleDefinitionId: d.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "roster.appoint", tagId: tag.id, outcome: "ok" } })).toBe(1);
    // Each refused attempt stays on record.
    expect(await db.auditEvent.count({ where: { action: "roster.appoint", tagId: tag.id, outcome: "refused" } })).toBe(
      4,
    );
  });

  it("eligibility: at least N records in the last M months", async () => {
    const { tag, actor, d } = await roleInNewTag({
      name: "Tech Lead",
      kind: "custom",
      eligibilityMinRecords: "1",
      eligibilityWindowMonths: "6",
    });
    const p = await person("EMEA");
    expect(await message(appointToRole(actor, { roleDefinitionId: d.id, login: p.login }))).toMatch(
      /not eligible: 0 of at least 1/,
    );
    await insertRecord(p.id, tag.id, "pr", new Date((await now()).getTime() - DAY), {
      link: "https://example.test/pr/1",
    });
    expect(await code(appointToRole(actor, { roleDefinitionId: d.id, login: p.login }))).toBe("ok");
  });

  it("a tech-lead role stays pending until the TOC approves it by vote", async () => {
    const { tag, p, seat } = await appointedBeforeToc("tech_lead");
    expect(seat.status).toBe("pending");
    expect((await loadActor(p.id))!.leadTagIds).not.toContain(tag.id);
    expect((await everyoneVotes(seat.id)).status).toBe("approved");
    expect((await loadActor(p.id))!.leadTagIds).toContain(tag.id);
  });

  it("self-guards: nobody appoints, renews or removes themselves", async () => {
    const tag = await createTag();
    const { actor, user } = await leadOf(tag.id);
    const other = await leadOf(tag.id);
    const d = await defineRole(actor, ambassadorRole(tag.id));
    expect(await code(appointToRole(actor, { roleDefinitionId: d.id, login: user.login }))).toBe("FORBIDDEN");
    const seat = await appointToRole(other.actor, { roleDefinitionId: d.id, login: user.login });
    for (const change of ["renew", "end", "emeritus"] as const) {
      expect(await code(changeAssignment(actor, { assignmentId: seat.id, change }))).toBe("FORBIDDEN");
    }
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status).toBe("active");
    expect(await db.auditEvent.count({ where: { actorId: user.id, outcome: "refused" } })).toBe(4);
  });

  it("a lead of another TAG cannot appoint into, renew or end this TAG's seats", async () => {
    const [tagA, tagB] = [await createTag(), await createTag()];
    const { actor: leadA } = await leadOf(tagA.id);
    const { actor: leadB } = await leadOf(tagB.id);
    const d = await defineRole(leadA, ambassadorRole(tagA.id));
    const p = await person("APAC");
    expect(await code(appointToRole(leadB, { roleDefinitionId: d.id, login: p.login }))).toBe("FORBIDDEN");
    const seat = await appointToRole(leadA, { roleDefinitionId: d.id, login: p.login });
    expect(await code(changeAssignment(leadB, { assignmentId: seat.id, change: "end" }))).toBe("FORBIDDEN");
    expect(
      await code(
        recordLeave(leadB, LeaveSchema.parse({ assignmentId: seat.id, from: "2030-01-01", to: "2030-01-05" })),
      ),
    ).toBe("FORBIDDEN");
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status).toBe("active");
  });

  it("renew extends the term by the role's term; end and emeritus close the seat and free it", async () => {
    const { tag, leadActor: actor } = await tagWithLead();
    const d = await defineRole(actor, ambassadorRole(tag.id, { totalSeats: "1" }));
    const fellow = await defineRoleIn(actor, tag.id, { name: "Advisory Fellow", kind: "advisory_fellow" });
    const [a, b, c] = [await person("EMEA"), await person("APAC"), await person("Americas")];
    const seat = await appointToRole(actor, { roleDefinitionId: d.id, login: a.login });
    const before = (await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).termEndAt!;
    await changeAssignment(actor, { assignmentId: seat.id, change: "renew" });
    const after = (await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).termEndAt!;
    expect(Math.round((after.getTime() - before.getTime()) / DAY)).toBeGreaterThanOrEqual(365);
    await changeAssignment(actor, { assignmentId: seat.id, change: "emeritus" });
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status).toBe("emeritus");
    const seat2 = await appointToRole(actor, { roleDefinitionId: d.id, login: b.login });
    await changeAssignment(actor, { assignmentId: seat2.id, change: "end", reason: "stepped back" });
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat2.id } })).status).toBe("ended");
    const seat3 = await appointToRole(actor, { roleDefinitionId: d.id, login: c.login });
    const moved = await moveToAdvisoryFellow(actor, { assignmentId: seat3.id, roleDefinitionId: fellow.id });
    expect(moved).toMatchObject({ status: "active", oldSeat: "ended" });
    const actions = (await listLeadershipTimeline(tag.id)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["roster.appoint", "roster.renew", "roster.emeritus", "roster.end", "role.define"]),
    );
  });

  it("ending a chair seat is an end request the TOC decides; emeritus on approval", async () => {
    const { actor, seat } = await appointedBeforeToc("chair");
    await everyoneVotes(seat.id);
    expect(await changeAssignment(actor, { assignmentId: seat.id, change: "emeritus" })).toMatchObject({
      outcome: "pending",
    });
    await everyoneVotes(seat.id);
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status).toBe("emeritus");
  });
});

describe("leaves", () => {
  it("the person or a lead records a leave; overlaps refused; the roster shows on leave today", async () => {
    const { tag, leadActor: actor } = await tagWithLead();
    const d = await defineRole(actor, ambassadorRole(tag.id));
    const p = await person("EMEA");
    const seat = await appointToRole(actor, { roleDefinitionId: d.id, login: p.login });
    const today = (await now()).toISOString().slice(0, 10);
    const inTen = new Date((await now()).getTime() + 10 * DAY).toISOString().slice(0, 10);
    const own = await loadActor(p.id);
    expect(
      await code(
        recordLeave(
          own,
          LeaveSchema.parse({ assignmentId: seat.id, from: today, to: inTen, note: "conference season" }),
        ),
      ),
    ).toBe("ok");
    expect(
      await message(recordLeave(actor, LeaveSchema.parse({ assignmentId: seat.id, from: inTen, to: inTen }))),
    ).toMatch(/overlaps the leave from/);
    const row = (await listRoster(tag.id, await now())).find((r) => r.id === seat.id)!;
    expect(row.onLeave).toBe(true);
    expect(
      (await listRoster(tag.id, new Date((await now()).getTime() + 12 * DAY))).find((r) => r.id === seat.id)!.onLeave,
    ).toBe(false);
    expect((await listRosterForExport(tag.id, await now())).find((r) => r.login === p.login)?.status).toBe("on-leave");
    // A lead records a later leave for someone else; another member may not.
    const stranger = await loadActor((await createUser()).id);
    const later = { assignmentId: seat.id, from: "2099-01-01", to: "2099-01-10" };
    expect(await code(recordLeave(stranger, LeaveSchema.parse(later)))).toBe("FORBIDDEN");
    expect(await code(recordLeave(actor, LeaveSchema.parse(later)))).toBe("ok");
    expect(LeaveSchema.safeParse({ assignmentId: seat.id, from: "2030-02-01", to: "2030-01-01" }).success).toBe(false);
    expect(
      await code(
        recordLeave(actor, LeaveSchema.parse({ assignmentId: seat.id, from: "2098-01-01", to: "2098-03-01" })),
      ),
    ).toBe("INVALID");
  });
});

describe("removal votes", () => {
  async function setup() {
    const { tag, actor, d } = await roleInNewTag({ name: "Tech Lead", kind: "custom" });
    const p = await person("EMEA");
    const seat = await appointToRole(actor, { roleDefinitionId: d.id, login: p.login });
    // Five TOC members: the quorum (more than half) is 3, two thirds of 3 votes cast is 2.
    const tocs = await freshToc(5);
    return { tag, seat, tocs, lead: actor, p };
  }
  const vote = (a: Parameters<typeof castVote>[0], decisionId: string, choice: "yes" | "no" | "abstain") =>
    castVote(a, { decisionId, choice });
  const seatStatus = async (id: string) => (await db.roleAssignment.findUniqueOrThrow({ where: { id } })).status;
  const afterPeriod = async () => closeDueDecisions(new Date((await now()).getTime() + 8 * DAY));

  it("passes at the end of the period with two thirds of the votes cast and the quorum, and ends the seat", async () => {
    const { seat, tocs, lead } = await setup();
    expect(await code(openRemovalProposal(lead, { assignmentId: seat.id, reason: "inactive" }))).toBe("FORBIDDEN");
    const proposal = await openRemovalProposal(tocs[0]!, {
      assignmentId: seat.id,
      reason: "No activity in six months",
    });
    expect(await code(openRemovalProposal(tocs[1]!, { assignmentId: seat.id, reason: "again" }))).toBe("CONFLICT");
    await vote(tocs[0]!, proposal.id, "yes");
    expect(await code(vote(tocs[0]!, proposal.id, "no"))).toBe("CONFLICT");
    await vote(tocs[1]!, proposal.id, "yes");
    expect(await vote(tocs[2]!, proposal.id, "no")).toMatchObject({ state: "open" });
    // Nobody can close it early: it stays open until the period ends or the outcome is certain.
    expect(await seatStatus(seat.id)).toBe("active");
    expect(await afterPeriod()).toBe(1);
    expect(await seatStatus(seat.id)).toBe("ended");
    const decision = await db.decision.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(decision).toMatchObject({ kind: "removal", status: "approved" });
    expect(await db.decisionVote.count({ where: { decisionId: proposal.id } })).toBe(3);
    expect(await code(vote(tocs[3]!, proposal.id, "yes"))).toBe("CONFLICT");
    // Every vote is audited, and so is every refused one (the second vote, the vote after the close).
    const audited = await db.auditEvent.groupBy({
      by: ["outcome"],
      where: { subjectId: proposal.id, action: "decision.vote" },
      _count: { _all: true },
    });
    expect(Object.fromEntries(audited.map((a) => [a.outcome, a._count._all]))).toEqual({ ok: 3, refused: 2 });
  });

  it("three yes votes are not enough without the quorum; below two thirds fails; the seat stays", async () => {
    const { seat } = await setup();
    const many = await freshToc(11);
    const p1 = await openRemovalProposal(many[0]!, { assignmentId: seat.id, reason: "inactive" });
    for (const t of many.slice(0, 3)) await vote(t, p1.id, "yes");
    await afterPeriod();
    expect(await db.decision.findUniqueOrThrow({ where: { id: p1.id } })).toMatchObject({ status: "rejected" });
    expect((await db.decision.findUniqueOrThrow({ where: { id: p1.id } })).outcome).toMatch(/no quorum/);
    const five = await freshToc(5);
    const p2 = await openRemovalProposal(five[0]!, { assignmentId: seat.id, reason: "still inactive" });
    await vote(five[0]!, p2.id, "yes");
    expect(await vote(five[1]!, p2.id, "no")).toMatchObject({ state: "open" });
    // One yes of three cast, two members left: even two more yes votes give 3 of 5, under two thirds.
    expect(await vote(five[2]!, p2.id, "no")).toMatchObject({ state: "rejected" });
    expect(await seatStatus(seat.id)).toBe("active");
  });

  it("the person whose seat it is cannot vote on it, even as a TOC member", async () => {
    const { seat, tocs, p } = await setup();
    await db.user.update({ where: { id: p.id }, data: { isTocMember: true } });
    const proposal = await openRemovalProposal(tocs[0]!, { assignmentId: seat.id, reason: "inactive" });
    expect(await message(vote((await loadActor(p.id))!, proposal.id, "no"))).toMatch(/about you: you are recused/);
  });

  it("refuses to remove an active person", async () => {
    const { seat, tocs, tag, p } = await setup();
    const at = await now();
    await db.contributionRecord.createMany({
      data: [1, 2, 3].map((i) => ({
        userId: p.id,
        tagId: tag.id,
        kind: "pr" as const,
        source: "github" as const,
        occurredAt: new Date(at.getTime() - i * DAY),
        link: `https://example.test/pr/${i}`,
      })),
    });
    expect(await message(openRemovalProposal(tocs[0]!, { assignmentId: seat.id, reason: "inactive" }))).toMatch(
      /is active/,
    );
  });
});

describe("term reminders", () => {
  it("notifies the holder and the leads 60 and 14 days before, once each", async () => {
    const tag = await createTag();
    const { actor, user: lead } = await leadOf(tag.id);
    const d = await defineRole(actor, ambassadorRole(tag.id, { termMonths: "3" }));
    const p = await person("EMEA");
    await appointToRole(actor, { roleDefinitionId: d.id, login: p.login });
    const unread = async () => [await countUnread(p.id), await countUnread(lead.id)];
    const start = await unread();
    const t = await now();
    await remindTermsEnding(new Date(t.getTime() + 20 * DAY));
    expect(await unread()).toEqual(start);
    await remindTermsEnding(new Date(t.getTime() + 40 * DAY));
    await remindTermsEnding(new Date(t.getTime() + 41 * DAY));
    expect(await unread()).toEqual([start[0]! + 1, start[1]! + 1]);
    await remindTermsEnding(new Date(t.getTime() + 80 * DAY));
    await remindTermsEnding(new Date(t.getTime() + 81 * DAY));
    expect(await unread()).toEqual([start[0]! + 2, start[1]! + 2]);
  });
});
