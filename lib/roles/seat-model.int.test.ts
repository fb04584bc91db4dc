import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { listNotifications } from "@/lib/notify/queries";
import { createTag as createTagAsAdmin } from "@/lib/tags/mutations";
import { TagSchema } from "@/lib/tags/schemas";
import { everyoneVotes } from "@/tests/decisions";
import { createTag, createUser } from "@/tests/factories";
import { defineRoleIn, standardRole } from "@/tests/fixtures";
import { defineRole, previewRole, retireRole } from "./definitions";
import { appointLeader } from "./leadership";
import { cancelLeave, recordLeave, updateLeave } from "./leaves";
import { listRoster, summarizeRoles } from "./queries";
import { appointToRole, cancelPendingAppointment, changeAssignment, resignSeat } from "./roster";
import { LeaveSchema, RoleDefinitionSchema, UpdateLeaveSchema } from "./schemas";
import { endFinishedTerms } from "./term-ends";
import { addDays, DAY, isoDay } from "@/lib/vocabulary";

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? `${e.code}: ${e.message}` : String(e)),
  );

/** A chair of the TAG whose seat came through the TAG's Chair role (approved by a TOC member). */
async function chairOf(tagId: string) {
  const admin = await loadActor((await createUser({ isAdmin: true })).id);
  const toc = await loadActor((await createUser({ isTocMember: true })).id);
  const chair = await createUser({ region: "Americas" });
  const seat = await appointLeader(admin, { tagId, login: chair.login, kind: "chair" });
  await everyoneVotes(seat.id);
  return { user: chair, actor: (await loadActor(chair.id))!, toc: toc!, seat };
}

const titles = async (userId: string) => (await listNotifications(userId)).items.map((n) => n.title);

const figuresOf = async (tagId: string, roleKey: string) =>
  (await summarizeRoles(tagId, await now())).find((s) => s.def.roleKey === roleKey)!.figures;

/** Tech Lead rules as the scenario sets them: 4 seats, at most 2 per region. */
async function setTechLeadRules(actor: Awaited<ReturnType<typeof loadActor>>, tagId: string) {
  const tl = await standardRole(tagId, "tech_lead");
  return defineRoleIn(actor, tagId, {
    roleKey: tl.roleKey,
    name: "Tech Lead",
    kind: "tech_lead",
    termMonths: "24",
    totalSeats: "4",
    maxAPAC: "2",
    maxEMEA: "2",
    maxAmericas: "2",
  });
}

describe("one seat model", () => {
  it("a TAG an admin creates has its Chair and Tech Lead roles at once, and the form appoints into them", async () => {
    const admin = await loadActor((await createUser({ isAdmin: true })).id);
    const slug = `seats-${Date.now().toString(36)}`;
    const tag = await createTagAsAdmin(admin, TagSchema.parse({ slug, name: "TAG Seats" }));
    const defs = await db.roleDefinition.findMany({ where: { tagId: tag.id }, orderBy: { kind: "asc" } });
    expect(defs.map((d) => [d.name, d.kind, d.termMonths, d.needsTocApproval])).toEqual([
      ["Chair", "chair", 24, true],
      ["Tech Lead", "tech_lead", 24, true],
    ]);
    const { seat } = await chairOf(tag.id);
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).roleDefinitionId).toBe(defs[0]!.id);
    expect(await figuresOf(tag.id, defs[0]!.roleKey)).toMatchObject({ holders: 1, pending: 0, vacancies: null });
  });

  it("pending seats are never held nor subtracted; the region message refuses a full region; approval fills the seat", async () => {
    const tag = await createTag();
    const { actor } = await chairOf(tag.id);
    const tl = await setTechLeadRules(actor, tag.id);
    const [a, b, c, d, e] = [
      await createUser({ region: "APAC" }),
      await createUser({ region: "APAC" }),
      await createUser({ region: "EMEA" }),
      await createUser({ region: "APAC" }),
      await createUser({ region: "Americas" }),
    ];
    for (const p of [a, b, c]) {
      const s = await appointToRole(actor, { roleDefinitionId: tl.id, login: p.login });
      await everyoneVotes(s.id);
    }
    expect(await figuresOf(tag.id, tl.roleKey)).toMatchObject({ holders: 3, pending: 0, vacancies: 1 });
    expect(await outcome(appointToRole(actor, { roleDefinitionId: tl.id, login: d.login }))).toBe(
      "CONFLICT: Region cap full: APAC already has 2 of 2.",
    );
    const pending = await appointToRole(actor, { roleDefinitionId: tl.id, login: e.login });
    expect(pending.status).toBe("pending");
    expect(await figuresOf(tag.id, tl.roleKey)).toMatchObject({ holders: 3, pending: 1, vacancies: 1 });
    // A fifth would break the total once the pending seat is approved: the check says so.
    const f = await createUser({ region: "EMEA" });
    expect(await outcome(appointToRole(actor, { roleDefinitionId: tl.id, login: f.login }))).toBe(
      "CONFLICT: No seats left: all 4 are taken (1 of them awaiting the TOC).",
    );
    await everyoneVotes(pending.id);
    expect(await figuresOf(tag.id, tl.roleKey)).toMatchObject({ holders: 4, pending: 0, vacancies: 0 });
    // Refusals are on record.
    expect(
      await db.auditEvent.findMany({
        where: { tagId: tag.id, outcome: "refused" },
        orderBy: { at: "asc" },
        select: { action: true, reason: true },
      }),
    ).toEqual([
      { action: "roster.appoint", reason: "Region cap full: APAC already has 2 of 2." },
      { action: "roster.appoint", reason: "No seats left: all 4 are taken (1 of them awaiting the TOC)." },
    ]);
  });

  it("approving a pending seat checks the rules again: another approval may have taken the last seat", async () => {
    const tag = await createTag();
    const { actor } = await chairOf(tag.id);
    const tl = await standardRole(tag.id, "tech_lead");
    const [a, b] = [await createUser({ region: "APAC" }), await createUser({ region: "EMEA" })];
    const sa = await appointToRole(actor, { roleDefinitionId: tl.id, login: a.login });
    const sb = await appointToRole(actor, { roleDefinitionId: tl.id, login: b.login });
    // The role shrinks to one seat while both wait (saved with a warning naming the pending seats).
    const v2 = await defineRoleIn(actor, tag.id, {
      roleKey: tl.roleKey,
      name: "Tech Lead",
      kind: "tech_lead",
      totalSeats: "1",
    });
    expect(v2.warnings).toEqual([]);
    await everyoneVotes(sa.id);
    // The TOC may approve both; the seat rules still decide whether the second can take its seat,
    // and the decision says why it could not (it can be applied again once a seat frees).
    expect((await everyoneVotes(sb.id)).outcome).toContain(
      "Approved, but it could not take effect: This appointment cannot take its seat now: No seats left: all 1 are taken.",
    );
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: sb.id } })).status).toBe("pending");
  });

  it("defining a role of a kind that has seats adopts them, after a preview", async () => {
    const tag = await createTag();
    const { actor } = await chairOf(tag.id);
    const [x, y] = [await createUser({ region: "EMEA" }), await createUser({ region: "EMEA" })];
    // Fellows seated outside any role (as before every seat belonged to one).
    for (const p of [x, y])
      await db.roleAssignment.create({
        data: { tagId: tag.id, userId: p.id, kind: "advisory_fellow", status: "active", requestedAt: new Date() },
      });
    const input = RoleDefinitionSchema.parse({
      tagId: tag.id,
      name: "Advisory Fellow",
      kind: "advisory_fellow",
      totalSeats: "3",
      maxEMEA: "1",
    });
    expect(await previewRole(actor, input)).toEqual({
      roleKey: null,
      adopts: [`@${x.login}`, `@${y.login}`],
      warnings: [`Region over its cap: EMEA has 2 of at most 1 (@${x.login}, @${y.login}).`],
    });
    expect(await db.roleDefinition.count({ where: { tagId: tag.id, kind: "advisory_fellow" } })).toBe(0);
    expect(await outcome(defineRole(actor, input))).toBe(
      `CONFLICT: This role would adopt 2 seats (@${x.login}, @${y.login}): preview it, then save.`,
    );
    const def = await defineRole(actor, { ...input, adoptCount: 2 });
    expect(def.adopts).toHaveLength(2);
    expect(await figuresOf(tag.id, def.roleKey)).toMatchObject({ holders: 2, pending: 0, vacancies: 1 });
  });

  it("a retired role takes no new seats; its pending appointments close; held seats stay", async () => {
    const tag = await createTag();
    const { actor } = await chairOf(tag.id);
    const def = await defineRoleIn(actor, tag.id, { name: "Organizer", kind: "custom", needsTocApproval: "on" });
    const [held, waiting, late] = [await createUser(), await createUser(), await createUser()];
    const h = await appointToRole(actor, { roleDefinitionId: def.id, login: held.login });
    await createUser({ isTocMember: true });
    await everyoneVotes(h.id);
    const w = await appointToRole(actor, { roleDefinitionId: def.id, login: waiting.login });
    await retireRole(actor, { tagId: tag.id, roleKey: def.roleKey });
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: w.id } })).status).toBe("rejected");
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: h.id } })).status).toBe("active");
    expect(await outcome(appointToRole(actor, { roleDefinitionId: def.id, login: late.login }))).toBe(
      "CONFLICT: The role's rules changed since you opened the page. Reload and try again.",
    );
    const current = await db.roleDefinition.findFirstOrThrow({ where: { roleKey: def.roleKey, supersededAt: null } });
    expect(await outcome(appointToRole(actor, { roleDefinitionId: current.id, login: late.login }))).toBe(
      "CONFLICT: Organizer is retired: it takes no new seats.",
    );
    expect(await figuresOf(tag.id, def.roleKey)).toMatchObject({ holders: 1, retired: true });
    expect(await outcome(retireRole(actor, { tagId: tag.id, roleKey: def.roleKey }))).toBe(
      "CONFLICT: Organizer is already retired.",
    );
  });
});

describe("nobody appoints themselves", () => {
  it("through the Chair / Tech Lead path or a role, refused and audited", async () => {
    const tag = await createTag();
    const { actor, user } = await chairOf(tag.id);
    const tl = await standardRole(tag.id, "tech_lead");
    expect(await outcome(appointLeader(actor, { tagId: tag.id, login: user.login, kind: "tech_lead" }))).toBe(
      "FORBIDDEN: Nobody appoints themselves.",
    );
    expect(await outcome(appointToRole(actor, { roleDefinitionId: tl.id, login: user.login.toUpperCase() }))).toBe(
      "FORBIDDEN: Nobody appoints themselves.",
    );
    expect(
      await db.auditEvent.count({
        where: { actorId: user.id, outcome: "refused", reason: "Nobody appoints themselves." },
      }),
    ).toBe(2);
    expect(await db.roleAssignment.count({ where: { userId: user.id, roleDefinition: { roleKey: tl.roleKey } } })).toBe(
      0,
    );
  });

  it("a person is found by the one account that holds the login; two accounts with it are never guessed", async () => {
    const tag = await createTag();
    const { actor } = await chairOf(tag.id);
    const tl = await standardRole(tag.id, "tech_lead");
    const login = `renamed-${Date.now().toString(36)}`;
    await createUser({ login });
    await createUser({ login: login.toUpperCase() });
    // GitHub is not reachable from the tests: with two candidates, nothing is appointed.
    expect(await outcome(appointToRole(actor, { roleDefinitionId: tl.id, login }))).toMatch(
      /^CONFLICT: Several accounts here have used the login/,
    );
    expect(await db.roleAssignment.count({ where: { roleDefinitionId: tl.id } })).toBe(0);
  });
});

describe("terms that end", () => {
  it("lead powers end at the term end at once; the sweep ends the seat, tells people, and shows the vacancy", async () => {
    const tag = await createTag();
    const { actor } = await chairOf(tag.id);
    const tl = await setTechLeadRules(actor, tag.id);
    const lead = await createUser({ region: "EMEA" });
    const s = await appointToRole(actor, { roleDefinitionId: tl.id, login: lead.login });
    await everyoneVotes(s.id);
    expect((await loadActor(lead.id))!.leadTagIds).toContain(tag.id);
    const at = await now();
    await db.roleAssignment.update({ where: { id: s.id }, data: { termEndAt: new Date(at.getTime() - 60_000) } });
    // Before any sweep: no lead powers (loadActor honours the term end).
    expect((await loadActor(lead.id))!.leadTagIds).not.toContain(tag.id);
    expect(await figuresOf(tag.id, tl.roleKey)).toMatchObject({ holders: 1 });
    expect(await endFinishedTerms(at)).toBeGreaterThanOrEqual(1);
    expect(await endFinishedTerms(at)).toBe(0);
    expect(await db.roleAssignment.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "ended" });
    expect(await figuresOf(tag.id, tl.roleKey)).toMatchObject({ holders: 0, vacancies: 4 });
    const told = await listNotifications(lead.id);
    expect(told.items.map((n) => n.title)).toContain(
      `Your term as Tech Lead of ${tag.name} ended on ${isoDay(new Date(at.getTime() - 60_000))}`,
    );
    const chairTold = await listNotifications(actor.id);
    expect(chairTold.items.map((n) => n.title)).toContain(
      `@${lead.login}'s term as Tech Lead of ${tag.name} ended: the seat is vacant`,
    );
    expect(await db.auditEvent.count({ where: { subjectId: s.id, action: "roster.term-end" } })).toBe(1);
  });

  it("a role can send ended terms to emeritus; a renewal before the end keeps the seat", async () => {
    const tag = await createTag();
    const { actor } = await chairOf(tag.id);
    const def = await defineRoleIn(actor, tag.id, {
      name: "Fellow",
      kind: "advisory_fellow",
      termMonths: "12",
      emeritusAfterTerm: "on",
    });
    const [p, q] = [await createUser(), await createUser()];
    const sp = await appointToRole(actor, { roleDefinitionId: def.id, login: p.login });
    const sq = await appointToRole(actor, { roleDefinitionId: def.id, login: q.login });
    const at = await now();
    await changeAssignment(actor, { assignmentId: sq.id, change: "renew" });
    await endFinishedTerms(addDays(at, 400));
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: sp.id } })).status).toBe("emeritus");
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: sq.id } })).status).toBe("active");
  });
});

describe("resign, withdraw, leaves", () => {
  it("anyone resigns their own seat (leads and the TOC told); nobody resigns another's", async () => {
    const tag = await createTag();
    const { actor, toc, user: chair } = await chairOf(tag.id);
    const tl = await standardRole(tag.id, "tech_lead");
    const lead = await createUser();
    const s = await appointToRole(actor, { roleDefinitionId: tl.id, login: lead.login });
    await everyoneVotes(s.id);
    expect(await outcome(resignSeat(actor, { assignmentId: s.id, reason: "not mine" }))).toBe(
      "FORBIDDEN: Only its holder resigns a seat.",
    );
    const own = await loadActor(lead.id);
    expect(await outcome(resignSeat(own, { assignmentId: s.id, reason: "new job" }))).toBe("ok");
    expect(await db.roleAssignment.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({
      status: "ended",
      endReason: "Resigned: new job",
    });
    expect((await loadActor(lead.id))!.leadTagIds).not.toContain(tag.id);
    for (const id of [chair.id, toc.id])
      expect((await listNotifications(id)).items.map((n) => n.title)).toContain(
        `@${lead.login} resigned as Tech Lead of ${tag.name}`,
      );
    expect(await outcome(resignSeat(own, { assignmentId: s.id, reason: "again" }))).toBe(
      "CONFLICT: Only a held seat can be resigned.",
    );
  });

  it("a lead withdraws a pending appointment; the nominee is told; a held seat cannot be withdrawn", async () => {
    const tag = await createTag();
    const { actor, seat } = await chairOf(tag.id);
    const tl = await standardRole(tag.id, "tech_lead");
    const nominee = await createUser();
    const s = await appointToRole(actor, { roleDefinitionId: tl.id, login: nominee.login });
    expect(await outcome(cancelPendingAppointment(actor, { assignmentId: s.id, reason: "changed our mind" }))).toBe(
      "ok",
    );
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("rejected");
    expect(await titles(nominee.id)).toContain(`Your appointment as Tech Lead of ${tag.name} was withdrawn`);
    expect(await outcome(cancelPendingAppointment(actor, { assignmentId: seat.id }))).toBe(
      "CONFLICT: Only an appointment awaiting the TOC can be cancelled.",
    );
  });

  it("a leave is edited and cancelled; the cover is told; cover powers follow the role's setting", async () => {
    const tag = await createTag();
    const { actor } = await chairOf(tag.id);
    const tl = await standardRole(tag.id, "tech_lead");
    const [lead, cover, other] = [await createUser(), await createUser(), await createUser()];
    const s = await appointToRole(actor, { roleDefinitionId: tl.id, login: lead.login });
    await everyoneVotes(s.id);
    const today = isoDay(await now());
    const in40 = isoDay(new Date((await now()).getTime() + 40 * DAY));
    const own = await loadActor(lead.id);
    const leave = await recordLeave(
      own,
      LeaveSchema.parse({ assignmentId: s.id, from: today, to: in40, coverLogin: cover.login }),
    );
    expect(await titles(cover.id)).toContain(
      `You cover @${lead.login} (Tech Lead, ${tag.name}) from ${today} to ${in40}`,
    );
    // The Tech Lead role does not give cover the seat's powers until it says so.
    expect((await loadActor(cover.id))!.leadTagIds).not.toContain(tag.id);
    await defineRoleIn(actor, tag.id, {
      roleKey: tl.roleKey,
      name: "Tech Lead",
      kind: "tech_lead",
      termMonths: "24",
      coverHasPowers: "on",
    });
    expect((await loadActor(cover.id))!.leadTagIds).toContain(tag.id);
    expect((await listRoster(tag.id, await now())).find((r) => r.id === s.id)?.state).toBe("on-leave");
    // Another leave overlapping an edited one is refused; the edit moves the cover.
    const later = await recordLeave(
      own,
      LeaveSchema.parse({ assignmentId: s.id, from: "2099-01-01", to: "2099-01-05" }),
    );
    expect(
      await outcome(
        updateLeave(
          own,
          UpdateLeaveSchema.parse({ leaveId: later.id, from: today, to: "2099-01-05", coverLogin: other.login }),
        ),
      ),
    ).toMatch(/^CONFLICT: This leave overlaps the leave from/);
    await updateLeave(
      own,
      UpdateLeaveSchema.parse({ leaveId: leave.id, from: today, to: in40, coverLogin: other.login }),
    );
    expect(await titles(cover.id)).toContain(`You no longer cover @${lead.login} (Tech Lead, ${tag.name})`);
    expect((await loadActor(cover.id))!.leadTagIds).not.toContain(tag.id);
    expect((await loadActor(other.id))!.leadTagIds).toContain(tag.id);
    // Someone else may not cancel it; the holder may.
    expect(await outcome(cancelLeave(await loadActor(cover.id), { leaveId: leave.id }))).toMatch(/^FORBIDDEN/);
    await cancelLeave(own, { leaveId: leave.id });
    expect((await listRoster(tag.id, await now())).find((r) => r.id === s.id)?.state).toBe("active");
    expect((await loadActor(other.id))!.leadTagIds).not.toContain(tag.id);
    // A leave that no longer exists: nothing to act on, refused without naming whose it was.
    expect(await outcome(cancelLeave(own, { leaveId: leave.id }))).toMatch(/^FORBIDDEN/);
  });
});
