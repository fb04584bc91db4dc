import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadActor } from "@/lib/auth/actor";
import { createTag, createUser } from "@/tests/factories";
import { decideLeadershipChange } from "./leadership";
import { listPendingLeadershipChanges } from "./queries";
import { changeAssignment } from "./roster";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe("renewing a seat that needs TOC approval", () => {
  it("is a request until a TOC member approves; then the term is extended; a rejection keeps the old term", async () => {
    const tag = await createTag();
    const [lead, chair, toc] = await Promise.all([createUser(), createUser(), createUser({ isTocMember: true })]);
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

    // The holder cannot approve their own renewal, even as a TOC member.
    await db.user.update({ where: { id: chair.id }, data: { isTocMember: true } });
    expect(
      await code(decideLeadershipChange(await loadActor(chair.id), { assignmentId: seat.id, decision: "approve" })),
    ).toBe("FORBIDDEN");

    const d = await decideLeadershipChange(await loadActor(toc.id), { assignmentId: seat.id, decision: "approve" });
    expect(d.change).toBe("renewal");
    const after = await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } });
    expect(after.termEndAt).toEqual(new Date("2029-01-01T00:00:00Z"));
    expect(after.renewRequestedAt).toBeNull();

    await changeAssignment(leadActor, { assignmentId: seat.id, change: "renew" });
    await decideLeadershipChange(await loadActor(toc.id), { assignmentId: seat.id, decision: "reject" });
    const rejected = await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } });
    expect(rejected.termEndAt).toEqual(new Date("2029-01-01T00:00:00Z"));
    expect(rejected.renewRequestedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { subjectId: seat.id, action: "roster.renew-request" } })).toBe(2);
  });
});
