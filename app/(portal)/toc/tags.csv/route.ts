import { overviewCsv } from "@/lib/dashboards/csv";

export const dynamic = "force-dynamic";

/** The TOC dashboard's overview table as RFC 4180 CSV (same rows as the page). */
export function GET() {
  return overviewCsv();
}
