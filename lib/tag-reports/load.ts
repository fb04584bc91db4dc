import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { loadTrendRows } from "@/lib/dashboards/trends-load";
import { isChasedOverdue } from "@/lib/liaisons/queries";
import { holderReportCounts } from "@/lib/roles/holder-reports";
import {
  parseReportPeriod,
  periodParts,
  renderTagReport,
  reportFacts,
  type ReportPeriod,
  type ReportRows,
} from "./report";
import { NarrativeSchema, type Narrative } from "./schemas";
import { STATE_LABEL } from "@/lib/initiatives/schemas";

const HEALTH_LABEL: Record<string, string> = { fine: "Fine", needs_attention: "Needs attention", at_risk: "At risk" };

/**
 * A TAG's rows for a report period as of `at`: the trend rows exactly as the dashboards load them
 * (lib/dashboards/trends-load.ts), plus initiatives, liaisons and seat holders' reports.
 */
export async function loadReportRows(tagId: string, period: ReportPeriod, at: Date): Promise<ReportRows> {
  const { quarters, months } = periodParts(period);
  const inPeriod = { gte: period.start, lt: period.end, lte: at };
  const [trend, initiatives, liaisons, holderReports] = await Promise.all([
    loadTrendRows([tagId], at, {
      seatsFrom: quarters[0]!.start,
      itemsFrom: months[0]!.start,
      elections: { from: period.start, to: period.end },
    }),
    db.initiative.findMany({
      where: { tagId, createdAt: { lt: period.end } },
      orderBy: { name: "asc" },
      select: {
        name: true,
        state: true,
        _count: {
          select: {
            checkIns: { where: { createdAt: inPeriod } },
            items: { where: { claims: { some: { status: "completed", completedAt: inPeriod } } } },
          },
        },
      },
    }),
    db.liaison.findMany({
      where: {
        assignment: { tagId },
        createdAt: { lt: period.end },
        OR: [{ endedAt: null }, { endedAt: { gte: period.start } }],
      },
      orderBy: { createdAt: "asc" },
      select: {
        cadenceDays: true,
        lastCheckInAt: true,
        createdAt: true,
        endedAt: true,
        foundation: true,
        project: { select: { name: true, displayName: true } },
        assignment: {
          select: { status: true, leaves: { select: { from: true, to: true } }, user: { select: { login: true } } },
        },
        checkIns: {
          where: { date: { gte: period.start, lt: period.end } },
          orderBy: [{ date: "desc" }, { createdAt: "desc" }],
          select: { health: true },
        },
      },
    }),
    period.kind === "quarter" ? holderReportCounts(tagId, period.key, at) : Promise.resolve(null),
  ]);
  return {
    ...trend,
    initiatives: initiatives.map((i) => ({
      name: i.name,
      state: STATE_LABEL[i.state],
      checkIns: i._count.checkIns,
      itemsDone: i._count.items,
    })),
    liaisons: liaisons.map((l) => ({
      login: l.assignment.user.login,
      target: l.project?.displayName || l.project?.name || l.foundation || "—",
      checkIns: l.checkIns.length,
      health: l.checkIns[0] ? (HEALTH_LABEL[l.checkIns[0].health] ?? l.checkIns[0].health) : null,
      overdue: isChasedOverdue(l, at),
    })),
    holderReports,
  };
}

/**
 * A TAG's report for a period, for those who may see its dashboard: the facts, the saved narrative
 * (and its version, for the editor) and the markdown. Null: no such TAG or period.
 */
export async function getTagReport(actor: Actor | null, slug: string, periodKey: string) {
  const tag = await db.tag.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, repositories: true },
  });
  await requirePermission(actor, "dashboard.view", {
    subjectType: "TagReport",
    subjectId: slug,
    tagId: tag?.id ?? null,
  });
  const period = parseReportPeriod(periodKey);
  if (!tag || !period) return null;
  const at = await now();
  if (period.start > at) throw new AppError("INVALID", "That period has not started yet.");
  const [rows, draft] = await Promise.all([
    loadReportRows(tag.id, period, at),
    db.tagReportDraft.findUnique({ where: { tagId_period: { tagId: tag.id, period: period.key } } }),
  ]);
  const parsed = NarrativeSchema.safeParse(draft?.narrative ?? {});
  const narrative: Narrative = parsed.success ? parsed.data : {};
  const facts = reportFacts({ name: tag.name, slug: tag.slug }, period, rows, at);
  return {
    tag,
    period,
    facts,
    narrative,
    version: draft?.version ?? 0,
    updatedAt: draft && draft.version > 0 ? draft.updatedAt : null,
    markdown: renderTagReport(facts, narrative),
    /** The last pull request that proposed it, and the narrative version it carried. */
    pullRequest:
      draft?.pullRequestUrl && draft.pullRequestAt
        ? { url: draft.pullRequestUrl, version: draft.pullRequestVersion ?? 0, at: draft.pullRequestAt }
        : null,
  };
}
