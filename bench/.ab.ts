import pg from "pg";
process.env.DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:54320/tag_portal";
const { parseBoardQuery } = await import("@/lib/help-wanted/board-query");
const { boardSql } = await import("@/lib/help-wanted/board");
const a = new pg.Client({ connectionString: process.env.DATABASE_URL }); await a.connect();
const WORDS = ["security","kubernetes","documentation","observability","review","policy","network","storage","testing","metrics","tracing","release","governance","supply chain","runtime","onboarding","translation","website","audit","design","survey","talk","blog","mentoring","benchmark"];
const SEARCHES = [...WORDS, ...WORDS.flatMap((x, i) => WORDS.slice(i + 1).map((y) => `${x} ${y}`))].flatMap((q) => [`q=${encodeURIComponent(q)}`, `q=${encodeURIComponent(q)}&status=all`]);
const times: [number, string][] = [];
for (let round = 0; round < 2; round++) { times.length = 0;
for (const s of SEARCHES) {
  const sql = boardSql(parseBoardQuery(new URLSearchParams(s)).query);
  const t = performance.now(); await a.query(sql.text, sql.values); times.push([performance.now() - t, s]);
} }
const sorted = times.map((x) => x[0]).sort((x, y) => x - y);
const mean = sorted.reduce((x, y) => x + y, 0) / sorted.length;
console.log("n", sorted.length, "mean", mean.toFixed(2), "p50", sorted[sorted.length >> 1].toFixed(2), "p90", sorted[Math.floor(sorted.length * 0.9)].toFixed(2), "max", sorted.at(-1)!.toFixed(2));
times.sort((x, y) => y[0] - x[0]);
for (const w of times.slice(0, 8)) console.log(w[0].toFixed(1), w[1]);
process.exit(0);
