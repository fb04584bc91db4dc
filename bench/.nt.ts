import pg from "pg";
const a = new pg.Client({ connectionString: "postgresql://postgres:postgres@127.0.0.1:54320/tag_portal" }); await a.connect();
const WORDS = ["security","kubernetes","documentation","observability","review","policy","network","storage","testing","metrics","tracing","release","governance","supply chain","runtime","onboarding","translation","website","audit","design","survey","talk","blog","mentoring","benchmark"];
const QS = [...WORDS, ...WORDS.flatMap((x, i) => WORDS.slice(i + 1).map((y) => `${x} ${y}`))];
const sql = (t: string) => `SELECT id, ts_rank("searchVector", q) r FROM (SELECT id, "searchVector" FROM ${t} i WHERE status='open' AND "searchVector" @@ websearch_to_tsquery('english', $1) ORDER BY "createdAt" DESC, id DESC LIMIT 500) p, websearch_to_tsquery('english', $1) q ORDER BY r DESC, id LIMIT 21`;
for (const t of ['"HelpWantedItem"', 'zz_search', 'zz_rand', '"HelpWantedItem"', 'zz_search', 'zz_rand']) {
  let s = 0; const ts: number[] = [];
  for (const q of QS) { const t0 = performance.now(); await a.query(sql(t), [q]); const d = performance.now() - t0; s += d; ts.push(d); }
  ts.sort((x, y) => x - y);
  console.log(t, "mean", (s / QS.length).toFixed(2), "p50", ts[ts.length >> 1].toFixed(2), "p90", ts[Math.floor(ts.length * 0.9)].toFixed(2), "max", ts.at(-1)!.toFixed(1));
}
process.exit(0);
