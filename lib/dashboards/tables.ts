/**
 * The dashboard's tables (pure): the page renders them and `/toc/.../*.csv` exports the same
 * rows, so a download always matches what is on screen. Dates are ISO days (UTC) in CSV; the
 * page shows them in the viewer's zone.
 */
import type { RoleSummary, TagDashboard } from "./load";
import { ACTIVITY_STATUS_LABEL, activityRuleText, isoDay } from "@/lib/vocabulary";

export type Cell = string | number | null;

export interface DashboardTable {
  /** File name stem and anchor: `/toc/<slug>/<key>.csv`. */
  key: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Shown instead of an empty table. */
  empty: string;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

export function regionsText(r: RoleSummary | TagDashboard): string {
  const counts = "byRegion" in r ? r.byRegion : r.regions;
  return `APAC ${counts.APAC}, EMEA ${counts.EMEA}, Americas ${counts.Americas}${counts.unknown ? `, unknown ${counts.unknown}` : ""}`;
}

export function employerText(e: { name: string; count: number; share: number } | null, cap?: number | null): string {
  if (!e) return "none";
  return `${e.name}: ${e.count} (${pct(e.share)})${cap !== undefined && cap !== null ? ` of at most ${cap}` : ""}`;
}

/** A role's figures in words: "Tech Lead: 3 held of 4, 1 pending, 1 vacant". */
export function roleFiguresText(r: RoleSummary): string {
  const parts = [`${r.holders} held${r.totalSeats !== null ? ` of ${r.totalSeats}` : ""}`];
  if (r.pending) parts.push(`${r.pending} pending`);
  if (r.vacancies) parts.push(`${r.vacancies} vacant`);
  return `${r.name}${r.retired ? " (retired)" : ""}: ${parts.join(", ")}`;
}

/** What needs the TOC's eye for one TAG, most serious first (the overview's flags). */
export function flagsOf(d: TagDashboard): string[] {
  const flags: string[] = [];
  for (const r of d.roles.filter((r) => r.overEmployerCap))
    flags.push(`Over employer cap: ${r.name} (${employerText(r.largestEmployer, r.maxPerEmployer)})`);
  for (const r of d.roles.filter((r) => r.regionIssues.length))
    flags.push(`Regions: ${r.name} (${r.regionIssues.join("; ")})`);
  if (d.inactiveLeaders.length)
    flags.push(
      `${d.inactiveLeaders.length} inactive leader${d.inactiveLeaders.length > 1 ? "s" : ""} (no contribution in ${d.tag.activityWindowMonths} months)`,
    );
  if (d.pendingChanges.length)
    flags.push(`${d.pendingChanges.length} change${d.pendingChanges.length > 1 ? "s" : ""} awaiting TOC approval`);
  if (d.electionsDue.length) flags.push(`Election due: ${d.electionsDue.map((e) => e.role).join(", ")}`);
  if (d.flow.stale) flags.push(`${d.flow.stale} stale claim${d.flow.stale > 1 ? "s" : ""}`);
  if (d.liaisonsOverdue.length)
    flags.push(`${d.liaisonsOverdue.length} liaison check-in${d.liaisonsOverdue.length > 1 ? "s" : ""} overdue`);
  if (d.boardReviewOverdue) flags.push("Board review overdue");
  return flags;
}

/** The help-wanted flow's six figures, in the order of the overview's columns and the flow table's. */
function flowCells(f: TagDashboard["flow"]): Cell[] {
  const median = f.medianDaysToFirstVolunteer;
  return [
    f.open,
    f.held,
    f.done90,
    median === null ? null : Math.round(median * 10) / 10,
    f.stale,
    f.ambassadorsActive,
  ];
}

/** One row per TAG: the overview (`/toc/tags.csv`). */
export function overviewTable(ds: readonly TagDashboard[]): DashboardTable {
  return {
    key: "tags",
    title: "TAGs at a glance",
    columns: [
      "TAG",
      "slug",
      "chairs and tech leads",
      "chair and tech-lead appointments awaiting the TOC",
      "leadership seats",
      "seats by region",
      "region issues",
      "largest employer (leadership)",
      "over employer cap",
      "terms ending in 6 months",
      "inactive leaders",
      "on leave",
      "elections open",
      "elections due",
      "open items",
      "held claims",
      "done in 90 days",
      "median days to first volunteer",
      "stale claims",
      "CNCF Ambassadors active",
      "liaison check-ins overdue",
      "board review overdue",
      "changes awaiting TOC",
    ],
    rows: ds.map((d) => [
      d.tag.name,
      d.tag.slug,
      d.leadership.filled,
      d.leadership.pending,
      d.leadership.total,
      regionsText(d),
      d.roles.flatMap((r) => r.regionIssues.map((i) => `${r.name}: ${i}`)).join("; "),
      employerText(d.leadershipEmployer),
      d.roles
        .filter((r) => r.overEmployerCap)
        .map((r) => `${r.name}: ${employerText(r.largestEmployer, r.maxPerEmployer)}`)
        .join("; ") || "no",
      d.termsEnding.length,
      d.inactiveLeaders.length,
      d.onLeave.length,
      d.elections.filter((e) => e.state === "open").length,
      d.electionsDue.length,
      ...flowCells(d.flow),
      d.liaisonsOverdue.length,
      d.boardReviewOverdue ? "yes" : "no",
      d.pendingChanges.length,
    ]),
    empty: "No TAG to show.",
  };
}

/** Every table of one TAG's drill-down, in page order. */
export function tagTables(d: TagDashboard): DashboardTable[] {
  return [
    {
      key: "roles",
      title: "Seats and caps per role",
      columns: [
        "role",
        "holders",
        "pending",
        "vacancies",
        "total seats",
        "by region",
        "regional rules",
        "region issues",
        "largest employer",
        "employer cap",
        "over employer cap",
      ],
      rows: d.roles.map((r) => [
        r.retired ? `${r.name} (retired)` : r.name,
        r.holders,
        r.pending,
        r.vacancies,
        r.totalSeats,
        regionsText(r),
        [
          ...Object.entries(r.minPerRegion).map(([k, v]) => `${k} min ${v}`),
          ...Object.entries(r.maxPerRegion).map(([k, v]) => `${k} max ${v}`),
        ].join(", "),
        r.regionIssues.join("; "),
        employerText(r.largestEmployer),
        r.maxPerEmployer,
        r.overEmployerCap ? "yes" : "no",
      ]),
      empty: "No seats and no roles defined.",
    },
    {
      key: "leaders",
      title: `Leaders' activity (active: ${activityRuleText(d.tag)})`,
      columns: [
        "login",
        "role",
        "last 30 days",
        "last 90 days",
        "last 365 days",
        `in ${d.tag.activityWindowMonths} months`,
        "last contribution",
        "status",
      ],
      rows: d.leaders.map((l) => [
        l.login,
        l.role,
        l.days[30],
        l.days[90],
        l.days[365],
        l.total,
        isoDay(l.lastAt),
        ACTIVITY_STATUS_LABEL[l.status],
      ]),
      empty: "No chairs or tech leads hold a seat.",
    },
    {
      key: "terms",
      title: "Terms ending in the next 6 months",
      columns: ["login", "role", "term end"],
      rows: d.termsEnding.map((t) => [t.login, t.role, isoDay(t.termEndAt)]),
      empty: "No term ends in the next 6 months.",
    },
    {
      key: "leaves",
      title: "On leave",
      columns: ["login", "role", "from", "to", "note"],
      rows: d.onLeave.map((l) => [l.login, l.role, isoDay(l.from), isoDay(l.to), l.note]),
      empty: "Nobody is on leave.",
    },
    {
      key: "elections",
      title: "Elections open, scheduled, awaiting a decision or due",
      columns: ["election or role", "state", "phase", "next step"],
      rows: [
        ...d.elections.map((e): Cell[] => [e.title, e.state, e.phase, isoDay(e.nextAt)]),
        ...d.electionsDue.map((e): Cell[] => [e.role, "due", "none yet", e.reason]),
      ],
      empty: "No election is open or due.",
    },
    {
      key: "flow",
      title: "Help-wanted flow",
      columns: [
        "open items",
        "held claims",
        "completed in the last 90 days",
        "median days to first volunteer (last 90 days)",
        "stale claims",
        "CNCF Ambassadors active (90 days)",
      ],
      rows: [flowCells(d.flow)],
      empty: "",
    },
    {
      key: "stale-claims",
      title: `Stale claims (no update for ${d.tag.staleAfterDays} days)`,
      columns: ["login", "item", "item id", "last activity"],
      rows: d.staleClaims.map((c) => [c.login, c.item, c.itemId, isoDay(c.lastActivityAt)]),
      empty: "No claim is stale.",
    },
    {
      key: "ambassadors",
      title: "CNCF Ambassadors active in this TAG (a claim accepted or completed in the last 90 days)",
      columns: ["login", "name", "last activity"],
      rows: d.ambassadors.map((a) => [a.login, a.name, isoDay(a.lastAt)]),
      empty: "No CNCF Ambassador was active here in the last 90 days.",
    },
    {
      key: "check-ins",
      title: "TAG Ambassadors with overdue liaison check-ins",
      columns: ["login", "liaison with", "check-in due", "last check-in"],
      rows: d.liaisonsOverdue.map((l) => [l.login, l.target, isoDay(l.dueAt), isoDay(l.lastCheckInAt)]),
      empty: "No check-in is overdue.",
    },
    {
      key: "pending",
      title: "Changes awaiting TOC approval",
      columns: ["login", "role", "change", "requested"],
      rows: d.pendingChanges.map((p) => [p.login, p.role, p.change, isoDay(p.requestedAt)]),
      empty: "Nothing awaits the TOC.",
    },
  ];
}
