import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf } from "@/tests/actors";
import { createTag, createUser } from "@/tests/factories";
import { activityFor } from "./activity";
import { listOwnSelfReports, listToVerify } from "./queries";
import { selfReportContribution, verifyContribution } from "./self-report";
import { DAY } from "@/lib/vocabulary";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("self-reported contributions", () => {
  it("are pending until a lead of the TAG verifies them; only verified ones count as activity", async () => {
    const [member, lead, tag] = await Promise.all([createUser(), createUser(), createTag()]);
    const me = actorOf(member.id);
    const r1 = await selfReportContribution(me, {
      tagSlug: tag.slug,
      kind: "talk",
      title: "KubeCon talk",
      link: "https://example.org/talk",
      occurredAt: day("2026-01-10"),
    });
    const r2 = await selfReportContribution(me, {
      tagSlug: tag.slug,
      kind: "blog",
      title: "A blog post",
      occurredAt: day("2026-01-11"),
    });
    const window = { from: day("2026-01-01"), to: day("2026-02-01") };
    expect((await activityFor(member.id, tag.id, window)).total).toBe(0);

    const leader = actorOf(lead.id, { leadTagIds: [tag.id] });
    expect((await listToVerify(leader)).map((r) => r.id).sort()).toEqual([r1.id, r2.id].sort());
    expect(await listToVerify(actorOf(lead.id))).toEqual([]);
    expect(await listOwnSelfReports(member.id)).toHaveLength(2);
    await expect(verifyContribution(leader, { recordId: r1.id, decision: "verify" })).resolves.toEqual({
      id: r1.id,
      verification: "verified",
    });
    await verifyContribution(leader, { recordId: r2.id, decision: "reject", reason: "Not about this TAG" });
    expect(await activityFor(member.id, tag.id, window)).toEqual({
      total: 1,
      byKind: { talk: 1 },
      lastAt: day("2026-01-10"),
    });

    const stored = await db.contributionRecord.findUniqueOrThrow({ where: { id: r2.id } });
    expect(stored).toMatchObject({
      verification: "rejected",
      verifiedById: lead.id,
      rejectReason: "Not about this TAG",
    });
    const notes = await db.notification.findMany({ where: { userId: member.id }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => n.kind).sort()).toEqual(["contribution.rejected", "contribution.verified"]);
    const audits = await db.auditEvent.findMany({ where: { subjectId: { in: [r1.id, r2.id] } } });
    expect(audits.map((a) => a.action).sort()).toEqual([
      "contribution.self-report",
      "contribution.self-report",
      "contribution.verify",
      "contribution.verify",
    ]);
    // A decided record is not decided again.
    await expect(verifyContribution(leader, { recordId: r1.id, decision: "reject" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuses a lead of another TAG, and anyone verifying their own report (even an admin)", async () => {
    const [member, otherLead, admin, tag, other] = await Promise.all([
      createUser(),
      createUser(),
      createUser({ isAdmin: true }),
      createTag(),
      createTag(),
    ]);
    const r = await selfReportContribution(actorOf(member.id), {
      tagSlug: tag.slug,
      kind: "podcast",
      title: "Podcast episode",
      occurredAt: day("2026-01-10"),
    });
    await expect(
      verifyContribution(actorOf(otherLead.id, { leadTagIds: [other.id] }), { recordId: r.id, decision: "verify" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(verifyContribution(actorOf(member.id), { recordId: r.id, decision: "verify" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const own = await selfReportContribution(actorOf(admin.id, { isAdmin: true }), {
      tagSlug: tag.slug,
      kind: "talk",
      title: "Admin's talk",
      occurredAt: day("2026-01-10"),
    });
    await expect(
      verifyContribution(actorOf(admin.id, { isAdmin: true }), { recordId: own.id, decision: "verify" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.contributionRecord.findUniqueOrThrow({ where: { id: own.id } })).verification).toBe("pending");
    const refusals = await db.auditEvent.findMany({
      where: { subjectId: { in: [r.id, own.id] }, action: "contribution.verify" },
    });
    expect(refusals.length).toBe(3);
  });

  it("refuses a date in the future and an unknown TAG", async () => {
    const member = await createUser();
    const tag = await createTag();
    const future = new Date(Date.now() + 3 * DAY);
    await expect(
      selfReportContribution(actorOf(member.id), {
        tagSlug: tag.slug,
        kind: "talk",
        title: "Later talk",
        occurredAt: future,
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      selfReportContribution(actorOf(member.id), {
        tagSlug: "no-such-tag",
        kind: "talk",
        title: "Talk",
        occurredAt: day("2026-01-01"),
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      selfReportContribution(null, { tagSlug: tag.slug, kind: "talk", title: "Talk", occurredAt: day("2026-01-01") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
