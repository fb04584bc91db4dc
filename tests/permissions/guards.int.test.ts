import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { setGlobalRole } from "@/lib/admin/mutations";
import { requestEndOfSeat } from "@/lib/roles/leadership";
import { castVote } from "@/lib/decision-outcomes/votes";
import { appoint, everyoneVotes, freshToc, openDecisionAbout } from "@/tests/decisions";
import { createTag, createUser } from "@/tests/factories";
import { code } from "@/tests/fixtures";

async function leadOf(tagId: string) {
  const lead = await createUser();
  await db.roleAssignment.create({
    data: { tagId, userId: lead.id, kind: "chair", status: "active", requestedAt: new Date(), startAt: new Date() },
  });
  return lead;
}

describe("guards", () => {
  it("nobody appoints themselves, even an admin", async () => {
    const tag = await createTag();
    const admin = await createUser({ isAdmin: true });
    expect(await code(appoint(admin.id, tag.id, admin.login, "chair"))).toBe("FORBIDDEN");
    expect(await db.roleAssignment.count({ where: { userId: admin.id } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { actorId: admin.id, outcome: "refused", reason: "Nobody appoints themselves." },
      }),
    ).toBe(1);
  });

  it("nobody removes themselves", async () => {
    const tag = await createTag();
    const lead = await leadOf(tag.id);
    const seat = await db.roleAssignment.findFirstOrThrow({ where: { userId: lead.id } });
    expect(
      await code(requestEndOfSeat(await loadActor(lead.id), { assignmentId: seat.id, reason: "stepping down" })),
    ).toBe("FORBIDDEN");
  });

  it("a chair appointment is pending until the TOC approves it by vote; the appointee is recused", async () => {
    const tag = await createTag();
    const lead = await leadOf(tag.id);
    await freshToc(2);
    const tocCandidate = await createUser({ isTocMember: true });
    const seat = await appoint(lead.id, tag.id, tocCandidate.login, "chair");
    expect(seat.status).toBe("pending");
    expect((await loadActor(tocCandidate.id))!.leadTagIds).not.toContain(tag.id);
    const d = await openDecisionAbout(seat.id);
    expect(await code(castVote(await loadActor(tocCandidate.id), { decisionId: d.id, choice: "yes" }))).toBe(
      "FORBIDDEN",
    );
    expect((await everyoneVotes(seat.id)).status).toBe("approved");
    expect((await loadActor(tocCandidate.id))!.leadTagIds).toContain(tag.id);
  });

  it("the last admin cannot be removed, even by two admins removing each other at once", async () => {
    // Make these two the only admins of this test database.
    await db.user.updateMany({ data: { isAdmin: false } });
    const [a, b] = await Promise.all([createUser({ isAdmin: true }), createUser({ isAdmin: true })]);
    const results = await Promise.all([
      code(setGlobalRole(await loadActor(a.id), { userId: b.id, role: "admin", grant: false })),
      code(setGlobalRole(await loadActor(b.id), { userId: a.id, role: "admin", grant: false })),
    ]);
    expect([...results].sort()).toEqual(["CONFLICT", "ok"]);
    expect(await db.user.count({ where: { isAdmin: true } })).toBe(1);
  });

  it("a revoked role stops working at the next call", async () => {
    const tag = await createTag();
    const lead = await leadOf(tag.id);
    const [p1, p2] = await Promise.all([createUser(), createUser()]);
    expect(await code(appoint(lead.id, tag.id, p1.login))).toBe("ok");
    await db.roleAssignment.updateMany({ where: { userId: lead.id }, data: { status: "ended" } });
    expect(await code(appoint(lead.id, tag.id, p2.login))).toBe("FORBIDDEN");
    const admin = await createUser({ isAdmin: true });
    const target = await createUser();
    await db.user.update({ where: { id: admin.id }, data: { isAdmin: false } });
    expect(await code(setGlobalRole(await loadActor(admin.id), { userId: target.id, role: "toc", grant: true }))).toBe(
      "FORBIDDEN",
    );
  });
});
