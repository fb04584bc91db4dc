import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { loadActor } from "@/lib/auth/actor";
import { getTagTrends } from "@/lib/dashboards/queries";
import { createUser, insertClaim, insertItem } from "@/tests/factories";
import { code, tagWithLead } from "@/tests/fixtures";
import { DAY } from "@/lib/vocabulary";
import { saveTagReportDraft } from "./drafts";
import { getTagReport } from "./load";
import { reportPeriodsAt } from "./report";

describe("TAG reports", () => {
  it("draws the same figures as the TAG's dashboard trends, for this quarter and the last", async () => {
    const { tag, lead, leadActor } = await tagWithLead();
    const at = await now();
    const ago = (days: number) => new Date(at.getTime() - days * DAY);
    // A tech lead who left two months ago, items and claims over the last five months, a counted election.
    const former = await createUser();
    await db.roleAssignment.create({
      data: {
        tagId: tag.id,
        userId: former.id,
        kind: "tech_lead",
        status: "ended",
        requestedAt: ago(400),
        startAt: ago(400),
        endedAt: ago(60),
      },
    });
    await db.user.update({ where: { id: lead.id }, data: { employer: "Acme" } });
    const volunteer = await createUser();
    for (const [posted, came, done] of [
      [150, 146, 100],
      [95, 85, null],
      [40, 39, 10],
      [12, 3, null],
      [2, null, null],
    ] as const) {
      const item = await insertItem(tag.id, { createdAt: ago(posted) });
      if (came !== null)
        await insertClaim(item.id, volunteer.id, done === null ? "accepted" : "completed", {
          createdAt: ago(came),
          decidedAt: ago(came - 1),
          completedAt: done === null ? null : ago(done),
        });
    }
    await db.election.create({
      data: {
        tagId: tag.id,
        roleKey: crypto.randomUUID(),
        title: "Tech Leads",
        phase: "published",
        cycleDate: ago(70),
        seatsByRegion: { any: 1 },
        nominationsOpenAt: ago(100),
        nominationsCloseAt: ago(90),
        votingOpenAt: ago(80),
        votingCloseAt: ago(70),
        eligibleCount: 9,
        participationCount: 6,
        createdAt: ago(100),
        updatedAt: ago(70),
      },
    });

    const trends = (await getTagTrends(leadActor, tag.slug))!;
    const [thisQuarter, lastQuarter] = reportPeriodsAt(at);
    let checked = 0;
    for (const period of [thisQuarter!, lastQuarter!]) {
      const report = (await getTagReport(leadActor, tag.slug, period.key))!;
      const f = report.facts;
      expect(f.leadership).toEqual(trends.leadership.filter((q) => q.quarter === period.key));
      const months = new Set(f.helpWanted.months.map((m) => m.month));
      expect(f.helpWanted.months).toEqual(trends.helpWanted.filter((m) => months.has(m.month)));
      expect(f.elections).toEqual(trends.turnout.filter((e) => e.closedAt >= period.start && e.closedAt < period.end));
      // And the markdown carries them: each month's row as the dashboard counts it.
      for (const m of f.helpWanted.months)
        expect(report.markdown).toContain(`| ${m.label} | ${m.opened} | ${m.claimed} | ${m.done} |`);
      checked += f.helpWanted.months.reduce((n, m) => n + m.opened + m.claimed + m.done, 0);
    }
    // The data reached the two quarters (a comparison of empty series would prove nothing).
    expect(checked).toBeGreaterThan(2);
  });

  it("lets a lead save the narrative, refuses a stale editor and other people, and audits each save", async () => {
    const { tag, leadActor } = await tagWithLead();
    const toc = (await loadActor((await createUser({ isTocMember: true })).id))!;
    const member = (await loadActor((await createUser()).id))!;
    const period = reportPeriodsAt(await now())[1]!.key;
    const draft = { tagId: tag.id, period, summary: "  We published the **supply-chain paper**.  " };

    expect(await saveTagReportDraft(leadActor, { ...draft, version: 0 })).toMatchObject({ period, version: 1 });
    const report = (await getTagReport(toc, tag.slug, period))!;
    expect(report.version).toBe(1);
    expect(report.narrative).toEqual({ summary: "We published the **supply-chain paper**." });
    expect(report.markdown).toContain("## Summary\n\nWe published the **supply-chain paper**.\n");

    // Another lead's editor still showing version 0 does not overwrite version 1.
    expect(await code(saveTagReportDraft(leadActor, { ...draft, summary: "Older text", version: 0 }))).toBe("CONFLICT");
    expect(await saveTagReportDraft(leadActor, { ...draft, asks: "A TOC sponsor", version: 1 })).toMatchObject({
      version: 2,
    });
    // The TOC reads reports but writes none; a member neither.
    expect(await code(saveTagReportDraft(toc, { ...draft, version: 2 }))).toBe("FORBIDDEN");
    expect(await code(saveTagReportDraft(member, { ...draft, version: 2 }))).toBe("FORBIDDEN");
    expect(await code(getTagReport(member, tag.slug, period))).toBe("FORBIDDEN");

    const audit = await db.auditEvent.findMany({
      where: { action: "tag-report.write", tagId: tag.id },
      orderBy: { at: "asc" },
    });
    // Saves carry what changed; the two refusals are recorded too, without a change.
    const saves = audit.flatMap((e) => (e.after ? [(e.after as { version: number }).version] : []));
    expect([saves, audit.length]).toEqual([[1, 2], 4]);
    expect((await getTagReport(leadActor, tag.slug, period))!.narrative).toEqual({
      summary: "We published the **supply-chain paper**.",
      asks: "A TOC sponsor",
    });
  });
});
