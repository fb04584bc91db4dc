import { describe, expect, it } from "vitest";
import { buildElectionCalendar, type CalendarElection } from "./calendar";

const election = (over: Partial<CalendarElection> = {}): CalendarElection => ({
  id: "0b7e0c52-1f7a-4d0e-9b7c-2d6f3c1a9e11",
  title: "2026 Tech Lead election",
  phase: "nominations",
  nominationsOpenAt: new Date("2026-03-01T09:00:00Z"),
  nominationsCloseAt: new Date("2026-03-15T09:00:00Z"),
  votingOpenAt: new Date("2026-03-16T09:00:00Z"),
  votingCloseAt: new Date("2026-03-30T17:00:00Z"),
  cycleDate: new Date("2026-04-01T00:00:00Z"),
  updatedAt: new Date("2026-02-20T08:00:00Z"),
  ...over,
});

describe("the elections calendar feed", () => {
  it("has one event per phase with stable ids, UTC times and links; drafts are left out", () => {
    const raw = buildElectionCalendar(
      { slug: "security-and-compliance", name: "TAG Security and Compliance" },
      [election(), election({ id: "draft-id", phase: "draft", title: "Not yet" })],
      "https://portal.example.org/",
    );
    expect(raw.split("\r\n").every((line) => line.length <= 75)).toBe(true);
    // RFC 5545 folds long lines (CRLF and a space); read them unfolded.
    const text = raw.replace(/\r\n /g, "");
    expect(raw.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).not.toContain("Not yet");
    for (const line of [
      "X-WR-CALNAME:TAG Security and Compliance elections",
      "UID:0b7e0c52-1f7a-4d0e-9b7c-2d6f3c1a9e11-voting@tag-portal",
      "DTSTART:20260316T090000Z",
      "DTEND:20260330T170000Z",
      "DTSTART;VALUE=DATE:20260401",
      "URL;VALUE=URI:https://portal.example.org/elections/0b7e0c52-1f7a-4d0e-9b7c-2d6f3c1a9e11",
      "DTSTAMP:20260220T080000Z",
    ])
      expect(text).toContain(line);
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(3);
    expect(text.match(/^SUMMARY:.*$/gm)?.map((l) => l.slice(8).trimEnd())).toEqual([
      "Nominations: 2026 Tech Lead election",
      "Voting: 2026 Tech Lead election",
      "New terms begin: 2026 Tech Lead election",
    ]);
  });

  it("is the same text for the same data (stamps come from the data, not the wall clock)", () => {
    const a = buildElectionCalendar({ slug: "x", name: "TAG X" }, [election()], "http://localhost:3000");
    const b = buildElectionCalendar({ slug: "x", name: "TAG X" }, [election()], "http://localhost:3000");
    expect(a).toBe(b);
  });
});
