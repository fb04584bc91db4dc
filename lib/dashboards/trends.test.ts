import { describe, expect, it } from "vitest";
import {
  electionTurnout,
  helpWantedByMonth,
  leadershipByQuarter,
  median,
  type ClaimRow,
  type SeatSpan,
} from "./trends";
import { monthsUpTo, quartersUpTo } from "@/lib/vocabulary";

const d = (s: string) => new Date(`${s}T12:00:00Z`);
const AT = d("2026-12-05");

describe("periods", () => {
  it("counts quarters and months back from the one holding the date, across a year", () => {
    expect(quartersUpTo(d("2026-02-10"), 3).map((q) => q.key)).toEqual(["2025-Q3", "2025-Q4", "2026-Q1"]);
    const q = quartersUpTo(AT, 1)[0]!;
    expect([q.start.toISOString(), q.end.toISOString(), q.label]).toEqual([
      "2026-10-01T00:00:00.000Z",
      "2027-01-01T00:00:00.000Z",
      "2026 Q4",
    ]);
    expect(monthsUpTo(d("2026-01-31"), 2).map((m) => [m.key, m.label])).toEqual([
      ["2025-12", "Dec 2025"],
      ["2026-01", "Jan 2026"],
    ]);
  });

  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe("leadershipByQuarter", () => {
  const seat = (userId: string, start: string | null, end: string | null, region: SeatSpan["regionAtStart"]) => ({
    userId,
    startAt: start ? d(start) : null,
    endedAt: end ? d(end) : null,
    regionAtStart: region,
  });
  const quarters = quartersUpTo(AT, 3); // 2026 Q2, Q3, Q4

  it("counts starts, ends and holders with their region at each quarter's end", () => {
    const seats = [
      seat("a", "2025-06-01", null, "EMEA"),
      seat("b", "2026-05-01", "2026-08-15", "APAC"),
      seat("c", "2026-08-20", null, null),
      seat("d", null, null, "Americas"), // never started: never held
    ];
    const rows = leadershipByQuarter(seats, [], quarters, AT);
    expect(rows.map((r) => [r.quarter, r.started, r.ended, r.held])).toEqual([
      ["2026-Q2", 1, 0, 2],
      ["2026-Q3", 1, 1, 2],
      ["2026-Q4", 0, 0, 2],
    ]);
    expect(rows[0]!.byRegion).toEqual({ APAC: 1, EMEA: 1, Americas: 0, unknown: 0 });
    expect(rows[1]!.byRegion).toEqual({ APAC: 0, EMEA: 1, Americas: 0, unknown: 1 });
  });

  it("does not count an end scheduled after today in the running quarter", () => {
    const rows = leadershipByQuarter([seat("a", "2026-01-01", "2026-12-20", "EMEA")], [], quarters, AT);
    expect(rows[2]).toMatchObject({ ended: 0, held: 1 });
  });

  it("takes each holder's employer at the quarter's end and names the largest", () => {
    const seats = [
      seat("a", "2026-01-01", null, "EMEA"),
      seat("b", "2026-01-01", null, "APAC"),
      seat("c", "2026-01-01", null, "APAC"),
    ];
    const employers = [
      { userId: "a", employer: "Acme", from: d("2020-01-01"), to: d("2026-07-01") },
      { userId: "a", employer: "Globex", from: d("2026-07-01"), to: null },
      { userId: "b", employer: "Acme", from: d("2021-01-01"), to: null },
      { userId: "c", employer: "globex ", from: d("2026-10-10"), to: null },
      { userId: "c", employer: "Independent", from: d("2026-01-01"), to: d("2026-10-10") },
    ];
    const rows = leadershipByQuarter(seats, employers, quarters, AT);
    expect(rows.map((r) => [r.employers, r.largestEmployer])).toEqual([
      [1, { name: "Acme", seats: 2 }],
      [2, { name: "Acme", seats: 1 }], // a tie goes to the first name, so the chart does not flicker
      [2, { name: "Globex", seats: 2 }],
    ]);
  });
});

describe("helpWantedByMonth", () => {
  const claim = (created: string, over: Partial<ClaimRow> = {}): ClaimRow => ({
    createdAt: d(created),
    acceptedAt: null,
    completedAt: null,
    invited: false,
    ...over,
  });
  const months = monthsUpTo(AT, 3); // Oct, Nov, Dec 2026

  it("counts opened items, accepted and completed claims per month", () => {
    const items = [
      {
        createdAt: d("2026-10-01"),
        claims: [claim("2026-10-03", { acceptedAt: d("2026-10-04"), completedAt: d("2026-11-20") })],
      },
      { createdAt: d("2026-11-02"), claims: [claim("2026-11-05", { acceptedAt: d("2026-11-06") })] },
      { createdAt: d("2026-09-30"), claims: [claim("2026-12-01")] },
    ];
    expect(helpWantedByMonth(items, months).map((m) => [m.month, m.opened, m.claimed, m.done])).toEqual([
      ["2026-10", 1, 1, 0],
      ["2026-11", 1, 1, 1],
      ["2026-12", 0, 0, 0],
    ]);
  });

  it("measures the wait to the first volunteer in the month that volunteer came, ignoring invitations", () => {
    const items = [
      { createdAt: d("2026-10-01"), claims: [claim("2026-10-05"), claim("2026-10-02", { invited: true })] },
      { createdAt: d("2026-10-10"), claims: [claim("2026-10-11"), claim("2026-10-30")] },
      { createdAt: d("2026-10-20"), claims: [claim("2026-11-09")] },
      { createdAt: d("2026-11-01"), claims: [claim("2026-11-02", { invited: true })] },
    ];
    expect(helpWantedByMonth(items, months).map((m) => m.medianDaysToFirstVolunteer)).toEqual([2.5, 20, null]);
  });
});

describe("electionTurnout", () => {
  it("gives the share of eligible voters who voted, oldest first, leaving out elections not counted", () => {
    const rows = electionTurnout([
      { title: "Later", votingCloseAt: d("2026-09-01"), eligibleCount: 3, participationCount: 2 },
      { title: "Earlier", votingCloseAt: d("2026-03-01"), eligibleCount: 40, participationCount: 10 },
      { title: "Not counted", votingCloseAt: d("2026-01-01"), eligibleCount: null, participationCount: null },
      { title: "Empty roll", votingCloseAt: d("2026-02-01"), eligibleCount: 0, participationCount: 0 },
    ]);
    expect(rows.map((r) => [r.title, r.voted, r.eligible, r.percent])).toEqual([
      ["Earlier", 10, 40, 25],
      ["Later", 2, 3, 67],
    ]);
  });
});
