import { tagTableCsv } from "@/lib/dashboards/csv";

export const dynamic = "force-dynamic";

/** One table of a TAG's dashboard as RFC 4180 CSV: `/toc/<slug>/<table>.csv` (roles, leaders, terms, ...). */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string; table: string }> }) {
  const { slug, table } = await params;
  return tagTableCsv(slug, table);
}
