import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { requirePermission } from "@/lib/auth/actor";
import { tagsWhere, type Actor } from "@/lib/auth/permissions";
import { loadDashboards, type TagDashboard } from "./load";

export interface TocOverview {
  at: Date;
  /** `all`: every TAG (TOC members, admins); `own`: the TAGs the viewer leads. */
  scope: "all" | "own";
  dashboards: TagDashboard[];
}

/**
 * The cross-TAG dashboard. TOC members and admins see every TAG (`audit.view-all`); a TAG lead
 * sees the TAGs they lead (`dashboard.view` of each); anyone else is refused (and it is logged).
 */
export async function getTocOverview(actor: Actor | null): Promise<TocOverview> {
  const at = await now();
  const tags = tagsWhere(actor, "dashboard.view");
  if (tags === "all") return { at, scope: "all", dashboards: await loadDashboards(null, at) };
  if (tags.length === 0) {
    await requirePermission(actor, "audit.view-all", { subjectType: "Dashboard", subjectId: "toc" });
  }
  return { at, scope: "own", dashboards: await loadDashboards(tags, at) };
}

/** One TAG's drill-down, or null for an unknown slug. Needs `dashboard.view` for that TAG. */
export async function getTagDashboard(
  actor: Actor | null,
  slug: string,
): Promise<{ at: Date; dashboard: TagDashboard } | null> {
  const tag = await db.tag.findUnique({ where: { slug }, select: { id: true } });
  await requirePermission(actor, "dashboard.view", {
    subjectType: "Dashboard",
    subjectId: slug,
    tagId: tag?.id ?? null,
  });
  if (!tag) return null;
  const at = await now();
  const [dashboard] = await loadDashboards([tag.id], at, true);
  return dashboard ? { at, dashboard } : null;
}
