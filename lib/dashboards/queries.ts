import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { requirePermission } from "@/lib/auth/actor";
import { tagsWhere, type Actor } from "@/lib/auth/permissions";
import { whenServing } from "@/lib/cache/serving";
import { stampState } from "@/lib/cache/stamps";
import { loadDashboards, type TagDashboard } from "./load";
import { loadTrends, type Trends } from "./trends-load";

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
  const { at, tags } = await tocScope(actor);
  return { at, scope: tags === null ? "all" : "own", dashboards: await loadDashboards(tags, at) };
}

/** The trends of the TAGs the cross-TAG dashboard shows the viewer, taken together (same rule). */
export async function getTocTrends(actor: Actor | null): Promise<Trends> {
  const { at, tags } = await tocScope(actor);
  return loadTrends(tags, at);
}

/** How long the warm-up waits for the listening connection before it leaves the figures to the first reader. */
const LISTENER_WAIT_MS = 20_000;

/**
 * Computes the every-TAG figures a web process keeps for `/toc` (the help-wanted flow in ./load.ts,
 * the help-wanted months in ./trends-load.ts: seconds at 100,000 items) before its first TOC
 * member asks, by calling the loaders as a TOC member's overview does (every TAG, the portal's
 * clock), with no viewer: the figures are the same for everyone who sees every TAG.
 * Kept figures need the cache listener's connection (lib/cache/memo.ts), which comes up as the
 * process starts; without a listener (tests, scripts) nothing would be kept, so nothing is done.
 */
export async function warmTocFigures(): Promise<void> {
  const deadline = Date.now() + LISTENER_WAIT_MS;
  while (stampState().mode === "disconnected" && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (stampState().mode !== "connected") return;
  const at = await now();
  await Promise.all([loadDashboards(null, at), loadTrends(null, at)]);
}

// Started once the process serves; readiness waits for it (lib/cache/serving.ts, decision 018).
whenServing("toc-figures", warmTocFigures);

/** Which TAGs the cross-TAG dashboard covers for `actor` (null: every TAG); refuses anyone else. */
async function tocScope(actor: Actor | null): Promise<{ at: Date; tags: string[] | null }> {
  const at = await now();
  const tags = tagsWhere(actor, "dashboard.view");
  if (tags === "all") return { at, tags: null };
  if (tags.length === 0) {
    await requirePermission(actor, "audit.view-all", { subjectType: "Dashboard", subjectId: "toc" });
  }
  return { at, tags: [...tags] };
}

/** One TAG's drill-down, or null for an unknown slug. Needs `dashboard.view` for that TAG. */
export async function getTagDashboard(
  actor: Actor | null,
  slug: string,
): Promise<{ at: Date; dashboard: TagDashboard } | null> {
  const tag = await permittedTag(actor, slug);
  if (!tag) return null;
  const at = await now();
  const [dashboard] = await loadDashboards([tag.id], at, true);
  return dashboard ? { at, dashboard } : null;
}

/** One TAG's trends, or null for an unknown slug. Needs `dashboard.view` for that TAG. */
export async function getTagTrends(actor: Actor | null, slug: string): Promise<Trends | null> {
  const tag = await permittedTag(actor, slug);
  return tag ? loadTrends([tag.id], await now()) : null;
}

/** The TAG of a drill-down (null: unknown slug), once `dashboard.view` for it is checked. */
async function permittedTag(actor: Actor | null, slug: string): Promise<{ id: string } | null> {
  const tag = await db.tag.findUnique({ where: { slug }, select: { id: true } });
  await requirePermission(actor, "dashboard.view", {
    subjectType: "Dashboard",
    subjectId: slug,
    tagId: tag?.id ?? null,
  });
  return tag;
}
