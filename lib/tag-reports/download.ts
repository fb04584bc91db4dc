import "server-only";
import { getActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { answeringAppErrors, fileResponse } from "@/lib/http/responses";
import { getTagReport } from "./load";
import { reportFileName } from "./report";

/** `/manage/<slug>/reports/<period>.md`: the report as a file, for whoever may see the TAG's dashboard. */
export async function tagReportDownload(slug: string, file: string): Promise<Response> {
  return answeringAppErrors(async () => {
    const period = /^(\d{4}(?:-Q[1-4])?)\.md$/.exec(file)?.[1];
    if (!period) throw new AppError("NOT_FOUND", "No such report.");
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
    const report = await getTagReport(actor, slug, period);
    if (!report) throw new AppError("NOT_FOUND", "No such report.");
    return fileResponse(report.markdown, {
      type: "text/markdown; charset=utf-8",
      name: reportFileName(report.tag.slug, report.period),
    });
  });
}
