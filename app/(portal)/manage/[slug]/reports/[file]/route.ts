import { tagReportDownload } from "@/lib/tag-reports/download";

export const dynamic = "force-dynamic";

/** A TAG's report as a markdown file: `/manage/<slug>/reports/<period>.md` (2026-Q3.md, 2026.md). */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await params;
  return tagReportDownload(slug, file);
}
