import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { loadActor } from "@/lib/auth/actor";
import { groupOf } from "@/lib/notify/preferences";
import { NOTIFICATION_GROUPS } from "@/lib/notify/schemas";
import { createUser, insertRecord } from "@/tests/factories";
import { code, createSeat, tagWithLead } from "@/tests/fixtures";
import { currentQuarter, holderReportsOfTag, postHolderReport, remindHolderReports } from "./holder-reports";

/** A role of the TAG (with or without deliverables) and an active seat of it for a new person. */
async function seatOf(tagId: string, deliverables: string) {
  const at = await now();
  const def = await db.roleDefinition.create({
    data: {
      tagId,
      roleKey: crypto.randomUUID(),
      version: 1,
      name: deliverables ? "TAG Ambassador" : "Advisor",
      kind: "tag_ambassador",
      deliverables,
      createdAt: at,
    },
  });
  const user = await createUser();
  const seat = await db.roleAssignment.update({
    where: { id: (await createSeat(tagId, user.id, "tag_ambassador", { requestedAt: at })).id },
    data: { roleDefinitionId: def.id },
  });
  return { user, seat, actor: (await loadActor(user.id))! };
}

async function world() {
  const { tag, leadActor } = await tagWithLead();
  const a = await seatOf(tag.id, "One talk and one liaison check-in a quarter");
  const b = await seatOf(tag.id, "Review two assessments a quarter");
  const c = await seatOf(tag.id, ""); // a role without deliverables: never asked to report
  return { tag, leadActor, a, b, c };
}

const BODY = "Gave the talk at KubeCon; the liaison check-in is done.";

describe("holders' quarterly reports", () => {
  it("shows the leads who has reported this quarter and who has not", async () => {
    const { tag, leadActor, a, b, c } = await world();
    const talk = await insertRecord(a.user.id, tag.id, "talk", await now(), {
      source: "self_reported",
      title: "KubeCon talk",
    });

    const posted = await postHolderReport(a.actor, {
      assignmentId: a.seat.id,
      body: BODY,
      links: [`contribution:${talk.id}`],
    });
    expect(posted).toMatchObject({ quarter: currentQuarter(await now()).key, updated: false });

    const status = await holderReportsOfTag(leadActor, tag.id);
    expect(status.missing.map((s) => s.id)).toEqual([b.seat.id]);
    expect(status.reported.map((r) => [r.seat.id, r.report.body])).toEqual([[a.seat.id, BODY]]);
    expect(status.reported[0]!.report.links).toEqual([
      expect.objectContaining({ key: `contribution:${talk.id}`, label: expect.stringContaining("KubeCon talk") }),
    ]);
    expect([...status.missing, ...status.reported.map((r) => r.seat)].some((s) => s.id === c.seat.id)).toBe(false);
    // The seat holder is not a lead: the list is the leads'.
    expect(await code(holderReportsOfTag(b.actor, tag.id))).toBe("FORBIDDEN");

    // Posting again within the quarter rewrites the one report, and the change is audited.
    const again = await postHolderReport(a.actor, {
      assignmentId: a.seat.id,
      body: `${BODY} Also a blog post.`,
      links: [],
    });
    expect(again.updated).toBe(true);
    const rows = await db.holderReport.findMany({ where: { assignmentId: a.seat.id } });
    expect(rows.map((r) => [r.body, r.links])).toEqual([[`${BODY} Also a blog post.`, []]]);
    expect(await db.auditEvent.count({ where: { action: "holder-report.post", subjectId: rows[0]!.id } })).toBe(2);
  });

  it("refuses another person's seat, a seat whose role names no deliverables, and links that are not the holder's", async () => {
    const { tag, a, b, c } = await world();
    expect(await code(postHolderReport(b.actor, { assignmentId: a.seat.id, body: BODY, links: [] }))).toBe("FORBIDDEN");
    expect(await code(postHolderReport(c.actor, { assignmentId: c.seat.id, body: BODY, links: [] }))).toBe("CONFLICT");
    const others = await insertRecord(b.user.id, tag.id, "review", await now());
    expect(
      await code(
        postHolderReport(a.actor, { assignmentId: a.seat.id, body: BODY, links: [`contribution:${others.id}`] }),
      ),
    ).toBe("INVALID");
    expect(await db.holderReport.count({ where: { tagId: tag.id } })).toBe(0);
  });

  it("reminds holders who have not reported near the quarter's end, once per seat and quarter", async () => {
    const { a, b, c } = await world();
    await postHolderReport(a.actor, { assignmentId: a.seat.id, body: BODY, links: [] });
    const q = currentQuarter(await now());
    const reminders = (userId: string) => db.notification.findMany({ where: { userId, kind: "roster.report-due" } });

    // Three weeks before the end: too early.
    await remindHolderReports(new Date(q.end.getTime() - 21 * 86_400_000));
    expect(await reminders(b.user.id)).toHaveLength(0);

    const late = new Date(q.end.getTime() - 10 * 86_400_000);
    expect(await remindHolderReports(late)).toBeGreaterThanOrEqual(1);
    expect(await remindHolderReports(late)).toBe(0);
    expect(await remindHolderReports(new Date(late.getTime() + 86_400_000))).toBe(0);
    const sent = await reminders(b.user.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.link).toBe("/me/reports");
    expect(await reminders(a.user.id)).toHaveLength(0);
    expect(await reminders(c.user.id)).toHaveLength(0);
    // The kind belongs to a group a person can set in their notification preferences.
    expect(NOTIFICATION_GROUPS).toContain(groupOf("roster.report-due"));
  });
});
