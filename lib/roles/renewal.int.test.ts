import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { createTag, createUser } from "@/tests/factories";
import { castVote } from "@/lib/decision-outcomes/votes";
import { everyoneVotes, freshToc, openDecisionAbout } from "@/tests/decisions";
import { listPendingLeadershipChanges } from "./queries";
import { changeAssignment } from "./roster";
import { code } from "@/tests/fixtures";

describe("renewing a seat that needs TOC approval", () => {
  it("is a request until the TOC approves it by vote; then the term is extended; a rejection keeps the old term", async () => {
    const tag = await createTag();
    const [lead, chair] = await Promise.all([createUser(), createUser()]);
    await freshToc(3);
    const start = new Date("2026-01-01T00:00:00Z");
    const termEnd = new Date("2027-01-01T00:00:00Z");
    await db.roleAssignment.create({
      data: { tagId: tag.id, userId: lead.id, kind: "chair", status: "active", requestedAt: start, startAt: start },
    });
    const seat = await db.roleAssignment.create({
      data: {
        tagId: tag.id,
        userId: chair.id,
        kind: "tech_lead",
        status: "active",
        requestedAt: start,
        startAt: start,
        termEndAt: termEnd,
      },
    });
    const leadActor = await loadActor(lead.id);

    const r = await changeAssignment(leadActor, { assignmentId: seat.id, change: "renew" });
    expect(r.outcome).toBe("pending");
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).termEndAt).toEqual(termEnd);
    expect(await code(changeAssignment(leadActor, { assignmentId: seat.id, change: "renew" }))).toBe("CONFLICT");
    expect((await listPendingLeadershipChanges()).map((p) => p.id)).toContain(seat.id);

    // The holder cannot vote on their own renewal, even as a TOC member: the decision opened
    // before they joined the TOC, and as its subject they would be recused anyway.
    await db.user.update({ where: { id: chair.id }, data: { isTocMember: true } });
    const open = await openDecisionAbout(seat.id);
    expect(open.kind).toBe("renewal");
    expect(await code(castVote(await loadActor(chair.id), { decisionId: open.id, choice: "yes" }))).toBe("FORBIDDEN");
    await db.user.update({ where: { id: chair.id }, data: { isTocMember: false } });

    expect((await everyoneVotes(seat.id, "yes")).status).toBe("approved");
    const after = await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } });
    expect(after.termEndAt).toEqual(new Date("2029-01-01T00:00:00Z"));
    expect(after.renewRequestedAt).toBeNull();

    await changeAssignment(leadActor, { assignmentId: seat.id, change: "renew" });
    expect((await everyoneVotes(seat.id, "no")).status).toBe("rejected");
    const rejected = await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } });
    expect(rejected.termEndAt).toEqual(new Date("2029-01-01T00:00:00Z"));
    expect(rejected.renewRequestedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { subjectId: seat.id, action: "roster.renew-request" } })).toBe(2);
  });
});
