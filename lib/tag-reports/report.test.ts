import { describe, expect, it } from "vitest";
import { DAY } from "@/lib/vocabulary";
import { parseReportPeriod, renderTagReport, reportFacts, reportPeriodsAt, type ReportRows } from "./report";

const AT = new Date("2026-11-15T12:00:00Z");
const d = (iso: string) => new Date(`${iso}T12:00:00Z`);
const Q3 = parseReportPeriod("2026-Q3")!;
const TAG = { name: "TAG Security", slug: "security" };

/** A quarter of a TAG: a chair all along, a tech lead who left in August, one who joined in September. */
const rows: ReportRows = {
  seats: [
    { userId: "u1", login: "chair-a", kind: "chair", startAt: d("2024-01-10"), endedAt: null, regionAtStart: "EMEA" },
    {
      userId: "u2",
      login: "lead-b",
      kind: "tech_lead",
      startAt: d("2025-02-01"),
      endedAt: d("2026-08-20"),
      regionAtStart: "APAC",
    },
    { userId: "u3", login: "lead-c", kind: "tech_lead", startAt: d("2026-09-03"), endedAt: null, regionAtStart: null },
  ],
  employers: [
    { userId: "u1", employer: "Acme", from: new Date(0), to: null },
    { userId: "u3", employer: "acme", from: new Date(0), to: null },
  ],
  items: [
    // Posted in July, a volunteer 4 days later, accepted, completed in September.
    {
      createdAt: d("2026-07-01"),
      claims: [
        { createdAt: d("2026-07-05"), acceptedAt: d("2026-07-06"), completedAt: d("2026-09-10"), invited: false },
      ],
    },
    // Posted in August: an invitation (not a volunteer), then a volunteer after 10 days.
    {
      createdAt: d("2026-08-01"),
      claims: [
        { createdAt: d("2026-08-02"), acceptedAt: null, completedAt: null, invited: true },
        { createdAt: d("2026-08-11"), acceptedAt: d("2026-08-12"), completedAt: null, invited: false },
      ],
    },
    // Posted in October: outside the quarter.
    { createdAt: d("2026-10-02"), claims: [] },
  ],
  elections: [
    { title: "Tech Leads 2026", votingCloseAt: d("2026-09-20"), eligibleCount: 8, participationCount: 6 },
    { title: "Chairs 2025", votingCloseAt: d("2025-09-20"), eligibleCount: 10, participationCount: 5 },
  ],
  initiatives: [{ name: "Supply chain | paper", state: "In progress", checkIns: 2, itemsDone: 1 }],
  liaisons: [{ login: "amb-d", target: "Falco", checkIns: 1, health: "Fine", overdue: false }],
  holderReports: { expected: 3, filed: 2 },
};

describe("report periods", () => {
  it("reads quarters and years, and refuses anything else", () => {
    expect(Q3).toMatchObject({ kind: "quarter", key: "2026-Q3", label: "2026 Q3" });
    expect([Q3.start.toISOString(), Q3.end.toISOString()]).toEqual([
      "2026-07-01T00:00:00.000Z",
      "2026-10-01T00:00:00.000Z",
    ]);
    expect(parseReportPeriod("2025")).toMatchObject({ kind: "year", start: new Date("2025-01-01T00:00:00Z") });
    for (const bad of ["2026-Q5", "2026-Q0", "26", "2026-q3", "2026-Q3.md", "1999"])
      expect(parseReportPeriod(bad)).toBeNull();
  });

  it("offers this quarter first, the four before it, then this year and the last", () => {
    expect(reportPeriodsAt(AT).map((p) => p.key)).toEqual([
      "2026-Q4",
      "2026-Q3",
      "2026-Q2",
      "2026-Q1",
      "2025-Q4",
      "2026",
      "2025",
    ]);
  });
});

describe("reportFacts", () => {
  it("counts a quarter with the trend functions: seats, help-wanted flow and waits, elections in the period", () => {
    const f = reportFacts(TAG, Q3, rows, AT);
    expect(f.leadership).toHaveLength(1);
    expect(f.leadership[0]).toMatchObject({ quarter: "2026-Q3", held: 2, started: 1, ended: 1 });
    // "Acme" and "acme" are one employer, named as first written.
    expect(f.leadership[0]!.largestEmployer).toEqual({ name: "Acme", seats: 2 });
    expect(f.seatChanges.map((c) => [c.login, c.change, c.role])).toEqual([
      ["lead-b", "ended", "Tech Lead"],
      ["lead-c", "started", "Tech Lead"],
    ]);
    expect(f.helpWanted.months.map((m) => [m.month, m.opened, m.claimed, m.done])).toEqual([
      ["2026-07", 1, 1, 0],
      ["2026-08", 1, 1, 0],
      ["2026-09", 0, 0, 1],
    ]);
    // The quarter as a whole: waits of 4 and 10 days (the invitation is not a volunteer).
    expect(f.helpWanted.total).toMatchObject({ opened: 2, claimed: 2, done: 1, medianDaysToFirstVolunteer: 7 });
    expect(f.elections.map((e) => [e.title, e.percent])).toEqual([["Tech Leads 2026", 75]]);
  });

  it("counts nothing after `at` in the period still running", () => {
    const early = new Date(d("2026-08-15").getTime() + DAY / 4);
    const f = reportFacts(TAG, Q3, rows, early);
    expect(f.seatChanges).toEqual([]);
    expect(f.elections).toEqual([]);
    expect(f.leadership[0]).toMatchObject({ held: 2, started: 0, ended: 0 });
  });

  it("spans four quarters and twelve months in a year", () => {
    const f = reportFacts(TAG, parseReportPeriod("2026")!, rows, AT);
    expect(f.leadership.map((q) => q.quarter)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(f.helpWanted.months).toHaveLength(12);
    expect(f.helpWanted.total.opened).toBe(3);
  });
});

describe("renderTagReport", () => {
  const facts = reportFacts(TAG, Q3, rows, AT);

  it("puts the leads' narrative around the figures, in markdown", () => {
    const md = renderTagReport(facts, { summary: "We shipped the **paper**.", asks: "A reviewer from the TOC." });
    expect(md.startsWith("# TAG Security: Quarterly report 2026 Q3\n")).toBe(true);
    expect(md).toContain("_Figures from TAG Portal for 2026-07-01 to 2026-09-30 (UTC), as of 2026-11-15._");
    expect(md).toContain("## Summary\n\nWe shipped the **paper**.");
    expect(md).toContain("## Highlights\n\n_Not written yet._");
    expect(md).toContain("## Asks of the TOC\n\nA reviewer from the TOC.");
    // Sections in the order of the Kubernetes SIG reports: narrative, figures, then what comes next.
    const order = ["## Summary", "## Leadership", "## Help wanted", "## Initiatives", "## Liaisons", "## Elections"];
    const at = order.map((h) => md.indexOf(h));
    expect(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]!))).toBe(true);
    expect(md.indexOf("## Plans for the next period")).toBeGreaterThan(md.indexOf("## Elections"));
  });

  it.each([
    "| 2026 Q3 | 2 | 1 | 1 | 0 | 1 | 0 | 1 | Acme (2) |",
    "- 2026-08-20: @lead-b ended as Tech Lead\n- 2026-09-03: @lead-c started as Tech Lead",
    "| Jul 2026 | 1 | 1 | 0 | 4 |",
    "| Sept 2026 | 0 | 0 | 1 | — |",
    "| **2026 Q3** | 2 | 2 | 1 | 7 |",
    "| Tech Leads 2026 | 2026-09-20 | 8 | 6 | 75% |",
    "| @amb-d | Falco | 1 | Fine | no |",
    "2 of 3 seats expected to report posted a quarterly report.",
  ])("writes each figure into its table row: %s", (line) => {
    expect(renderTagReport(facts, {})).toContain(line);
  });

  it("keeps a pipe in a name inside its cell", () => {
    expect(renderTagReport(facts, {})).toContain("| Supply chain \\| paper | In progress | 2 | 1 |");
  });

  it("says so when a period has nothing to show", () => {
    const empty = reportFacts(TAG, parseReportPeriod("2023-Q4")!, { ...rows, initiatives: [], liaisons: [] }, AT);
    const md = renderTagReport({ ...empty, holderReports: null }, {});
    expect(md).toContain("_No chair or tech-lead seat started or ended in this period._");
    expect(md).toContain("_No initiatives._");
    expect(md).toContain("_No election was counted in this period._");
    expect(md).not.toContain("Seat holders' reports");
  });
});
