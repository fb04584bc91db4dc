import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { sweeps } from "@/lib/worker/sweeps";
import { createUser } from "@/tests/factories";
import { tagWithLead } from "@/tests/fixtures";
import { createLiaison, endLiaison, logCheckIn, updateLiaison } from "./mutations";
import { recordLeave } from "@/lib/roles/leaves";
import { LeaveSchema } from "@/lib/roles/schemas";
import { flagOverdueLiaisons } from "./sweep";
import {
  findLiaison,
  isOverdue,
  listLiaisonsOfPerson,
  listLiaisonsOfProject,
  listLiaisonsOfTag,
  listSeatsWithoutLiaison,
} from "./queries";
import { CheckInSchema, CreateLiaisonSchema, EndLiaisonSchema } from "./schemas";
import { DAY, isoDay } from "@/lib/vocabulary";
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: "ok", fieldErrors: {} as Record<string, string[]> }),
    (e: unknown) =>
      e instanceof AppError
        ? { code: e.code, fieldErrors: e.fieldErrors }
        : { code: `THROWN ${String(e)}`, fieldErrors: {} },
  );
const code = async (p: Promise<unknown>) => (await failure(p)).code;
const today = (d: Date) => isoDay(d);

async function ambassadorSeat(tagId: string) {
  const user = await createUser();
  const seat = await db.roleAssignment.create({
    data: {
      tagId,
      userId: user.id,
      kind: "tag_ambassador",
      status: "active",
      requestedAt: new Date(),
      startAt: new Date(),
    },
  });
  return { user, seat, actor: (await loadActor(user.id))! };
}

async function createProject() {
  const name = `proj-${Math.random().toString(36).slice(2, 10)}`;
  return db.project.create({
    data: { name, displayName: `Project ${name}`, maturity: "sandbox", importedAt: new Date() },
  });
}

const createInput = (raw: Record<string, unknown>) => CreateLiaisonSchema.parse({ cadenceDays: "30", ...raw });
const checkIn = async (liaisonId: string, over: Record<string, unknown> = {}) =>
  CheckInSchema.parse({
    liaisonId,
    date: today(await now()),
    notes: "Met the maintainers; release on track.",
    health: "fine",
    ...over,
  });

describe("creating a liaison", () => {
  it("a lead of the seat's TAG links it to a project; the seat leaves the form's choices", async () => {
    const { tag, leadActor } = await tagWithLead();
    const { seat, user } = await ambassadorSeat(tag.id);
    const project = await createProject();
    expect((await listSeatsWithoutLiaison([tag.id])).map((s) => s.id)).toEqual([seat.id]);

    const l = await createLiaison(
      leadActor,
      createInput({ assignmentId: seat.id, projectName: project.name.toUpperCase() }),
    );

    expect(await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).toMatchObject({
      assignmentId: seat.id,
      projectId: project.id,
      foundation: null,
      cadenceDays: 30,
    });
    expect(
      await db.auditEvent.count({
        where: { action: "liaison.create", subjectId: l.id, tagId: tag.id, actorId: leadActor.id, outcome: "ok" },
      }),
    ).toBe(1);
    expect(await listSeatsWithoutLiaison([tag.id])).toEqual([]);
    expect((await listLiaisonsOfTag(tag.id)).map((x) => x.id)).toEqual([l.id]);
    expect((await listLiaisonsOfPerson(user.id)).map((x) => x.id)).toEqual([l.id]);
    expect((await listLiaisonsOfProject(project.name)).map((x) => x.assignment.user.login)).toEqual([user.login]);
    expect(await db.notification.count({ where: { userId: user.id, kind: "liaison.created" } })).toBe(1);
    // One liaison per seat.
    expect(await code(createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation: "OpenSSF" })))).toBe(
      "CONFLICT",
    );
  });

  it("a lead of another TAG is refused, and the refusal is audited", async () => {
    const { tag } = await tagWithLead();
    const other = await tagWithLead();
    const { seat } = await ambassadorSeat(tag.id);
    expect(
      await code(createLiaison(other.leadActor, createInput({ assignmentId: seat.id, foundation: "OpenSSF" }))),
    ).toBe("FORBIDDEN");
    expect(await db.liaison.count({ where: { assignmentId: seat.id } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: {
          actorId: other.lead.id,
          outcome: "refused",
          subjectId: seat.id,
          tagId: tag.id,
          action: "roster.manage",
        },
      }),
    ).toBe(1);
    // The seat holder cannot make themself a liaison either.
    const holder = await loadActor((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).userId);
    expect(await code(createLiaison(holder, createInput({ assignmentId: seat.id, foundation: "OpenSSF" })))).toBe(
      "FORBIDDEN",
    );
  });

  it("an admin may; an unknown project is INVALID on its field; a foundation works; bad input is named", async () => {
    const { tag } = await tagWithLead();
    const admin = (await loadActor((await createUser({ isAdmin: true })).id))!;
    const { seat } = await ambassadorSeat(tag.id);
    const unknown = await failure(
      createLiaison(admin, createInput({ assignmentId: seat.id, projectName: "no-such-project" })),
    );
    expect(unknown).toEqual({ code: "INVALID", fieldErrors: { projectName: ["Unknown project"] } });
    expect(await db.liaison.count({ where: { assignmentId: seat.id } })).toBe(0);

    const l = await createLiaison(
      admin,
      createInput({ assignmentId: seat.id, foundation: "OpenSSF", cadenceDays: "14" }),
    );
    expect(await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).toMatchObject({
      projectId: null,
      foundation: "OpenSSF",
      cadenceDays: 14,
    });

    const both = CreateLiaisonSchema.safeParse({
      assignmentId: seat.id,
      projectName: "falco",
      foundation: "OpenSSF",
      cadenceDays: "30",
    });
    expect(both.success).toBe(false);
    const neither = CreateLiaisonSchema.safeParse({ assignmentId: seat.id, cadenceDays: "0" });
    expect(neither.error?.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["projectName", "foundation", "cadenceDays"]),
    );
  });

  it("only TAG Ambassador seats that are held can be liaisons", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const chairSeat = await db.roleAssignment.findFirstOrThrow({ where: { tagId: tag.id, userId: lead.id } });
    expect(
      await code(createLiaison(leadActor, createInput({ assignmentId: chairSeat.id, foundation: "OpenJS" }))),
    ).toBe("INVALID");
    const { seat } = await ambassadorSeat(tag.id);
    await db.roleAssignment.update({ where: { id: seat.id }, data: { status: "ended" } });
    expect(await code(createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation: "OpenJS" })))).toBe(
      "CONFLICT",
    );
  });

  it("a lead changes the target and cadence; a lead of another TAG cannot", async () => {
    const { tag, leadActor } = await tagWithLead();
    const other = await tagWithLead();
    const { seat } = await ambassadorSeat(tag.id);
    const project = await createProject();
    const l = await createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation: "Eclipse" }));
    await updateLiaison(leadActor, { liaisonId: l.id, projectName: project.name, cadenceDays: 60 });
    expect(await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).toMatchObject({
      projectId: project.id,
      foundation: null,
      cadenceDays: 60,
    });
    expect(await db.auditEvent.count({ where: { action: "liaison.update", subjectId: l.id } })).toBe(1);
    expect(await code(updateLiaison(other.leadActor, { liaisonId: l.id, foundation: "Apache", cadenceDays: 7 }))).toBe(
      "FORBIDDEN",
    );
    expect(await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).toMatchObject({ cadenceDays: 60 });
  });
});

describe("check-ins", () => {
  it("the liaison logs one; an unrelated member and a lead of another TAG are refused; the TAG's lead may", async () => {
    const { tag, leadActor } = await tagWithLead();
    const other = await tagWithLead();
    const { seat, actor } = await ambassadorSeat(tag.id);
    const l = await createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation: "OpenSSF" }));

    await logCheckIn(actor, await checkIn(l.id, { link: "https://example.org/notes/1" }));
    const stored = await findLiaison(l.id);
    expect(stored?.checkIns).toHaveLength(1);
    expect(stored?.checkIns[0]).toMatchObject({
      health: "fine",
      link: "https://example.org/notes/1",
      authorId: actor.id,
    });
    expect(stored?.lastCheckInAt?.toISOString()).toBe(`${today(await now())}T00:00:00.000Z`);
    expect(
      await db.auditEvent.count({ where: { action: "liaison.check-in", subjectId: l.id, actorId: actor.id } }),
    ).toBe(1);

    const stranger = (await loadActor((await createUser()).id))!;
    expect(await code(logCheckIn(stranger, await checkIn(l.id)))).toBe("FORBIDDEN");
    expect(
      await db.auditEvent.count({
        where: { actorId: stranger.id, outcome: "refused", action: "checkin.log", subjectId: l.id },
      }),
    ).toBe(1);
    expect(await code(logCheckIn(other.leadActor, await checkIn(l.id)))).toBe("FORBIDDEN");
    expect(await code(logCheckIn(null, await checkIn(l.id)))).toBe("FORBIDDEN");

    await logCheckIn(leadActor, await checkIn(l.id, { health: "at_risk", notes: "Maintainers stepped back." }));
    expect(await db.liaisonCheckIn.count({ where: { liaisonId: l.id } })).toBe(2);
    // Leads hear about a check-in that is not fine, except the lead who wrote it.
    expect(await db.notification.count({ where: { userId: leadActor.id, kind: "liaison.health" } })).toBe(0);
  });

  it("a date in the future of the portal clock is INVALID; an older check-in never moves lastCheckInAt back", async () => {
    const { tag, leadActor } = await tagWithLead();
    const { seat, actor } = await ambassadorSeat(tag.id);
    const l = await createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation: "OpenSSF" }));
    const t = await now();
    const future = await failure(
      logCheckIn(actor, await checkIn(l.id, { date: today(new Date(t.getTime() + 2 * DAY)) })),
    );
    expect(future).toEqual({ code: "INVALID", fieldErrors: { date: ["The date cannot be in the future"] } });
    expect(await db.liaisonCheckIn.count({ where: { liaisonId: l.id } })).toBe(0);

    await logCheckIn(actor, await checkIn(l.id));
    await logCheckIn(actor, await checkIn(l.id, { date: today(new Date(t.getTime() - 20 * DAY)) }));
    expect((await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).lastCheckInAt?.toISOString()).toBe(
      `${today(t)}T00:00:00.000Z`,
    );
    expect(
      CheckInSchema.safeParse({ liaisonId: l.id, date: "yesterday", notes: "x", health: "great" }).error?.issues.map(
        (i) => i.path[0],
      ),
    ).toEqual(["date", "notes", "health"]);
  });
});

describe("overdue check-ins", () => {
  it("the sweep flags an overdue liaison once, tells the liaison and the leads; a check-in clears it", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const { seat, user, actor } = await ambassadorSeat(tag.id);
    const l = await createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation: "OpenSSF" }));
    const t = await now();
    await db.liaison.update({ where: { id: l.id }, data: { createdAt: new Date(t.getTime() - 40 * DAY) } });
    const row = await db.liaison.findUniqueOrThrow({ where: { id: l.id } });
    expect(isOverdue(row, t)).toBe(true);

    const sweep = sweeps.find((s) => s.name === "sweep-liaison-check-ins")!;
    expect(await sweep.run(t)).toBeGreaterThanOrEqual(1);
    expect(await flagOverdueLiaisons(new Date(t.getTime() + DAY))).toBe(0);
    expect((await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).overdueNotifiedAt).toEqual(t);
    expect(await db.notification.count({ where: { userId: user.id, kind: "liaison.overdue" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: lead.id, kind: "liaison.overdue" } })).toBe(1);

    await logCheckIn(actor, await checkIn(l.id));
    const cleared = await db.liaison.findUniqueOrThrow({ where: { id: l.id } });
    expect(cleared.overdueNotifiedAt).toBeNull();
    expect(isOverdue(cleared, t)).toBe(false);
    await flagOverdueLiaisons(t);
    expect((await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).overdueNotifiedAt).toBeNull();

    // The next period: overdue again a cadence later, flagged (and notified) once more.
    const later = new Date(t.getTime() + 31 * DAY);
    await flagOverdueLiaisons(later);
    await flagOverdueLiaisons(later);
    expect(await db.notification.count({ where: { userId: user.id, kind: "liaison.overdue" } })).toBe(2);
  });

  it("reminders pause during a leave recorded through the leave form, and resume after it", async () => {
    const { tag, leadActor } = await tagWithLead();
    const { seat, user, actor } = await ambassadorSeat(tag.id);
    const l = await createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation: "OpenSSF" }));
    const t = await now();
    await db.liaison.update({ where: { id: l.id }, data: { createdAt: new Date(t.getTime() - 40 * DAY) } });
    // The liaison records their own leave, as the TAG page's form does: from yesterday for two weeks.
    await recordLeave(
      actor,
      LeaveSchema.parse({
        assignmentId: seat.id,
        from: isoDay(new Date(t.getTime() - DAY)),
        to: isoDay(new Date(t.getTime() + 13 * DAY)),
        note: "conference season",
      }),
    );
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status).toBe("active");
    await flagOverdueLiaisons(t);
    await flagOverdueLiaisons(new Date(t.getTime() + 12 * DAY));
    expect((await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).overdueNotifiedAt).toBeNull();
    expect(await db.notification.count({ where: { userId: user.id, kind: "liaison.overdue" } })).toBe(0);

    const back = new Date(t.getTime() + 15 * DAY);
    await flagOverdueLiaisons(back);
    expect(await db.notification.count({ where: { userId: user.id, kind: "liaison.overdue" } })).toBe(1);
  });

  it("a seat an import marked on leave is not chased either", async () => {
    const { tag, leadActor } = await tagWithLead();
    const { seat, user } = await ambassadorSeat(tag.id);
    const l = await createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation: "OpenSSF" }));
    await db.roleAssignment.update({ where: { id: seat.id }, data: { status: "on_leave" } });
    await flagOverdueLiaisons(new Date((await now()).getTime() + 60 * DAY));
    expect((await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).overdueNotifiedAt).toBeNull();
    expect(await db.notification.count({ where: { userId: user.id, kind: "liaison.overdue" } })).toBe(0);
  });
});

describe("ending a liaison", () => {
  const endInput = (liaisonId: string, reason = "The project was archived.") =>
    EndLiaisonSchema.parse({ liaisonId, reason });

  it("a lead ends it: the seat runs on, lists and the sweep skip it, the liaison is told", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const { seat, user, actor } = await ambassadorSeat(tag.id);
    const project = await createProject();
    const l = await createLiaison(leadActor, createInput({ assignmentId: seat.id, projectName: project.name }));
    const t = await now();
    // Overdue, so that only the ending keeps the sweep quiet.
    await db.liaison.update({ where: { id: l.id }, data: { createdAt: new Date(t.getTime() - 40 * DAY) } });

    await endLiaison(leadActor, endInput(l.id));

    const row = await db.liaison.findUniqueOrThrow({ where: { id: l.id } });
    expect(row.endedAt?.getTime()).toBeGreaterThanOrEqual(t.getTime());
    expect(row.endedReason).toBe("The project was archived.");
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status).toBe("active");
    expect(
      await db.auditEvent.count({
        where: { action: "liaison.end", subjectId: l.id, tagId: tag.id, actorId: lead.id, outcome: "ok" },
      }),
    ).toBe(1);
    expect(await db.notification.count({ where: { userId: user.id, kind: "liaison.ended" } })).toBe(1);

    await flagOverdueLiaisons(t);
    await flagOverdueLiaisons(new Date(t.getTime() + 60 * DAY));
    expect((await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).overdueNotifiedAt).toBeNull();
    expect(
      await db.notification.count({ where: { kind: "liaison.overdue", userId: { in: [user.id, lead.id] } } }),
    ).toBe(0);
    expect(await listLiaisonsOfTag(tag.id)).toEqual([]);
    expect(await listLiaisonsOfPerson(user.id)).toEqual([]);
    expect(await listLiaisonsOfProject(project.name)).toEqual([]);
    // Its page still shows it, as history; nobody logs check-ins on it any more.
    expect((await findLiaison(l.id))?.endedAt).toEqual(row.endedAt);
    expect(await code(logCheckIn(actor, await checkIn(l.id)))).toBe("CONFLICT");
    expect(await code(updateLiaison(leadActor, { liaisonId: l.id, foundation: "OpenSSF", cadenceDays: 30 }))).toBe(
      "CONFLICT",
    );
  });

  it("after the end the seat may take a new liaison, and still only one open at a time", async () => {
    const { tag, leadActor } = await tagWithLead();
    const { seat, user } = await ambassadorSeat(tag.id);
    const old = await createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation: "OpenSSF" }));
    await endLiaison(leadActor, endInput(old.id));
    expect((await listSeatsWithoutLiaison([tag.id])).map((s) => s.id)).toEqual([seat.id]);

    const project = await createProject();
    const next = await createLiaison(leadActor, createInput({ assignmentId: seat.id, projectName: project.name }));

    expect(await listSeatsWithoutLiaison([tag.id])).toEqual([]);
    expect((await listLiaisonsOfPerson(user.id)).map((x) => x.id)).toEqual([next.id]);
    expect((await findLiaison(old.id))?.endedReason).toBe("The project was archived.");
    expect(
      await failure(createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation: "OpenSSF" }))),
    ).toEqual({ code: "CONFLICT", fieldErrors: { assignmentId: ["That seat already has an open liaison"] } });
    // Two leads at once: the partial unique index lets exactly one through.
    await endLiaison(leadActor, endInput(next.id));
    const raced = await Promise.all(
      ["CNCF", "OpenSSF"].map((foundation) =>
        code(createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation }))),
      ),
    );
    expect(raced.sort()).toEqual(["CONFLICT", "ok"]);
    expect(await db.liaison.count({ where: { assignmentId: seat.id, endedAt: null } })).toBe(1);
  });

  it("the liaison, a lead of another TAG and nobody signed in are refused; ending twice is refused", async () => {
    const { tag, leadActor } = await tagWithLead();
    const other = await tagWithLead();
    const { seat, actor } = await ambassadorSeat(tag.id);
    const l = await createLiaison(leadActor, createInput({ assignmentId: seat.id, foundation: "OpenSSF" }));

    for (const who of [actor, other.leadActor, null])
      expect(await code(endLiaison(who, endInput(l.id)))).toBe("FORBIDDEN");
    expect(
      await db.auditEvent.count({
        where: { actorId: actor.id, outcome: "refused", action: "roster.manage", subjectId: l.id },
      }),
    ).toBe(1);
    expect((await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).endedAt).toBeNull();

    await endLiaison(leadActor, endInput(l.id));
    expect(await failure(endLiaison(leadActor, endInput(l.id, "Again.")))).toEqual({
      code: "CONFLICT",
      fieldErrors: { liaisonId: ["This liaison has already ended"] },
    });
    expect((await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).endedReason).toBe("The project was archived.");
    expect(await db.auditEvent.count({ where: { action: "liaison.end", subjectId: l.id } })).toBe(1);
    expect(EndLiaisonSchema.safeParse({ liaisonId: l.id, reason: " " }).error?.issues.map((i) => i.path[0])).toEqual([
      "reason",
    ]);
  });
});
