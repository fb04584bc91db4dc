import {
  electionTurnout,
  helpWantedByMonth,
  leadershipByQuarter,
  type EmployerSpan,
  type ElectionRow,
  type HelpWantedMonth,
  type ItemRow,
  type LeadershipQuarter,
  type SeatSpan,
  type Turnout,
} from "@/lib/dashboards/trends";
import { isoDay, monthsUpTo, quartersUpTo, REGIONS, roleName, type Period } from "@/lib/vocabulary";
import { NARRATIVE_SECTIONS, type Narrative } from "./schemas";

/**
 * A TAG's quarterly or annual report (issue 22, point 3), in the spirit of the Kubernetes SIG
 * annual reports: figures drawn from the portal's data by the dashboards' own trend functions
 * (lib/dashboards/trends.ts), so a report and `/toc/<slug>` never disagree, and the narrative the
 * TAG's leads write. Pure: loading lives in ./load.ts.
 */

export interface ReportPeriod extends Period {
  kind: "quarter" | "year";
}

/** "2026-Q3" or "2026" as a period (UTC), or null for anything else. */
export function parseReportPeriod(key: string): ReportPeriod | null {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  if (!m[2]) {
    return {
      kind: "year",
      key,
      label: key,
      start: new Date(Date.UTC(year, 0, 1)),
      end: new Date(Date.UTC(year + 1, 0, 1)),
    };
  }
  const q = quartersUpTo(new Date(Date.UTC(year, (Number(m[2]) - 1) * 3, 1)), 1)[0]!;
  return { ...q, kind: "quarter" };
}

/** The periods a lead may pick at `at`: this quarter and the four before it, this year and the last. */
export function reportPeriodsAt(at: Date): ReportPeriod[] {
  const quarters = quartersUpTo(at, 5)
    .reverse()
    .map((q) => ({ ...q, kind: "quarter" as const }));
  const y = at.getUTCFullYear();
  return [...quarters, parseReportPeriod(String(y))!, parseReportPeriod(String(y - 1))!];
}

/** The quarters and months a period spans, as the trend functions take them. */
export function periodParts(p: ReportPeriod): { quarters: Period[]; months: Period[] } {
  const last = new Date(p.end.getTime() - 1);
  return {
    quarters: quartersUpTo(last, p.kind === "year" ? 4 : 1),
    months: monthsUpTo(last, p.kind === "year" ? 12 : 3),
  };
}

/** Rows as lib/dashboards/trends-load.ts loads them, plus what only a report shows. */
export interface ReportRows {
  seats: readonly (SeatSpan & { kind: string; login: string })[];
  employers: readonly EmployerSpan[];
  items: readonly ItemRow[];
  elections: readonly ElectionRow[];
  initiatives: readonly InitiativeFacts[];
  liaisons: readonly LiaisonFacts[];
  holderReports: { expected: number; filed: number } | null;
}

export interface InitiativeFacts {
  name: string;
  state: string;
  /** Check-ins posted within the period. */
  checkIns: number;
  /** Help-wanted items of the initiative completed (a claim confirmed) within the period. */
  itemsDone: number;
}

export interface LiaisonFacts {
  login: string;
  /** The project or foundation. */
  target: string;
  checkIns: number;
  /** Health given at the period's last check-in (null: no check-in in the period). */
  health: string | null;
  overdue: boolean;
}

export interface SeatChange {
  on: Date;
  login: string;
  role: string;
  change: "started" | "ended";
}

export interface TagReportFacts {
  tag: { name: string; slug: string };
  period: ReportPeriod;
  at: Date;
  leadership: LeadershipQuarter[];
  seatChanges: SeatChange[];
  helpWanted: { months: HelpWantedMonth[]; total: HelpWantedMonth };
  elections: Turnout[];
  initiatives: readonly InitiativeFacts[];
  liaisons: readonly LiaisonFacts[];
  holderReports: { expected: number; filed: number } | null;
}

const upTo = (d: Date | null, p: Period, at: Date) => d !== null && d >= p.start && d < p.end && d <= at;

/** The report's figures from loaded rows, each by the same function as the dashboards' trends. */
export function reportFacts(
  tag: { name: string; slug: string },
  period: ReportPeriod,
  rows: ReportRows,
  at: Date,
): TagReportFacts {
  const { quarters, months } = periodParts(period);
  const seatChanges = rows.seats
    .flatMap((s): SeatChange[] => [
      ...(upTo(s.startAt, period, at)
        ? [{ on: s.startAt!, login: s.login, role: roleName(s.kind), change: "started" as const }]
        : []),
      ...(upTo(s.endedAt, period, at)
        ? [{ on: s.endedAt!, login: s.login, role: roleName(s.kind), change: "ended" as const }]
        : []),
    ])
    .sort((a, b) => a.on.getTime() - b.on.getTime() || a.login.localeCompare(b.login));
  return {
    tag,
    period,
    at,
    leadership: leadershipByQuarter(rows.seats, rows.employers, quarters, at),
    seatChanges,
    helpWanted: {
      months: helpWantedByMonth(rows.items, months),
      total: helpWantedByMonth(rows.items, [period])[0]!,
    },
    elections: electionTurnout(rows.elections.filter((e) => upTo(e.votingCloseAt, period, at))),
    initiatives: rows.initiatives,
    liaisons: rows.liaisons,
    holderReports: rows.holderReports,
  };
}

/** A table cell: one line, no column breaks. */
const cell = (v: string | number | null) =>
  v === null ? "—" : String(v).replaceAll("\\", "\\\\").replaceAll("|", "\\|").replace(/\s+/g, " ").trim() || "—";

function table(header: readonly string[], rows: readonly (string | number | null)[][]): string {
  return [
    `| ${header.map(cell).join(" | ")} |`,
    `|${header.map(() => " --- ").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}

/** Days with at most one decimal, as a reader would say them. */
export const days = (d: number | null) => (d === null ? null : Math.round(d * 10) / 10);

const placeholder = (what: string) => `_${what}_`;

/** The report as markdown: the leads' narrative around the figures. Same facts and narrative, same text. */
export function renderTagReport(facts: TagReportFacts, narrative: Narrative): string {
  const { tag, period, helpWanted: hw } = facts;
  const kind = period.kind === "year" ? "Annual report" : "Quarterly report";
  const text = (key: keyof Narrative) => narrative[key]?.trim() || placeholder("Not written yet.");
  const section = (key: keyof Narrative) => `## ${NARRATIVE_SECTIONS[key].title}\n\n${text(key)}`;
  const out: string[] = [
    `# ${tag.name}: ${kind} ${period.label}`,
    `_Figures from TAG Portal for ${isoDay(period.start)} to ${isoDay(new Date(period.end.getTime() - 1))} (UTC), as of ${isoDay(facts.at)}._`,
    section("summary"),
    section("highlights"),
  ];

  out.push(
    "## Leadership",
    table(
      ["Quarter", "Seats held", "Started", "Ended", ...REGIONS, "Employers", "Largest employer"],
      facts.leadership.map((q) => [
        q.label,
        q.held,
        q.started,
        q.ended,
        ...REGIONS.map((r) => q.byRegion[r]),
        q.employers,
        q.largestEmployer ? `${q.largestEmployer.name} (${q.largestEmployer.seats})` : null,
      ]),
    ),
    facts.seatChanges.length
      ? facts.seatChanges.map((c) => `- ${isoDay(c.on)}: @${c.login} ${c.change} as ${c.role}`).join("\n")
      : placeholder("No chair or tech-lead seat started or ended in this period."),
  );

  out.push(
    "## Help wanted",
    table(
      ["Month", "Opened", "Claimed", "Done", "Median days to first volunteer"],
      [...hw.months, { ...hw.total, label: `**${period.label}**` }].map((m) => [
        m.label,
        m.opened,
        m.claimed,
        m.done,
        days(m.medianDaysToFirstVolunteer),
      ]),
    ),
    "Claimed: volunteers a lead accepted. Done: claims a lead confirmed complete. The wait to a first volunteer counts from the item's posting; a lead's invitation is not a volunteer.",
  );

  out.push(
    "## Initiatives",
    facts.initiatives.length
      ? table(
          ["Initiative", "State", "Check-ins", "Items done"],
          facts.initiatives.map((i) => [i.name, i.state, i.checkIns, i.itemsDone]),
        )
      : placeholder("No initiatives."),
  );

  out.push(
    "## Liaisons",
    facts.liaisons.length
      ? table(
          ["Ambassador", "Liaison with", "Check-ins", "Latest health", "Check-in overdue"],
          facts.liaisons.map((l) => [`@${l.login}`, l.target, l.checkIns, l.health, l.overdue ? "yes" : "no"]),
        )
      : placeholder("No liaisons."),
  );

  out.push(
    "## Elections",
    facts.elections.length
      ? table(
          ["Election", "Closed", "Eligible", "Voted", "Turnout"],
          facts.elections.map((e) => [e.title, isoDay(e.closedAt), e.eligible, e.voted, `${e.percent}%`]),
        )
      : placeholder("No election was counted in this period."),
  );

  if (facts.holderReports)
    out.push(
      "## Seat holders' reports",
      `${facts.holderReports.filed} of ${facts.holderReports.expected} seats expected to report posted a quarterly report.`,
    );

  out.push(section("plans"), section("asks"));
  return `${out.join("\n\n")}\n`;
}

/** The file name a download gets. */
export const reportFileName = (slug: string, period: ReportPeriod) => `tag-${slug}-report-${period.key}.md`;
