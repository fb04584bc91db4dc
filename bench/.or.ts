import pg from "pg";
process.env.DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:54320/tag_portal";
const { parseBoardQuery } = await import("@/lib/help-wanted/board-query");
const { boardSql } = await import("@/lib/help-wanted/board");
const a = new pg.Client({ connectionString: process.env.DATABASE_URL }); await a.connect();
const b = new pg.Client({ connectionString: process.env.DATABASE_URL }); await b.connect();
await b.query("SET enable_bitmapscan = off");
const WORDS = ["security","kubernetes","documentation","observability","review","policy","network","storage","testing","metrics","tracing","release","governance","supply chain","runtime","onboarding","translation","website","audit","design","survey","talk","blog","mentoring","benchmark"];
const SEARCHES = [...WORDS, ...WORDS.flatMap((x, i) => WORDS.slice(i + 1).map((y) => `${x} ${y}`))].flatMap((q) => [`q=${encodeURIComponent(q)}`, `q=${encodeURIComponent(q)}&status=all`]);
let sa = 0, sb = 0, so = 0; const rows: string[] = [];
for (const s of SEARCHES) {
  const sql = boardSql(parseBoardQuery(new URLSearchParams(s)).query);
  await a.query(sql.text, sql.values); await b.query(sql.text, sql.values);
  let t = performance.now(); const ra = await a.query(sql.text, sql.values); const da = performance.now() - t;
  t = performance.now(); await b.query(sql.text, sql.values); const dbb = performance.now() - t;
  sa += da; sb += dbb; so += Math.min(da, dbb);
  const c = await a.query(`SELECT count(*)::int n FROM "HelpWantedItem" i WHERE i."searchVector" @@ websearch_to_tsquery('english', $1)`, [new URLSearchParams(s).get("q")]);
  rows.push(`${da.toFixed(1)}\t${dbb.toFixed(1)}\t${c.rows[0].n}\t${s}`);
}
const n = SEARCHES.length;
console.log("planner", (sa / n).toFixed(2), "no-bitmap", (sb / n).toFixed(2), "oracle", (so / n).toFixed(2));
(await import("fs")).writeFileSync("/tmp/oracle.tsv", rows.join("\n"));
process.exit(0);
