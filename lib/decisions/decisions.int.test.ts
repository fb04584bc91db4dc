import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { loadActor } from "@/lib/auth/actor";
import { giveSeat } from "@/lib/roles/appointments";
import { createTag, createUser } from "@/tests/factories";
import { createSeat } from "@/tests/fixtures";
import { code } from "@/tests/election-world";
import { appoint, freshToc, pendingAppointment } from "@/tests/decisions";
import { DAY } from "@/lib/vocabulary";
import { applyDecisionAgain, closeDueDecisions, recordExternalDecision } from "@/lib/decision-outcomes/closing";
import { withdrawDecisions } from "./decisions";
import { getDecision, listOpenDecisions } from "./queries";
import { setDecisionRule, setRemovalSupermajority } from "./rules";
import { sendDecisionDigests, sweepDecisions } from "@/lib/decision-outcomes/sweep";
import { castVote, declareConflict } from "@/lib/decision-outcomes/votes";

const seatStatus = async (id: string) => (await db.roleAssignment.findUniqueOrThrow({ where: { id } })).status;

describe("TOC decisions", () => {
  it("a pending seat that never had a vote (from before votes existed) gets one from the sweep", async () => {
    await freshToc(3);
    const tag = await createTag();
    const person = await createUser();
    const role = await db.roleDefinition.findFirstOrThrow({ where: { tagId: tag.id, kind: "chair" } });
    const at = await now();
    // giveSeat alone, as seats were given before TOC votes existed: no vote opens with it.
    const seat = await db.$transaction((tx) =>
      giveSeat(tx, {
        roleKey: role.roleKey,
        tagId: tag.id,
        person: { id: person.id, login: person.login, region: null, employer: null },
        by: null,
        at,
        obtainedBy: "imported",
      }),
    );
    expect(seat.status).toBe("pending");
    expect(await db.decision.count({ where: { subjectId: seat.id } })).toBe(0);
    await sweepDecisions(at);
    const opened = await db.decision.findFirstOrThrow({ where: { subjectId: seat.id } });
    expect(opened).toMatchObject({ kind: "appointment", status: "open" });
    // Once is enough: a second sweep opens nothing more.
    await sweepDecisions(at);
    expect(await db.decision.count({ where: { subjectId: seat.id } })).toBe(1);
    // Leave no open vote behind for the period tests below.
    await db.$transaction((tx) => withdrawDecisions(tx, seat.id, { actorId: null, reason: "the test is over" }));
  });

  it("an appointment closes approved once a majority of all TOC members voted yes, and the seat becomes active", async () => {
    const toc = await freshToc(4);
    const { seat, decision, appointee } = await pendingAppointment();
    expect(decision).toMatchObject({ kind: "appointment", status: "open", thresholdBase: "members" });
    expect(await db.decisionElector.count({ where: { decisionId: decision.id } })).toBe(4);

    expect(await castVote(toc[0]!, { decisionId: decision.id, choice: "yes" })).toMatchObject({ state: "open" });
    expect(await castVote(toc[1]!, { decisionId: decision.id, choice: "abstain" })).toMatchObject({ state: "open" });
    expect(await castVote(toc[2]!, { decisionId: decision.id, choice: "yes" })).toMatchObject({ state: "open" });
    expect(await seatStatus(seat.id)).toBe("pending");
    const last = await castVote(toc[3]!, { decisionId: decision.id, choice: "yes" });
    expect(last.state).toBe("approved");
    expect(last.explanation).toMatch(/3 yes votes of 4 TOC members who may vote; 3 needed/);
    expect(await seatStatus(seat.id)).toBe("active");
    expect((await loadActor(appointee.id))!.leadTagIds).toHaveLength(1);
    const closed = await db.decision.findUniqueOrThrow({ where: { id: decision.id } });
    expect(closed.status).toBe("approved");
    expect(closed.outcome).toMatch(/is now Tech Lead/);
    // The appointee and the chair who asked are told.
    expect(
      await db.notification.count({ where: { kind: "decision.closed", link: `/toc/decisions/${decision.id}` } }),
    ).toBe(2);
  });

  it("an approval a seat cap now blocks: the decision says why, the people involved are told, and it can be applied again", async () => {
    const toc = await freshToc(3);
    const { tag, chair, appointee, seat, decision } = await pendingAppointment();
    const role = (await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).roleDefinitionId!;
    // Meanwhile the role was capped at one seat, and someone holds it.
    const at = await now();
    await db.roleDefinition.update({ where: { id: role }, data: { totalSeats: 1 } });
    await createSeat(tag.id, (await createUser()).id, "tech_lead", { requestedAt: at, roleDefinitionId: role });
    for (const m of toc.slice(0, 2)) await castVote(m, { decisionId: decision.id, choice: "yes" });
    const closed = await db.decision.findUniqueOrThrow({ where: { id: decision.id } });
    expect(closed.status).toBe("approved");
    expect(closed.blockedReason).toMatch(/full|seat/i);
    expect(closed.outcome).toContain("Approved, but it could not take effect:");
    expect(await seatStatus(seat.id)).toBe("pending");
    expect(
      (await db.notification.findMany({ where: { kind: "decision.blocked" }, select: { userId: true } }))
        .map((n) => n.userId)
        .sort(),
    ).toEqual([chair.id, appointee.id].sort());
    expect((await getDecision(toc[0]!, decision.id)).blockedReason).toBe(closed.blockedReason);
    // Only the TOC applies it again; still blocked: refused and audited; once a seat is free: in effect.
    expect(await code(applyDecisionAgain(await loadActor(chair.id), { decisionId: decision.id }))).toBe("FORBIDDEN");
    expect(await code(applyDecisionAgain(toc[2]!, { decisionId: decision.id }))).toBe("CONFLICT");
    await db.roleDefinition.update({ where: { id: role }, data: { totalSeats: 2 } });
    await applyDecisionAgain(toc[2]!, { decisionId: decision.id });
    expect(await seatStatus(seat.id)).toBe("active");
    expect(await db.decision.findUniqueOrThrow({ where: { id: decision.id } })).toMatchObject({ blockedReason: null });
  });

  it("no votes settle it: the sweep closes it at the end of the period, not approved, and the seat is rejected", async () => {
    const toc = await freshToc(4);
    const { seat, decision } = await pendingAppointment();
    await castVote(toc[0]!, { decisionId: decision.id, choice: "yes" });
    await castVote(toc[1]!, { decisionId: decision.id, choice: "yes" });
    expect(await closeDueDecisions(new Date((await now()).getTime() + 6 * DAY))).toBe(0);
    expect(await closeDueDecisions(new Date((await now()).getTime() + 7 * DAY + 60_000))).toBe(1);
    const closed = await db.decision.findUniqueOrThrow({ where: { id: decision.id } });
    expect(closed.status).toBe("rejected");
    expect(closed.outcome).toMatch(/period ended/);
    expect(await seatStatus(seat.id)).toBe("rejected");
  });

  it("closes not approved as soon as the remaining votes cannot reach the threshold", async () => {
    const toc = await freshToc(4);
    const { seat, decision } = await pendingAppointment();
    await castVote(toc[0]!, { decisionId: decision.id, choice: "no" });
    expect(await castVote(toc[1]!, { decisionId: decision.id, choice: "no" })).toMatchObject({ state: "rejected" });
    expect(await seatStatus(seat.id)).toBe("rejected");
  });

  it("refuses (and audits) a second vote, a vote after the period, a vote by a non-member or by someone who joined later", async () => {
    const toc = await freshToc(4);
    const { decision } = await pendingAppointment();
    await castVote(toc[0]!, { decisionId: decision.id, choice: "yes" });
    expect(await code(castVote(toc[0]!, { decisionId: decision.id, choice: "no" }))).toBe("CONFLICT");
    const member = await loadActor((await createUser()).id);
    expect(await code(castVote(member, { decisionId: decision.id, choice: "yes" }))).toBe("FORBIDDEN");
    // The electorate is fixed when the vote opens: a TOC member appointed since may not vote.
    const newcomer = await loadActor((await createUser({ isTocMember: true })).id);
    expect(await code(castVote(newcomer, { decisionId: decision.id, choice: "yes" }))).toBe("FORBIDDEN");
    expect(await code(castVote(toc[1]!, { decisionId: crypto.randomUUID(), choice: "yes" }))).toBe("NOT_FOUND");
    await db.decision.update({ where: { id: decision.id }, data: { closesAt: new Date((await now()).getTime() - 1) } });
    expect(await code(castVote(toc[1]!, { decisionId: decision.id, choice: "yes" }))).toBe("CONFLICT");
    const refused = await db.auditEvent.count({
      where: { subjectId: decision.id, action: "decision.vote", outcome: "refused" },
    });
    expect(refused).toBe(4);
    expect(await db.decisionVote.count({ where: { decisionId: decision.id } })).toBe(1);
  });

  it("the subject of a decision is recused, and a member who declares a conflict is no longer counted", async () => {
    const toc = await freshToc(4);
    const { decision, appointee } = await pendingAppointment();
    // An appointee who is a TOC member is recused from their own appointment.
    await db.user.update({ where: { id: appointee.id }, data: { isTocMember: true } });
    const own = await pendingAppointment();
    const electors = await db.decisionElector.findMany({ where: { decisionId: own.decision.id } });
    expect(electors).toHaveLength(5);
    expect(electors.find((e) => e.userId === own.appointee.id)).toBeUndefined();
    await db.user.update({ where: { id: appointee.id }, data: { isTocMember: false } });

    await castVote(toc[0]!, { decisionId: decision.id, choice: "yes" });
    await castVote(toc[1]!, { decisionId: decision.id, choice: "yes" });
    expect(await code(declareConflict(toc[0]!, { decisionId: decision.id, note: "I work with them" }))).toBe(
      "CONFLICT",
    );
    // 2 yes of 4 is short of 3; once one member is recused, 2 of 3 is a majority and it closes.
    const r = await declareConflict(toc[2]!, { decisionId: decision.id, note: "Same employer" });
    expect(r.state).toBe("approved");
    expect(await code(castVote(toc[2]!, { decisionId: decision.id, choice: "yes" }))).toBe("CONFLICT");
    expect(
      await db.decisionElector.findUniqueOrThrow({
        where: { decisionId_userId: { decisionId: decision.id, userId: toc[2]!.id } },
      }),
    ).toMatchObject({ recusal: "conflict", recusalNote: "Same employer" });
  });

  it("a subject who is a TOC member when the vote opens is recused and refused", async () => {
    await freshToc(3);
    const tag = await createTag();
    const chair = await createUser();
    const at = await now();
    await createSeat(tag.id, chair.id, "chair", { requestedAt: at });
    const tocAppointee = await createUser({ isTocMember: true });
    const seat = await appoint(chair.id, tag.id, tocAppointee.login, "chair");
    const d = await db.decision.findFirstOrThrow({ where: { subjectId: seat.id } });
    expect(
      await db.decisionElector.findUniqueOrThrow({
        where: { decisionId_userId: { decisionId: d.id, userId: tocAppointee.id } },
      }),
    ).toMatchObject({ recusal: "subject" });
    const a = await loadActor(tocAppointee.id);
    expect(await code(castVote(a, { decisionId: d.id, choice: "yes" }))).toBe("FORBIDDEN");
    expect(
      await code(recordExternalDecision(a, { decisionId: d.id, outcome: "approved", link: "https://x.test/1" })),
    ).toBe("FORBIDDEN");
  });

  it("two last votes at once: the decision closes once and the seat is activated once", async () => {
    const toc = await freshToc(5);
    const { seat, decision } = await pendingAppointment();
    await castVote(toc[0]!, { decisionId: decision.id, choice: "yes" });
    await castVote(toc[1]!, { decisionId: decision.id, choice: "yes" });
    const results = await Promise.all(
      toc.slice(2).map((t) => castVote(t, { decisionId: decision.id, choice: "yes" }).catch((e: Error) => e.message)),
    );
    expect(results.filter((r) => typeof r === "object" && r.state === "approved")).toHaveLength(1);
    expect(results.filter((r) => r === "This decision is closed.")).toHaveLength(2);
    expect(await seatStatus(seat.id)).toBe("active");
    expect(await db.auditEvent.count({ where: { subjectId: seat.id, action: "leadership.approve" } })).toBe(1);
  });

  it("a TOC member records a decision taken elsewhere with its link; it has the same effect", async () => {
    const toc = await freshToc(3);
    const { seat, decision } = await pendingAppointment();
    const lead = await loadActor((await createUser()).id);
    const link = "https://github.com/cncf/toc/pull/1500";
    expect(await code(recordExternalDecision(lead, { decisionId: decision.id, outcome: "approved", link }))).toBe(
      "FORBIDDEN",
    );
    expect(await recordExternalDecision(toc[0]!, { decisionId: decision.id, outcome: "approved", link })).toEqual({
      decisionId: decision.id,
      status: "approved",
    });
    const after = await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } });
    expect(after).toMatchObject({ status: "active", decisionLink: link });
    expect(await db.decision.findUniqueOrThrow({ where: { id: decision.id } })).toMatchObject({
      externalLink: link,
      recordedById: toc[0]!.id,
    });
    expect(await code(recordExternalDecision(toc[1]!, { decisionId: decision.id, outcome: "rejected", link }))).toBe(
      "CONFLICT",
    );
  });

  it("a withdrawn subject: the decision is withdrawn and can no longer be voted on", async () => {
    const toc = await freshToc(3);
    const { seat, decision } = await pendingAppointment();
    expect(await db.$transaction((tx) => withdrawDecisions(tx, seat.id, { actorId: null, reason: "cancelled" }))).toBe(
      1,
    );
    expect(await code(castVote(toc[0]!, { decisionId: decision.id, choice: "yes" }))).toBe("CONFLICT");
  });

  it("the rule is set by the TOC or an admin, versioned; open votes keep the rule they opened with", async () => {
    const toc = await freshToc(4);
    const { decision } = await pendingAppointment();
    const lead = await loadActor((await createUser()).id);
    const rule = { threshold: "two-thirds", base: "members", periodDays: 14, quorum: "more-than-half" } as const;
    expect(await code(setDecisionRule(lead, rule))).toBe("FORBIDDEN");
    const admin = await loadActor((await createUser({ isAdmin: true })).id);
    const v1 = await setDecisionRule(admin, rule);
    const v2 = await setDecisionRule(toc[0]!, { ...rule, periodDays: 10 });
    expect(v2.version).toBe(v1.version + 1);
    expect(await db.auditEvent.count({ where: { action: "decision.rule", outcome: "ok" } })).toBeGreaterThanOrEqual(2);
    // The open decision still needs 3 of 4 (a majority); a new one needs two thirds of 4 (3) within 10 days.
    await castVote(toc[0]!, { decisionId: decision.id, choice: "yes" });
    await castVote(toc[1]!, { decisionId: decision.id, choice: "yes" });
    expect(await castVote(toc[2]!, { decisionId: decision.id, choice: "yes" })).toMatchObject({ state: "approved" });
    const next = await pendingAppointment();
    expect(next.decision).toMatchObject({ thresholdShare: 0.6667, thresholdMoreThan: false });
    expect(next.decision.closesAt.getTime() - next.decision.openedAt.getTime()).toBe(10 * DAY);
    await setDecisionRule(toc[0]!, {
      threshold: "more-than-half",
      base: "members",
      periodDays: 7,
      quorum: "more-than-half",
    });
  });

  it("only the TOC or an admin sets a TAG's removal supermajority, never the TAG's chair", async () => {
    const toc = await freshToc(1);
    const { tag, chair } = await pendingAppointment();
    expect(
      await code(setRemovalSupermajority(await loadActor(chair.id), { tagId: tag.id, supermajority: "all" })),
    ).toBe("FORBIDDEN");
    expect(await setRemovalSupermajority(toc[0]!, { tagId: tag.id, supermajority: "three-quarters" })).toMatchObject({
      removalSupermajority: 0.75,
    });
    expect(
      await code(setRemovalSupermajority(toc[0]!, { tagId: crypto.randomUUID(), supermajority: "three-quarters" })),
    ).toBe("NOT_FOUND");
  });

  it("TOC members are told once when a vote opens, reminded before it closes, and get a weekly digest", async () => {
    const toc = await freshToc(2);
    const { decision } = await pendingAppointment();
    const count = (kind: string, userId: string) => db.notification.count({ where: { kind, userId } });
    const at = await now();
    await sweepDecisions(at);
    await sweepDecisions(at);
    expect(await count("decision.open", toc[0]!.id)).toBe(1);
    await castVote(toc[0]!, { decisionId: decision.id, choice: "yes" });
    await sweepDecisions(new Date(at.getTime() + 6 * DAY));
    expect(await count("decision.reminder", toc[0]!.id)).toBe(0);
    expect(await count("decision.reminder", toc[1]!.id)).toBe(1);
    await sendDecisionDigests(at);
    await sendDecisionDigests(new Date(at.getTime() + 60_000));
    const digest = await db.notification.findMany({ where: { kind: "decision.digest", userId: toc[1]!.id } });
    expect(digest).toHaveLength(1);
    expect(digest[0]!.title).toMatch(/awaiting your vote/);
    expect(digest[0]!.body).toContain(decision.title);
  });

  it("TOC members see every open decision, a TAG's leads only their TAG's, others none; the subject may read theirs", async () => {
    const toc = await freshToc(2);
    const { tag, chair, decision, appointee } = await pendingAppointment();
    const other = await pendingAppointment();
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(await listOpenDecisions(toc[0]!))).toEqual(expect.arrayContaining([decision.id, other.decision.id]));
    const lead = await loadActor(chair.id);
    expect(ids(await listOpenDecisions(lead))).toContain(decision.id);
    expect(ids(await listOpenDecisions(lead))).not.toContain(other.decision.id);
    expect(await listOpenDecisions(await loadActor(appointee.id))).toEqual([]);
    expect((await getDecision(await loadActor(appointee.id), decision.id)).title).toMatch(/Appoint/);
    expect(await code(getDecision(await loadActor(other.appointee.id), decision.id))).toBe("FORBIDDEN");
    const detail = await getDecision(toc[0]!, decision.id);
    expect(detail.tag.id).toBe(tag.id);
    expect(detail.rule.yesNeeded).toBe(2);
    expect(detail.electorate.map((e) => e.person?.login).sort()).toEqual(
      (await db.user.findMany({ where: { id: { in: toc.map((t) => t.id) } } })).map((u) => u.login).sort(),
    );
  });
});
