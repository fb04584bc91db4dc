/**
 * `npm run bench:sync`: a GitHub sync of a large repository (issue 8, "Performance"): 50,000
 * pieces of work (issues, pull requests, reviews, comments) served by the stand-in, run by the
 * same `runSync` the job worker runs, against the database in use (DATABASE_URL, else the
 * embedded dev cluster). Prints events per second and peak memory of this process (RSS sampled
 * every 20 ms, heap, and resourceUsage's maxRSS); the stand-in runs in a child process so its
 * memory is not counted. Then a second, incremental run (nothing changed: conditional requests).
 * Generated rows are marked: logins `bench-sync-N`, TAG slug `bench-sync`, repository
 * `bench/sync-<time>`; each run removes the previous run's.
 * Options: `--events N` (default 50,000), `--authors N` (default 500), `--per-page N` (default 100).
 * Runs with `node --conditions=react-server --import tsx` because lib/ is server-only.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { benchDatabaseUrl } from "./generate-board-data.ts";
import { numberFlag } from "./harness.ts";

const EVENTS = numberFlag("events", 50_000);
const AUTHORS = numberFlag("authors", 500);
const PER_PAGE = numberFlag("per-page", 100);
const GITHUB_ID_BASE = 870_000_000;

process.env.DATABASE_URL = await benchDatabaseUrl();
const { db, disconnectDb } = await import("@/lib/db");
const { runSync } = await import("@/lib/github/sync");

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();

// Previous bench runs: their records (cascade with the users), sync state, runs and TAG.
await client.query(`DELETE FROM "User" WHERE "login" LIKE 'bench-sync-%'`);
await client.query(`DELETE FROM "RepoSyncState" WHERE "repo" LIKE 'bench/sync-%' OR "repo" LIKE 'bench/year-%'`);
await client.query(
  `DELETE FROM "SyncRun" WHERE "tagId" IN (SELECT "id" FROM "Tag" WHERE "slug" IN ('bench-sync', 'bench-sync-year'))`,
);
await client.query(`DELETE FROM "Tag" WHERE "slug" IN ('bench-sync', 'bench-sync-year')`);

const repo = `bench/sync-${Date.now()}`;
const tagId = randomUUID();
await client.query(
  `INSERT INTO "Tag" ("id", "slug", "name", "repositories", "updatedAt") VALUES ($1, 'bench-sync', 'Bench sync TAG', $2, now())`,
  [tagId, [repo]],
);
const authorIds = Array.from({ length: AUTHORS }, (_, i) => GITHUB_ID_BASE + i);
await client.query(
  `INSERT INTO "User" ("id", "githubId", "login", "updatedAt")
   SELECT gen_random_uuid(), g, 'bench-sync-' || (g - ${GITHUB_ID_BASE}), now() FROM unnest($1::bigint[]) AS g`,
  [authorIds],
);

// The stand-in in its own process, on a free port chosen by the OS.
const standIn = spawn(process.execPath, ["--import", "tsx", "dev/github-stand-in/main.ts"], {
  env: { ...process.env, STAND_IN_PORT: "0" },
  stdio: ["ignore", "pipe", "inherit"],
});
const port = await new Promise<number>((resolve, reject) => {
  let out = "";
  standIn.stdout!.on("data", (c: Buffer) => {
    out += c.toString();
    const m = /127\.0\.0\.1:(\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
  });
  standIn.once("exit", (code) => reject(new Error(`stand-in exited (${code})`)));
});
const base = `http://127.0.0.1:${port}`;
const post = async (path: string, body: unknown) => {
  const r = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
};
const generated = Date.now();
await post("/_stand-in/synthetic", { repo, events: EVENTS, authorIds });
// A token's hourly budget would pause this sync many times (the pause and resume are tested elsewhere).
await post("/_stand-in/rate-limit", { remaining: 100_000_000, resetInSeconds: 3600 });
const generateMs = Date.now() - generated;

/** Runs one sync of a TAG with memory sampled; the fetch wrapper counts requests (GraphQL apart). */
async function measure(syncTagId = tagId) {
  let requests = 0;
  let graphql = 0;
  const counting: typeof fetch = (input, init) => {
    requests++;
    if (String(input).endsWith("/graphql")) graphql++;
    return fetch(input, init);
  };
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const run = await db.syncRun.create({ data: { tagId: syncTagId, createdAt: new Date() } });
  const t0 = performance.now();
  const result = await runSync(run.id, { apiUrl: `${base}/api`, perPage: PER_PAGE, fetch: counting });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapAfter = gc ? process.memoryUsage().heapUsed : null;
  const stored = await db.syncRun.findUniqueOrThrow({ where: { id: run.id }, select: { error: true } });
  if (stored.error) console.error(`sync errors: ${stored.error}`);
  return {
    result,
    seconds,
    requests,
    graphql,
    startRss: start.rss,
    peakRss,
    peakHeap,
    startHeap: start.heapUsed,
    heapAfter,
  };
}

// Warm up Prisma (its query compiler loads on the first query) so the runs measure the sync.
await db.syncRun.findMany({ where: { tagId }, take: 1 });
await db.user.findMany({ where: { githubId: { in: [BigInt(GITHUB_ID_BASE)] } }, select: { id: true } });
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const first = await measure();
const second = await measure();
const records = Number(
  (
    await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "ContributionRecord" c JOIN "User" u ON u."id" = c."userId" WHERE u."login" LIKE 'bench-sync-%'`,
    )
  ).rows[0]!.n,
);
const maxRss = process.resourceUsage().maxRSS * 1024;

// A year of a TAG: 20 repositories of 1,250 events each (a fifth issues and pull requests).
const YEAR_REPOS = 20;
const HOURLY_LIMIT = 5000;
const yearRepos = Array.from({ length: YEAR_REPOS }, (_, k) => `bench/year-${generated}-${k}`);
const yearTagId = randomUUID();
await client.query(
  `INSERT INTO "Tag" ("id", "slug", "name", "repositories", "updatedAt") VALUES ($1, 'bench-sync-year', 'Bench sync year TAG', $2, now())`,
  [yearTagId, yearRepos],
);
for (const r of yearRepos) await post("/_stand-in/synthetic", { repo: r, events: 1250, authorIds });
const year = await measure(yearTagId);
const yearThreads = YEAR_REPOS * 250;

console.log(
  `GitHub sync of ${repo}: ${EVENTS.toLocaleString("en-US")} events by ${AUTHORS} portal users (stand-in generated them in ${generateMs} ms), per_page ${PER_PAGE}, Node ${process.version}`,
);
console.log(
  `first run:  ${first.result.status}, ${first.result.imported.toLocaleString("en-US")} records in ${first.seconds.toFixed(1)} s = ${Math.round(first.result.imported / first.seconds).toLocaleString("en-US")} events/s; ` +
    `${first.requests.toLocaleString("en-US")} requests (${Math.round(first.requests / first.seconds)}/s)`,
);
console.log(
  `            memory: RSS ${mb(first.startRss)} before, peak ${mb(first.peakRss)} (sampled every 20 ms); heap used ${mb(first.startHeap)} before, peak ${mb(first.peakHeap)}` +
    (first.heapAfter === null ? "" : `, ${mb(first.heapAfter)} after a full GC (nothing kept between pages)`),
);
console.log(
  `requests per 1,000 events: ${((first.requests / EVENTS) * 1000).toFixed(1)} (${first.graphql.toLocaleString("en-US")} of them GraphQL for the reviews of a page's pull requests)`,
);
console.log(
  `second run: ${second.result.status}, ${second.result.imported} new records in ${second.seconds.toFixed(2)} s; ${second.requests} requests (conditional: answered 304 or nothing newer)`,
);
console.log(`records stored: ${records.toLocaleString("en-US")}; process maxRSS (resourceUsage): ${mb(maxRss)}`);

console.log(
  `a year of a TAG: ${YEAR_REPOS} repositories, ${yearThreads.toLocaleString("en-US")} issues and pull requests, ${(YEAR_REPOS * 1000).toLocaleString("en-US")} reviews and comments: ` +
    `${year.result.status}, ${year.requests.toLocaleString("en-US")} requests (${year.graphql} GraphQL) in ${year.seconds.toFixed(1)} s = ` +
    `${((year.requests / HOURLY_LIMIT) * 100).toFixed(1)}% of GitHub's hourly installation limit (${HOURLY_LIMIT.toLocaleString("en-US")}): ` +
    (year.requests <= HOURLY_LIMIT ? "within it" : "OVER it"),
);

standIn.kill("SIGTERM");
await client.end();
await disconnectDb();
const ok =
  first.result.status === "succeeded" &&
  records === first.result.imported &&
  year.result.status === "succeeded" &&
  year.requests <= HOURLY_LIMIT;
process.exit(ok ? 0 : 1);
