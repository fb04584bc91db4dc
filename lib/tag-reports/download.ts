import "server-only";
import { getActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/responses";
import { getTagReport } from "./load";
import { reportFileName } from "./report";

/** `/manage/<slug>/reports/<period>.md`: the report as a file, for whoever may see the TAG's dashboard. */
export async function tagReportDownload(slug: string, file: string): Promise<Response> {
  try {
    const period = /^(\d{4}(?:-Q[1-4])?)\.md$/.exec(file)?.[1];
    if (!period) throw new AppError("NOT_FOUND", "No such report.");
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    const report = await getTagReport(actor, slug, period);
    if (!report) throw new AppError("NOT_FOUND", "No such report.");
    return new Response(report.markdown, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${reportFileName(report.tag.slug, report.period)}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof AppError) return errorResponse(e.code, e.message);
    throw e;
  }
}
