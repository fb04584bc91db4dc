import "server-only";
import { getActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { answeringAppErrors, CSV_TYPE, fileResponse } from "@/lib/http/responses";
import { toCsv } from "@/lib/roles/csv";
import { getTagDashboard, getTocOverview } from "./queries";
import { overviewTable, tagTables, type DashboardTable } from "./tables";
import { isoDay } from "@/lib/vocabulary";

function csvResponse(table: DashboardTable, filename: string): Response {
  return fileResponse(toCsv([table.columns, ...table.rows]), { type: CSV_TYPE, name: filename });
}

/** `/toc/tags.csv`: the overview table, for whoever may see the overview (and the TAGs they may see). */
export function overviewCsv(): Promise<Response> {
  return answeringAppErrors(async () => {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    const { dashboards, at } = await getTocOverview(actor);
    return csvResponse(overviewTable(dashboards), `toc-dashboard-${isoDay(at)}.csv`);
  });
}

/** `/toc/<slug>/<table>.csv`: one table of a TAG's drill-down (`dashboard.view` of that TAG). */
export function tagTableCsv(slug: string, file: string): Promise<Response> {
  return answeringAppErrors(async () => {
    const key = /^([a-z-]+)\.csv$/.exec(file)?.[1];
    if (!key) throw new AppError("NOT_FOUND", "No such table.");
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    const found = await getTagDashboard(actor, slug);
    const table = found ? tagTables(found.dashboard).find((t) => t.key === key) : undefined;
    if (!found || !table) throw new AppError("NOT_FOUND", "No such table.");
    return csvResponse(table, `tag-${slug}-${key}-${isoDay(found.at)}.csv`);
  });
}
