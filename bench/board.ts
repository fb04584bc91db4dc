/**
 * `npm run bench:board`: times `searchBoard` (the board's one SQL statement, through Prisma as
 * the page runs it) for typical queries from one client, after `npm run bench:data`.
 * Budget (issue 4): p95 under 100 ms at 100,000 items. Prints p50/p95 per query, then the
 * plans of the search queries to show the full-text expression index at work.
 * Runs with `node --conditions=react-server --import tsx` because lib/ is server-only.
 * Options: `--runs N` (default 200).
 */
import { benchDatabaseUrl } from "./generate-board-data.ts";
import { numberFlag } from "./harness.ts";

const RUNS = numberFlag("runs", 200);
const WARMUP = 10;

process.env.DATABASE_URL = await benchDatabaseUrl();
const { db, disconnectDb } = await import("@/lib/db");
const { Prisma } = await import("@/lib/generated/prisma/client");
const { parseBoardQuery } = await import("@/lib/help-wanted/board-query");
const { boardSql, searchBoard } = await import("@/lib/help-wanted/board");

const [counts] = await db.$queryRaw<{ total: bigint; listed: bigint; open: bigint }[]>`
  SELECT count(*) AS total, count(*) FILTER (WHERE "status" <> 'draft') AS listed, count(*) FILTER (WHERE "status" = 'open') AS open
  FROM "HelpWantedItem"`;
const tags = await db.tag.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
const tag = tags.find((t) => t.slug === "security-and-compliance")?.slug ?? tags[0]?.slug ?? "none";
const now = new Date();

/** Typical board views: what a visitor, a search, a filtered search and each sort ask for. */
const CASES: [string, string][] = [
  ["no filter (newest)", ""],
  ["search 'security'", "q=security"],
  ["search 'threat model'", "q=threat+model"],
  ["search + TAG + kind", `q=kubernetes+documentation&tag=${tag}&kind=content`],
  ["search + skill + region", "q=assessment&skill=Security&region=EMEA"],
  ["search, sort newest", "q=observability&sort=newest"],
  ["TAG + skill (no search)", `tag=${tag}&skill=Go`],
  ["sort due", "sort=due"],
  ["sort fewest", "sort=fewest"],
  ["status all, effort 2-8 h", "status=all&effortMin=2&effortMax=8"],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const rows: string[][] = [];
for (const [name, params] of CASES) {
  const { query } = parseBoardQuery(new URLSearchParams(params));
  const first = await searchBoard(query, now);
  // Page 2 through the cursor, the other half of pagination.
  const second = first.nextCursor ? { ...query, cursor: first.nextCursor } : null;
  for (let i = 0; i < WARMUP; i++) await searchBoard(query, now);
  const times: number[] = [];
  const pageTwo: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await searchBoard(query, now);
    times.push(performance.now() - t);
    if (second && i % 4 === 0) {
      const t2 = performance.now();
      await searchBoard(second, now);
      pageTwo.push(performance.now() - t2);
    }
  }
  times.sort((a, b) => a - b);
  pageTwo.sort((a, b) => a - b);
  rows.push([
    name,
    params ? `?${params}` : "(none)",
    String(first.items.length),
    `${percentile(times, 50).toFixed(1)} ms`,
    `${percentile(times, 95).toFixed(1)} ms`,
    pageTwo.length ? `${percentile(pageTwo, 95).toFixed(1)} ms` : "-",
  ]);
}

const header = ["query", "parameters", "rows", "p50", "p95", "p95 page 2"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
console.log(
  `searchBoard, ${RUNS} runs per query (page 2: every 4th run), one client, Node ${process.version}; ` +
    `${Number(counts?.total ?? 0).toLocaleString("en-US")} items (${Number(counts?.listed ?? 0).toLocaleString("en-US")} listable, ` +
    `${Number(counts?.open ?? 0).toLocaleString("en-US")} open), limit 20`,
);
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const row of rows) console.log(line(row));

for (const params of [`q=threat+model`, `q=kubernetes+documentation&tag=${tag}&kind=content`]) {
  const { query } = parseBoardQuery(new URLSearchParams(params));
  const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
    Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) ${boardSql(query)}`,
  );
  const text = plan.map((p) => p["QUERY PLAN"]).join("\n");
  const usesIndex = text.includes("HelpWantedItem_search_idx");
  console.log(`\nEXPLAIN ANALYZE ?${params} (full-text index ${usesIndex ? "used" : "NOT used"}):\n${text}`);
}

await disconnectDb();
process.exit(0);
