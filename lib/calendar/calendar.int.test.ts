import { describe, expect, it } from "vitest";
import { GET } from "@/app/me/calendar/[file]/route";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { insertClaim, insertItem, createUser } from "@/tests/factories";
import { code, createSeat, tagWithLead } from "@/tests/fixtures";
import { electionWorld } from "@/tests/election-world";
import { DAY } from "@/lib/vocabulary";
import { resetCalendarToken } from "./tokens";

/** Fetches a calendar link as a calendar app does: no session, just the URL. */
async function fetchCalendar(url: string) {
  const file = new URL(url).pathname.split("/").pop()!;
  return GET(new Request(url), { params: Promise.resolve({ file }) });
}

/** The feed's events as { UID: block } (lines unfolded first, as RFC 5545 readers do). */
function eventsOf(ics: string): Map<string, string> {
  const unfolded = ics.replace(/\r\n[ \t]/g, "");
  const events = new Map<string, string>();
  for (const block of unfolded.split("BEGIN:VEVENT").slice(1)) events.set(/\r\nUID:(.+)\r\n/.exec(block)![1]!, block);
  return events;
}

describe("personal calendar feed", () => {
  it("holds the person's own due dates, check-ins and elections they may vote in, and nothing of anyone else", async () => {
    const { tag } = await tagWithLead();
    const me = await createUser();
    const other = await createUser();
    const due = new Date(Date.UTC(2031, 2, 14, 16, 30));
    const mine = await insertItem(tag.id, { title: `A long title to fold ${"x".repeat(80)}`, dueAt: due });
    const mineClaim = await insertClaim(mine.id, me.id, "accepted");
    const theirs = await insertItem(tag.id, { title: "Someone else's work", dueAt: due });
    await insertClaim(theirs.id, other.id, "accepted");
    const withdrawn = await insertItem(tag.id, { title: "Work I gave back", dueAt: due });
    await insertClaim(withdrawn.id, me.id, "withdrawn");
    const seat = await createSeat(tag.id, me.id, "tag_ambassador");
    const created = new Date(Date.UTC(2031, 0, 1, 9));
    const liaison = await db.liaison.create({
      data: { assignmentId: seat.id, foundation: "OpenSSF", cadenceDays: 30, createdAt: created },
    });
    // An election in voting whose roll holds me, and one where I am not on the roll.
    const w = await electionWorld({ voters: 1, candidates: 1 });
    await w.open();
    await w.startVoting();
    await db.electionVoter.create({ data: { electionId: w.electionId, userId: me.id, source: "exception" } });
    const notMine = await electionWorld({ voters: 1, candidates: 1 });
    await notMine.open();
    await notMine.startVoting();

    const { url } = await resetCalendarToken(await loadActor(me.id));
    expect(url).toMatch(/\/me\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await fetchCalendar(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const ics = await res.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    // Every line ends in CRLF and none is longer than 75 octets (long ones are folded).
    expect(ics.split("\r\n").every((l) => Buffer.byteLength(l) <= 75 && !l.includes("\n"))).toBe(true);
    const events = eventsOf(ics);
    const claimEvent = events.get(`claim-${mineClaim.id}-due@tag-portal`)!;
    expect(claimEvent).toContain("DTSTART;VALUE=DATE:20310314");
    expect(claimEvent).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    expect(claimEvent).toContain(`SUMMARY:Due: ${mine.title}`);
    const checkIn = events.get(`liaison-${liaison.id}-check-in@tag-portal`)!;
    expect(checkIn).toContain(
      `DTSTART;VALUE=DATE:${new Date(created.getTime() + 30 * DAY).toISOString().slice(0, 10).replaceAll("-", "")}`,
    );
    expect(checkIn).toContain("SUMMARY:Liaison check-in due: OpenSSF");
    expect(events.get(`${w.electionId}-voting@tag-portal`)).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect([...events.keys()].sort()).toEqual(
      [
        `claim-${mineClaim.id}-due@tag-portal`,
        `liaison-${liaison.id}-check-in@tag-portal`,
        `${w.electionId}-nominations@tag-portal`,
        `${w.electionId}-voting@tag-portal`,
        `${w.electionId}-terms@tag-portal`,
      ].sort(),
    );
    expect(ics).not.toContain("Someone else's work");
    expect(ics).not.toContain("Work I gave back");
    expect(ics).not.toContain(notMine.electionId);
  });

  it("only the hash is stored; a reset revokes the old link (404), as do unknown and malformed tokens", async () => {
    const me = await createUser();
    const actor = await loadActor(me.id);
    const first = (await resetCalendarToken(actor)).url;
    const token = first.split("/").pop()!.replace(".ics", "");
    const row = await db.calendarToken.findUniqueOrThrow({ where: { userId: me.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(await db.auditEvent.findMany({ where: { actorId: me.id } }))).not.toContain(token);
    expect((await fetchCalendar(first)).status).toBe(200);
    const second = (await resetCalendarToken(actor)).url;
    expect(second).not.toBe(first);
    expect((await fetchCalendar(first)).status).toBe(404);
    expect((await fetchCalendar(second)).status).toBe(200);
    expect((await fetchCalendar(second.replace(".ics", ""))).status).toBe(404);
    expect((await fetchCalendar(first.replace(/[^/]+\.ics$/, `${"A".repeat(43)}.ics`))).status).toBe(404);
    expect(await db.auditEvent.count({ where: { actorId: me.id, action: "calendar.reset" } })).toBe(2);
    // Signed out, nobody makes a link; a deleted account's link answers 404.
    expect(await code(resetCalendarToken(null))).toBe("FORBIDDEN");
    await db.user.update({ where: { id: me.id }, data: { deletedAt: new Date() } });
    expect((await fetchCalendar(second)).status).toBe(404);
  });
});
