import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { advanceClock, now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { closeDueDecisions } from "@/lib/decision-outcomes/closing";
import { sweeps } from "@/lib/worker/sweeps";
import { DAY } from "@/lib/vocabulary";
import { everyoneVotes, freshToc, openDecisionAbout } from "@/tests/decisions";
import { createTag, createUser } from "@/tests/factories";
import { code, createSeat, standardRole } from "@/tests/fixtures";
import { contributor } from "@/tests/election-world";
import { closeConsensusWindows, consensusWindowOf, objectToAppointment, OBJECTION_WINDOW_DAYS } from "./consensus";
import { appointToRole } from "./roster";
import { defineRole } from "./definitions";
import { ObjectToAppointmentSchema, RoleDefinitionSchema } from "./schemas";

const notes = "https://docs.example.test/tag-meeting-notes";
const reason = "They have not reviewed anything in this TAG yet.";

/** A consensus TAG with a chair; the TOC has three members so its decisions can close. */
async function consensusTag() {
  const tag = await createTag();
  await db.tag.update({ where: { id: tag.id }, data: { leadershipModel: "consensus", activityMinRecords: 2 } });
  const lead = await createUser();
  await createSeat(tag.id, lead.id, "chair");
  await freshToc(3);
  return { tag, lead: (await loadActor(lead.id))! };
}

/** A person with `n` counted GitHub records in the TAG over the last weeks, as an actor. */
const personWith = async (tagId: string, n: number) => (await loadActor((await contributor(tagId, n)).id))!;

const ambassadorRole = (tagId: string) =>
  RoleDefinitionSchema.parse({
    tagId,
    name: "TAG Ambassador",
    kind: "tag_ambassador",
    ambassadorKind: "project_liaison",
    totalSeats: "3",
    termMonths: "12",
  });

/** A consensus TAG's lead appoints someone new as TAG Ambassador (a role that needs no TOC vote). */
async function ambassadorByConsensus() {
  const { tag, lead } = await consensusTag();
  const role = await defineRole(lead, ambassadorRole(tag.id));
  const nominee = await createUser();
  const seat = await appointToRole(lead, { roleDefinitionId: role.id, login: nominee.login, decisionLink: notes });
  return { tag, lead, seat };
}

const messageOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.message : String(e)),
  );

describe("consensus appointments", () => {
  it("records the notes and opens a 7-day window with no TOC vote yet; notes are required", async () => {
    const { tag, lead } = await consensusTag();
    const chair = await standardRole(tag.id, "chair");
    const nominee = await createUser();
    expect(await code(appointToRole(lead, { roleDefinitionId: chair.id, login: nominee.login }))).toBe("INVALID");
    expect(await db.roleAssignment.count({ where: { userId: nominee.id } })).toBe(0);
    const at = await now();
    const seat = await appointToRole(lead, { roleDefinitionId: chair.id, login: nominee.login, decisionLink: notes });
    expect(seat.status).toBe("pending");
    const w = await db.consensusWindow.findUniqueOrThrow({ where: { assignmentId: seat.id } });
    expect(w.notesUrl).toBe(notes);
    expect(Math.round((w.closesAt.getTime() - at.getTime()) / DAY)).toBe(OBJECTION_WINDOW_DAYS);
    // The appointment form says until when objections are taken.
    expect(seat.objectionsUntil).toEqual(w.closesAt);
    expect(await db.decision.count({ where: { subjectId: seat.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { subjectId: seat.id, action: "consensus.open" } })).toBe(1);
  });

  it("an objection from someone active escalates to a TOC decision at once; the TOC's vote settles the seat", async () => {
    const { tag, seat, lead } = await ambassadorByConsensus();
    const objector = await personWith(tag.id, 2);
    const view = await consensusWindowOf(seat.id, objector.id, await now());
    expect(view).toMatchObject({ open: true, mayObject: true, objections: 0, daysLeft: OBJECTION_WINDOW_DAYS });
    const r = await objectToAppointment(objector, ObjectToAppointmentSchema.parse({ assignmentId: seat.id, reason }));
    expect(r.escalated).toBe(true);
    // The chair and the person proposed hear of it; the person was told of the window, not of a TOC vote.
    const nominee = (await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).userId;
    const kinds = async (userId: string) =>
      (await db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map((n) => [
        n.kind,
        n.title,
      ]);
    expect(await kinds(nominee)).toEqual([
      ["roster.appoint-pending", expect.stringMatching(/people active in the TAG may object until .+$/)],
      ["roster.consensus-objection", expect.stringContaining("sent the appointment")],
    ]);
    expect((await kinds(lead.id)).filter(([k]) => k === "leadership.consensus-objection")).toHaveLength(1);
    const d = await openDecisionAbout(seat.id);
    expect(d.body).toContain(reason);
    expect(d.link).toBe(notes);
    expect(await code(objectToAppointment(objector, { assignmentId: seat.id, reason }))).toBe("CONFLICT");
    // A second active person may still object; it is recorded beside the open decision.
    const second = await personWith(tag.id, 3);
    expect((await objectToAppointment(second, { assignmentId: seat.id, reason })).escalated).toBe(false);
    expect(await db.decision.count({ where: { subjectId: seat.id } })).toBe(1);
    const closed = await everyoneVotes(seat.id, "no");
    expect(closed.status).not.toBe("open");
    await closeDueDecisions(await now());
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status).toBe("rejected");
    // The window's end moves nothing more: the TOC decided.
    await advanceClock((OBJECTION_WINDOW_DAYS + 1) * DAY);
    await closeConsensusWindows(await now());
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status).toBe("rejected");
    expect(await db.decision.count({ where: { subjectId: seat.id } })).toBe(1);
  });

  it("refuses an objection from someone not active, or after the window, with a clear message and nothing written", async () => {
    const { tag, seat } = await ambassadorByConsensus();
    const quiet = await personWith(tag.id, 1);
    expect(await messageOf(objectToAppointment(quiet, { assignmentId: seat.id, reason }))).toBe(
      `Only people active in ${tag.name} may object: its rule asks for 2 contributions in the last 6 months, and you have 1.`,
    );
    expect(await consensusWindowOf(seat.id, quiet.id, await now())).toMatchObject({ open: true, mayObject: false });
    const active = await personWith(tag.id, 2);
    await advanceClock((OBJECTION_WINDOW_DAYS + 1) * DAY);
    expect(await messageOf(objectToAppointment(active, { assignmentId: seat.id, reason }))).toMatch(
      /^The objection window closed on .+: objections are no longer taken\.$/,
    );
    expect(await db.consensusObjection.count({ where: { window: { assignmentId: seat.id } } })).toBe(0);
    expect(await db.decision.count({ where: { subjectId: seat.id } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { subjectId: seat.id, action: "consensus.object", outcome: "refused" } }),
    ).toBe(2);
  });

  it("without objection, the sweep holds a role that needs no TOC at once", async () => {
    const { seat } = await ambassadorByConsensus();
    const statusOf = async () => (await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status;
    // Inside the window the sweep leaves it.
    await closeConsensusWindows(new Date((await now()).getTime() + (OBJECTION_WINDOW_DAYS - 1) * DAY));
    expect(await statusOf()).toBe("pending");
    await advanceClock((OBJECTION_WINDOW_DAYS + 1) * DAY);
    const sweep = sweeps.find((s) => s.name === "sweep-consensus-windows")!;
    expect(await sweep.run(await now())).toBeGreaterThanOrEqual(1);
    expect(await statusOf()).toBe("active");
    expect(await db.decision.count({ where: { subjectId: seat.id } })).toBe(0);
    // Running twice does nothing new.
    await sweep.run(await now());
    expect(await db.auditEvent.count({ where: { subjectId: seat.id, action: "consensus.proceed" } })).toBe(1);
  });

  it("a seat that would break a cap when its window ends waits, and the leads are told once why", async () => {
    const { tag, lead } = await consensusTag();
    const role = await defineRole(lead, { ...ambassadorRole(tag.id), totalSeats: 1 });
    const nominee = await createUser();
    const seat = await appointToRole(lead, { roleDefinitionId: role.id, login: nominee.login, decisionLink: notes });
    // Meanwhile the one seat was filled (an import, or a seat given before the role had a cap).
    const other = await createUser();
    await createSeat(tag.id, other.id, "tag_ambassador", { roleDefinitionId: role.id });
    await advanceClock((OBJECTION_WINDOW_DAYS + 1) * DAY);
    expect(await closeConsensusWindows(await now())).toBe(0);
    expect(await closeConsensusWindows(await now())).toBe(0);
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status).toBe("pending");
    expect((await db.consensusWindow.findUniqueOrThrow({ where: { assignmentId: seat.id } })).outcome).toBeNull();
    expect(await db.auditEvent.count({ where: { subjectId: seat.id, action: "consensus.blocked" } })).toBe(1);
    const told = await db.notification.findMany({ where: { userId: lead.id, kind: "leadership.consensus-blocked" } });
    expect(told.map((n) => n.title)).toEqual([expect.stringContaining("cannot take its seat now")]);
  });

  it("without objection, a Chair goes on to the TOC vote its role needs, and approval holds it", async () => {
    const { tag, lead } = await consensusTag();
    const chair = await standardRole(tag.id, "chair");
    const seat = await appointToRole(lead, {
      roleDefinitionId: chair.id,
      login: (await createUser()).login,
      decisionLink: notes,
    });
    await advanceClock((OBJECTION_WINDOW_DAYS + 1) * DAY);
    await closeConsensusWindows(await now());
    const d = await openDecisionAbout(seat.id);
    expect(d.body).toBe("No objection in the consensus window.");
    await everyoneVotes(seat.id, "yes");
    await closeDueDecisions(await now());
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status).toBe("active");
  });
});
