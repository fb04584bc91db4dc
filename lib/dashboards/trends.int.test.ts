import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTag, createUser, insertClaim, insertItem } from "@/tests/factories";
import { DAY } from "@/lib/vocabulary";
import { loadActor } from "@/lib/auth/actor";
import { code } from "@/tests/fixtures";
import { loadTrends, TREND_MONTHS, TREND_QUARTERS } from "./trends-load";
import { getTagTrends, getTocTrends } from "./queries";

// Mid-quarter and mid-month, so "a month ago" and "a quarter ago" fall in the previous period.
const AT = new Date("2026-11-15T12:00:00Z");
const ago = (days: number) => new Date(AT.getTime() - days * DAY);

async function leader(
  tagId: string,
  kind: "chair" | "tech_lead" | "tag_ambassador",
  over: { employer?: string; region?: "APAC" | "EMEA"; start: Date; end?: Date },
) {
  const u = await createUser();
  if (over.employer) await db.user.update({ where: { id: u.id }, data: { employer: over.employer } });
  await db.roleAssignment.create({
    data: {
      tagId,
      userId: u.id,
      kind,
      status: over.end ? "ended" : "active",
      requestedAt: over.start,
      startAt: over.start,
      endedAt: over.end ?? null,
      regionAtStart: over.region ?? null,
    },
  });
  return u;
}

function election(tagId: string, title: string, closed: Date, eligible: number | null, voted: number | null) {
  return db.election.create({
    data: {
      tagId,
      roleKey: crypto.randomUUID(),
      title,
      phase: eligible === null ? "voting" : "published",
      cycleDate: closed,
      seatsByRegion: { any: 1 },
      nominationsOpenAt: ago(200),
      nominationsCloseAt: ago(190),
      votingOpenAt: ago(180),
      votingCloseAt: closed,
      eligibleCount: eligible,
      participationCount: voted,
      createdAt: ago(200),
      updatedAt: ago(10),
    },
  });
}

describe("loadTrends", () => {
  it("builds each series from a TAG's seat history, items and claims, and counted elections", async () => {
    const tag = await createTag();
    const other = await createTag();
    // Seat history: a chair since long ago (employer from the profile, no history rows), a tech
    // lead who left last quarter, one who joined this quarter with a recorded employer change.
    await leader(tag.id, "chair", { employer: "Acme", region: "EMEA", start: ago(900) });
    await leader(tag.id, "tech_lead", { employer: "Acme", region: "APAC", start: ago(400), end: ago(60) });
    const moved = await leader(tag.id, "tech_lead", { start: ago(20) });
    await db.employerHistory.createMany({
      data: [
        { userId: moved.id, employer: "Acme", from: ago(300), to: ago(10) },
        { userId: moved.id, employer: "Globex", from: ago(10) },
      ],
    });
    await leader(tag.id, "tag_ambassador", { employer: "Initech", start: ago(20) }); // not leadership
    await leader(other.id, "chair", { employer: "Other", start: ago(20) }); // another TAG

    // Help wanted: last month an item found a volunteer after 4 days, accepted then completed this month.
    const person = await createUser();
    const a = await insertItem(tag.id, { createdAt: ago(40) });
    await insertClaim(a.id, person.id, "completed", {
      createdAt: ago(36),
      decidedAt: ago(35),
      completedAt: ago(5),
    });
    const b = await insertItem(tag.id, { createdAt: ago(3) });
    await insertClaim(b.id, person.id, "invited", { createdAt: ago(2), invitedById: person.id });
    await insertItem(other.id, { createdAt: ago(3) });

    await election(tag.id, "Tech Leads 2026", ago(30), 8, 6);
    await election(tag.id, "Still voting", ago(1), null, null);
    await election(other.id, "Elsewhere", ago(30), 10, 1);

    const t = await loadTrends([tag.id], AT);

    expect(t.leadership).toHaveLength(TREND_QUARTERS);
    const [before, previous, current] = t.leadership.slice(-3);
    expect(before).toMatchObject({ quarter: "2026-Q2", held: 2, started: 0, ended: 0 });
    expect(previous).toMatchObject({ quarter: "2026-Q3", held: 1, started: 0, ended: 1 });
    expect(current).toMatchObject({ quarter: "2026-Q4", held: 2, started: 1, ended: 0 });
    expect(current!.byRegion).toEqual({ APAC: 0, EMEA: 1, Americas: 0, unknown: 1 });
    expect(before!.largestEmployer).toEqual({ name: "Acme", seats: 2 });
    expect([current!.employers, current!.largestEmployer?.seats]).toEqual([2, 1]);

    expect(t.helpWanted).toHaveLength(TREND_MONTHS);
    const [october, november] = t.helpWanted.slice(-2);
    expect(october).toMatchObject({ month: "2026-10", opened: 1, claimed: 1, done: 0, medianDaysToFirstVolunteer: 4 });
    expect(november).toMatchObject({
      month: "2026-11",
      opened: 1,
      claimed: 0,
      done: 1,
      medianDaysToFirstVolunteer: null,
    });

    expect(t.turnout.map((e) => [e.title, e.voted, e.eligible, e.percent])).toEqual([["Tech Leads 2026", 6, 8, 75]]);

    // Several TAGs together: the other TAG's figures join, and elections say whose they are.
    const both = await loadTrends([tag.id, other.id], AT);
    expect(both.leadership.at(-1)).toMatchObject({ held: 3, started: 2 });
    expect(both.helpWanted.at(-1)!.opened).toBe(2);
    expect(new Set(both.turnout.map((e) => e.title))).toEqual(
      new Set([`${other.name}: Elsewhere`, `${tag.name}: Tech Leads 2026`]),
    );
  });

  it("shows a lead the trends of the TAGs they lead and refuses a member", async () => {
    const tag = await createTag();
    const other = await createTag();
    const lead = await leader(tag.id, "chair", { region: "EMEA", start: ago(900) });
    await leader(other.id, "chair", { start: ago(900) });
    const leadActor = (await loadActor(lead.id))!;
    const member = (await loadActor((await createUser()).id))!;

    expect((await getTagTrends(leadActor, tag.slug))?.leadership.at(-1)?.held).toBe(1);
    // Their own TAG only, not the other TAG's chair.
    expect((await getTocTrends(leadActor)).leadership.at(-1)?.held).toBe(1);
    expect(await code(getTagTrends(leadActor, other.slug))).toBe("FORBIDDEN");
    expect(await code(getTocTrends(member))).toBe("FORBIDDEN");
  });
});
