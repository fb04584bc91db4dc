/**
 * `npm run bench:dashboards`: the TOC dashboard and the public API at the issue's scale (issue 10,
 * "Performance"): 20 TAGs, 5,000 people, 100,000 help-wanted items, 500,000 contribution records
 * (plus 40,000 claims, seats, role definitions, leaves, liaisons and elections).
 *
 * 1. `loadDashboards` for every TAG in process: time and the number of SQL statements (Prisma
 *    query events), which must not grow with the number of TAGs (no N+1).
 * 2. A production server (`next start`, needs `npm run build`) against the same database:
 *    render time of `/toc` and of a drill-down for a signed-in TOC member.
 * 3. The API's list endpoints under 32 concurrent clients (autocannon): p50 / p95 / p99, requests
 *    per second, errors (connection errors, timeouts, non-2xx answers). The per-client rate limit
 *    is raised for this step: all clients share one address here, and the point is throughput.
 *
 * Data: generated once into the database in use (DATABASE_URL, else the embedded dev cluster) and
 * reused; `--generate` forces a fresh set, `--reset` removes it. Generated rows are marked
 * (`bench-` logins and TAG slugs, `[bench]` titles and role names, `bench:` external ids).
 * Options: `--duration S` (autocannon seconds per endpoint, default 10), `--runs N` (default 10).
 */
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { benchDatabaseUrl } from "./generate-board-data.ts";
import { numberFlag, root, startNext, waitUntilUp } from "./harness.ts";
import { installQueryCounter } from "../tests/count-queries.ts";

const RUNS = numberFlag("runs", 10);
const DURATION = numberFlag("duration", 10);
const CONNECTIONS = 32;
const PORT = Number(process.env.PORT ?? 3000) + 9;
const TARGET = { tags: 20, people: 5_000, items: 100_000, records: 500_000, claims: 40_000 };

const url = await benchDatabaseUrl();
const client = new pg.Client({ connectionString: url });
await client.connect();
const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);

async function reset() {
  await client.query(`DELETE FROM "RoleDefinition" WHERE "name" LIKE '[bench]%'`);
  await client.query(`DELETE FROM "Tag" WHERE "slug" LIKE 'bench-tag-%'`);
  await client.query(`DELETE FROM "User" WHERE "login" LIKE 'bench-%'`);
  spawnSync(process.execPath, ["--import", "tsx", "bench/generate-board-data.ts", "--reset"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
}

async function generate() {
  const t = performance.now();
  await reset();
  // 15 TAGs besides the 5 demo ones that the board generator adds, so items spread over 20.
  await client.query(`INSERT INTO "Tag" ("id", "slug", "name", "updatedAt")
    SELECT gen_random_uuid(), 'bench-tag-' || n, 'TAG Bench ' || n, now() FROM generate_series(1, 15) n ON CONFLICT ("slug") DO NOTHING`);
  const gen = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "bench/generate-board-data.ts",
      "--items",
      String(TARGET.items),
      "--users",
      String(TARGET.people),
    ],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url },
    },
  );
  if (gen.status !== 0) throw new Error("the board data generator failed");
  await client.query(`SELECT setseed(0.42)`);
  await client.query(`
    UPDATE "User" SET "employer" = (ARRAY['Northwind Cloud','Lumen Systems','Harbor Labs','Copperleaf','Kestrel Works','Sable Networks','Driftwood IO','Bramble Data','Independent','Acme','Globex','Initech'])[1 + floor(random() * 12)::int],
      "isCncfAmbassador" = random() < 0.1
    WHERE "login" LIKE 'bench-user-%'`);
  // Per TAG: Chair (2 seats, 1 per employer), Tech Lead (6, at most 2 per region and employer,
  // elected), TAG Ambassador (12, at least 1 per region).
  await client.query(`
    INSERT INTO "RoleDefinition" ("id", "tagId", "roleKey", "version", "name", "kind", "selection", "totalSeats", "maxPerRegion", "minPerRegion", "maxPerEmployer", "createdAt")
    SELECT gen_random_uuid(), t."id", gen_random_uuid(), 1, r.name, r.kind::"RoleKind", r.sel::"LeadershipModel", r.total, r.maxr::jsonb, r.minr::jsonb, r.emp, now()
    FROM "Tag" t CROSS JOIN (VALUES
      ('[bench] Chair', 'chair', 'appointment', 2, '{}', '{}', 1),
      ('[bench] Tech Lead', 'tech-lead', 'election', 6, '{"APAC":2,"EMEA":2,"Americas":2}', '{}', 2),
      ('[bench] TAG Ambassador', 'tag-ambassador', 'appointment', 12, '{}', '{"APAC":1,"EMEA":1,"Americas":1}', NULL)
    ) AS r(name, kind, sel, total, maxr, minr, emp)`);
  await client.query(`
    WITH tags AS (SELECT "id", row_number() OVER (ORDER BY "slug") - 1 AS i FROM "Tag"),
    people AS (SELECT "id", "region", (substring("login" from 12))::int AS n FROM "User" WHERE "login" LIKE 'bench-user-%'),
    slots AS (SELECT t."id" AS "tagId", t.i, k, CASE WHEN k < 2 THEN 'chair' WHEN k < 8 THEN 'tech-lead' ELSE 'tag-ambassador' END AS kind FROM tags t CROSS JOIN generate_series(0, 17) k)
    INSERT INTO "RoleAssignment" ("id", "tagId", "userId", "kind", "status", "regionAtStart", "startAt", "termEndAt", "requestedAt", "roleDefinitionId")
    SELECT gen_random_uuid(), s."tagId", p."id", s.kind::"RoleKind", CASE WHEN s.k = 7 THEN 'pending' ELSE 'active' END::"AssignmentStatus", p."region",
      now() - interval '300 days', now() + (random() * 720 || ' days')::interval, now() - interval '300 days',
      (SELECT d."id" FROM "RoleDefinition" d WHERE d."tagId" = s."tagId" AND d."kind" = s.kind::"RoleKind" AND d."supersededAt" IS NULL LIMIT 1)
    FROM slots s JOIN people p ON p.n = s.i * 18 + s.k`);
  await client.query(`
    INSERT INTO "Leave" ("id", "assignmentId", "from", "to", "note", "createdAt")
    SELECT gen_random_uuid(), a."id", current_date - 3, current_date + 30, 'bench leave', now()
    FROM "RoleAssignment" a JOIN "User" u ON u."id" = a."userId" WHERE u."login" LIKE 'bench-user-%' AND a."kind" = 'tech-lead' AND random() < 0.15`);
  await client.query(`
    INSERT INTO "Liaison" ("id", "assignmentId", "foundation", "cadenceDays", "lastCheckInAt", "createdAt")
    SELECT gen_random_uuid(), a."id", 'OpenSSF', 30, CASE WHEN random() < 0.5 THEN now() - (random() * 60 || ' days')::interval END, now() - interval '120 days'
    FROM "RoleAssignment" a JOIN "User" u ON u."id" = a."userId" WHERE u."login" LIKE 'bench-user-%' AND a."kind" = 'tag-ambassador'`);
  // 500,000 contribution records over two years, every TAG, most from GitHub.
  await client.query(`
    WITH u AS (SELECT array_agg("id" ORDER BY "login") AS ids FROM "User" WHERE "login" LIKE 'bench-user-%'),
         t AS (SELECT array_agg("id" ORDER BY "slug") AS ids FROM "Tag")
    INSERT INTO "ContributionRecord" ("id", "userId", "tagId", "kind", "source", "verification", "occurredAt", "externalId")
    SELECT gen_random_uuid(), u.ids[1 + ((g::bigint * 7919) % array_length(u.ids, 1))::int], t.ids[1 + g % array_length(t.ids, 1)],
      (ARRAY['pr','issue','review','comment','talk','blog','meeting'])[1 + g % 7]::"ContributionKind",
      CASE WHEN g % 10 = 0 THEN 'self-reported' ELSE 'github' END::"ContributionSource",
      CASE WHEN g % 20 = 0 THEN 'pending' ELSE 'verified' END::"VerificationState",
      now() - ((g % 730) || ' days')::interval - ((g % 86400) || ' seconds')::interval, 'bench:' || g
    FROM generate_series(1, ${TARGET.records}) g, u, t`);
  // Claims on listed items: requested, accepted (some stale), done, completed.
  await client.query(`
    WITH u AS (SELECT array_agg("id" ORDER BY "login") AS ids FROM "User" WHERE "login" LIKE 'bench-user-%'),
    picked AS (SELECT "id", "createdAt", row_number() OVER () AS n FROM "HelpWantedItem" WHERE "title" LIKE '[bench]%' AND "status" <> 'draft' ORDER BY random() LIMIT ${TARGET.claims})
    INSERT INTO "Claim" ("id", "itemId", "userId", "status", "createdAt", "decidedAt", "lastActivityAt", "completedAt")
    SELECT gen_random_uuid(), p."id", u.ids[1 + (p.n * 31) % array_length(u.ids, 1)], s.status::"ClaimStatus", c.at, c.at + interval '2 days',
      LEAST(now(), c.at + (random() * 60 || ' days')::interval), CASE WHEN s.status = 'completed' THEN LEAST(now(), c.at + interval '30 days') END
    FROM picked p, u,
      LATERAL (SELECT LEAST(now() - interval '1 day', p."createdAt" + (random() * 20 || ' days')::interval) AS at) c,
      LATERAL (SELECT (ARRAY['requested','accepted','accepted','done','completed','completed','declined'])[1 + (p.n % 7)::int] AS status) s`);
  await client.query(`
    INSERT INTO "Election" ("id", "tagId", "roleKey", "title", "phase", "cycleDate", "seatsByRegion", "nominationsOpenAt", "nominationsCloseAt", "votingOpenAt", "votingCloseAt", "publishedAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), t."id", d."roleKey", '[bench] Tech Lead election ' || p.phase, p.phase::"ElectionPhase", now(), '{"APAC":1,"EMEA":1,"Americas":1}',
      now() - interval '40 days', now() - interval '30 days', now() - interval '20 days', now() - interval '10 days', CASE WHEN p.phase = 'published' THEN now() END, now() - p.age, now()
    FROM "Tag" t JOIN "RoleDefinition" d ON d."tagId" = t."id" AND d."name" = '[bench] Tech Lead' CROSS JOIN (VALUES ('published', interval '1 day'), ('voting', interval '2 days')) AS p(phase, age)`);
  await client.query(`ANALYZE`);
  console.log(`generated dashboard data in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

if (process.argv.includes("--reset")) {
  await reset();
  await client.end();
  process.exit(0);
}
const have = {
  tags: await count(`SELECT count(*) AS n FROM "Tag"`),
  people: await count(`SELECT count(*) AS n FROM "User" WHERE "login" LIKE 'bench-user-%'`),
  items: await count(`SELECT count(*) AS n FROM "HelpWantedItem"`),
  records: await count(`SELECT count(*) AS n FROM "ContributionRecord"`),
};
if (
  process.argv.includes("--generate") ||
  have.tags < TARGET.tags ||
  have.people < TARGET.people ||
  have.items < TARGET.items ||
  have.records < TARGET.records
)
  await generate();
const totals = {
  tags: await count(`SELECT count(*) AS n FROM "Tag"`),
  people: await count(`SELECT count(*) AS n FROM "User"`),
  items: await count(`SELECT count(*) AS n FROM "HelpWantedItem"`),
  records: await count(`SELECT count(*) AS n FROM "ContributionRecord"`),
  claims: await count(`SELECT count(*) AS n FROM "Claim"`),
  seats: await count(`SELECT count(*) AS n FROM "RoleAssignment"`),
};
console.log(
  `data: ${Object.entries(totals)
    .map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`)
    .join(", ")}`,
);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
const ms = (v: number) => `${v.toFixed(1)} ms`;

// 1. The data layer in process, statements counted.
const counter = installQueryCounter(url);
const { loadDashboards } = await import("../lib/dashboards/load.ts");
const at = new Date();
const tagIds = (await client.query<{ id: string }>(`SELECT "id" FROM "Tag" ORDER BY "slug"`)).rows.map((r) => r.id);
const one = await counter.measure(() => loadDashboards(tagIds.slice(0, 1), at));
const all = await counter.measure(() => loadDashboards(null, at));
const times: number[] = [];
for (let i = 0; i < RUNS + 2; i++) {
  const t = performance.now();
  await loadDashboards(null, at);
  if (i >= 2) times.push(performance.now() - t);
}
console.log(
  `\nloadDashboards (all ${all.result.length} TAGs), ${RUNS} runs: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}; SQL statements: ${all.queries} for ${all.result.length} TAGs, ${one.queries} for 1 TAG`,
);
const flagged = all.result.filter((d) => d.roles.some((r) => r.overEmployerCap)).length;
console.log(
  `  (${flagged} TAGs over an employer cap, ${all.result.reduce((s, d) => s + d.inactiveLeaders.length, 0)} leaders without contributions, ${all.result.reduce((s, d) => s + d.flow.stale, 0)} stale claims)`,
);
const { disconnectDb } = await import("../lib/db.ts");
await disconnectDb();

// 2. A production server: page render times for a signed-in TOC member.
if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.error("\nNo production build: run `npm run build`, then this benchmark again for the page and API figures.");
  process.exit(1);
}
const token = randomBytes(24).toString("hex");
const toc = await client.query<{ id: string }>(
  `INSERT INTO "User" ("id", "githubId", "login", "name", "isTocMember", "updatedAt") VALUES ($1, 8999999999, 'bench-toc', 'Bench TOC', true, now())
   ON CONFLICT ("githubId") DO UPDATE SET "isTocMember" = true RETURNING "id"`,
  [randomUUID()],
);
await client.query(
  `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ($1, $2, $3, now() + interval '1 day')`,
  [randomUUID(), token, toc.rows[0]!.id],
);
const base = `http://localhost:${PORT}`;
const server = startNext(PORT, {
  DATABASE_URL: url,
  AUTH_SECRET: randomBytes(32).toString("hex"),
  NEXTAUTH_URL: base,
  API_RATE_LIMIT_PER_MINUTE: "100000000",
});
await waitUntilUp(`${base}/api/v1/openapi.json`);
const cookie = `next-auth.session-token=${token}`;
async function timePage(p: string, expectText: string) {
  const runs: number[] = [];
  // The first ten or so requests of a page in a new process run unoptimised code: unmeasured.
  for (let i = 0; i < RUNS + 10; i++) {
    const t = performance.now();
    const res = await fetch(`${base}${p}`, { headers: { cookie } });
    const html = await res.text();
    if (res.status !== 200 || !html.includes(expectText)) throw new Error(`${p}: ${res.status}, expected text missing`);
    if (i >= 10) runs.push(performance.now() - t);
  }
  console.log(
    `GET ${p} (TOC member, full HTML), ${RUNS} runs after 10 unmeasured: p50 ${ms(percentile(runs, 50))}, p95 ${ms(percentile(runs, 95))}`,
  );
}
console.log("");
await timePage("/toc", "TAGs at a glance");
await timePage("/toc/security-and-compliance", "Seats and caps per role");

// 3. The API's list endpoints under 32 concurrent clients.
const ENDPOINTS = [
  "/api/v1/tags",
  "/api/v1/help-wanted",
  `/api/v1/help-wanted?tag=security-and-compliance&sort=due&limit=50`,
  "/api/v1/help-wanted?q=security",
  "/api/v1/elections",
];
// The issue's yardstick, in this same run: a bare Node server sending the bytes /api/v1/tags sends.
const tagsAnswer = await fetch(`${base}/api/v1/tags`);
const tagsBytes = Buffer.from(await tagsAnswer.arrayBuffer());
const tagsType = tagsAnswer.headers.get("content-type") ?? "application/json";
const bare = http.createServer((_req, res) => {
  res.writeHead(200, { "content-type": tagsType, "content-length": tagsBytes.length });
  res.end(tagsBytes);
});
await new Promise<void>((resolve) => bare.listen(PORT + 1, "127.0.0.1", resolve));
const BARE = `bare Node server, the /api/v1/tags bytes (${tagsBytes.length.toLocaleString("en-US")} B)`;
const rows: string[][] = [];
for (const p of [BARE, ...ENDPOINTS]) {
  const latencies: number[] = [];
  const target = p === BARE ? `http://127.0.0.1:${PORT + 1}/` : `${base}${p}`;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url: target, connections: CONNECTIONS, duration: DURATION }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    inst.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      latencies.push(responseTime),
    );
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  rows.push([
    p,
    String(result.requests.total),
    result.requests.average.toFixed(0),
    ms(percentile(latencies, 50)),
    ms(percentile(latencies, 95)),
    ms(percentile(latencies, 99)),
    String(errors),
  ]);
}
const header = ["endpoint", "requests", "req/s", "p50", "p95", "p99", "errors"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
console.log(
  `\nAPI under ${CONNECTIONS} concurrent clients, ${DURATION} s each (autocannon; errors = connection errors + timeouts + non-2xx):`,
);
console.log(line(header));
console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
for (const r of rows) console.log(line(r));

bare.close();
await client.query(`DELETE FROM "Session" WHERE "sessionToken" = $1`, [token]);
await client.end();
// The server goes first: the embedded database stops when this process exits.
await new Promise((resolve) => {
  server.once("exit", resolve);
  server.kill("SIGTERM");
});
process.exit(0);
