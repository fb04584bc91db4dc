/**
 * `npm run bench:activity`: activity computation for 5,000 people over 500,000 contribution
 * records (issue 8, "Performance"), against the database in use (DATABASE_URL, else the embedded
 * dev cluster). Times what a TAG roster page asks for:
 *   - the roster page itself: `listRoster` + `activityByTag` for a TAG with 50 seats;
 *   - `activityByTag` (one set-based query) for a page of 50 people, for all 5,000 at once, and
 *     for a page of 50 people in every TAG (a dashboard's question);
 *   - for comparison, 50 separate `activityFor` calls over the TAG's window (one query per person).
 * Generated rows are marked (logins `bench-act-N`, TAG slugs `bench-act-K`) and reused when the
 * counts match; deterministic (PostgreSQL's setseed), so figures compare between runs.
 * Options: `--people N` (5,000), `--records N` (500,000), `--runs N` (50).
 * Runs with `node --conditions=react-server --import tsx` because lib/ is server-only.
 */
import pg from "pg";
import { benchDatabaseUrl } from "./generate-board-data.ts";
import { windowEndingAt } from "@/lib/vocabulary";
import { numberFlag } from "./harness.ts";

const PEOPLE = numberFlag("people", 5_000);
const RECORDS = numberFlag("records", 500_000);
const RUNS = numberFlag("runs", 50);
const TAGS = 5;
const SEATS = 50;
const PAGE = 50;
const GITHUB_ID_BASE = 880_000_000;

process.env.DATABASE_URL = await benchDatabaseUrl();
const { db, disconnectDb } = await import("@/lib/db");
const { activityByTag, activityFor } = await import("@/lib/contributions/activity");
const { listRoster } = await import("@/lib/roles/queries");

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);

const have = {
  people: await count(`SELECT count(*) AS n FROM "User" WHERE "login" LIKE 'bench-act-%'`),
  records: await count(
    `SELECT count(*) AS n FROM "ContributionRecord" c JOIN "User" u ON u."id" = c."userId" WHERE u."login" LIKE 'bench-act-%'`,
  ),
};
if (have.people !== PEOPLE || have.records !== RECORDS) {
  const t0 = Date.now();
  // Users cascade their records and seats.
  await client.query(`DELETE FROM "User" WHERE "login" LIKE 'bench-act-%'`);
  await client.query(`DELETE FROM "Tag" WHERE "slug" LIKE 'bench-act-%'`);
  await client.query(
    `INSERT INTO "Tag" ("id", "slug", "name", "updatedAt") SELECT gen_random_uuid(), 'bench-act-' || k, 'Bench activity TAG ' || k, now() FROM generate_series(0, ${TAGS - 1}) k`,
  );
  await client.query(
    `INSERT INTO "User" ("id", "githubId", "login", "updatedAt") SELECT gen_random_uuid(), ${GITHUB_ID_BASE} + n, 'bench-act-' || n, now() FROM generate_series(0, ${PEOPLE - 1}) n`,
  );
  // A skewed crowd: person floor(N·r²) (a few very active, many occasional), dates over two years,
  // mostly GitHub work, some help-wanted completions and self-reports (a fifth still pending).
  await client.query(`SELECT setseed(0.42)`);
  await client.query(
    `WITH us AS (SELECT "id", "githubId" - ${GITHUB_ID_BASE} AS n FROM "User" WHERE "login" LIKE 'bench-act-%'),
          ts AS (SELECT "id", substr("slug", 11)::int AS n FROM "Tag" WHERE "slug" LIKE 'bench-act-%'),
          g AS (SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5 FROM generate_series(1, ${RECORDS}) i)
     INSERT INTO "ContributionRecord" ("id", "userId", "tagId", "kind", "source", "verification", "occurredAt", "title", "createdAt")
     SELECT gen_random_uuid(), us."id", ts."id",
       (CASE WHEN r4 < 0.35 THEN 'pr' WHEN r4 < 0.45 THEN 'issue' WHEN r4 < 0.65 THEN 'review' WHEN r4 < 0.90 THEN 'comment'
             WHEN r4 < 0.93 THEN 'help-wanted' WHEN r4 < 0.97 THEN 'talk' ELSE 'blog' END)::"ContributionKind",
       (CASE WHEN r4 < 0.90 THEN 'github' WHEN r4 < 0.93 THEN 'help-wanted' ELSE 'self-reported' END)::"ContributionSource",
       (CASE WHEN r4 >= 0.93 AND r5 < 0.2 THEN 'pending' ELSE 'verified' END)::"VerificationState",
       now() - (r3 * 730) * interval '1 day', 'bench', now()
     FROM g JOIN us ON us.n = floor(${PEOPLE} * g.r1 * g.r1)::int JOIN ts ON ts.n = floor(${TAGS} * g.r2)::int`,
  );
  // The first TAG's roster: 50 seats held by people across the crowd (busy to barely seen).
  await client.query(
    `INSERT INTO "RoleAssignment" ("id", "tagId", "userId", "kind", "status", "requestedAt", "startAt")
     SELECT gen_random_uuid(), (SELECT "id" FROM "Tag" WHERE "slug" = 'bench-act-0'), u."id", 'custom', 'active', now(), now()
     FROM "User" u WHERE u."login" LIKE 'bench-act-%' AND (u."githubId" - ${GITHUB_ID_BASE}) % ${Math.max(1, Math.floor(PEOPLE / SEATS))} = 0
     ORDER BY u."githubId" LIMIT ${SEATS}`,
  );
  await client.query(`ANALYZE "ContributionRecord"; ANALYZE "User"; ANALYZE "RoleAssignment"`);
  console.log(
    `generated ${PEOPLE.toLocaleString("en-US")} people, ${RECORDS.toLocaleString("en-US")} records, ${SEATS} seats in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

const tags = await db.tag.findMany({
  where: { slug: { startsWith: "bench-act-" } },
  orderBy: { slug: "asc" },
  select: { id: true, slug: true, activityMinRecords: true, activityWindowMonths: true },
});
const tag = tags[0]!;
const people = (
  await db.user.findMany({
    where: { login: { startsWith: "bench-act-" } },
    orderBy: { githubId: "asc" },
    select: { id: true },
  })
).map((u) => u.id);
const at = new Date();

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const p = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return `p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms`;
}
async function time(runs: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return ms;
}

const pageOf = (i: number) => people.slice((i * PAGE) % PEOPLE, ((i * PAGE) % PEOPLE) + PAGE);
type Tag = (typeof tags)[number];
const activityOf = (tag: Tag, userIds: string[]) => activityByTag([{ tag, userIds }], at);
let statuses: Record<string, number> = {};
const rosterPage = await time(RUNS, async () => {
  const roster = await listRoster(tag.id, at);
  const activity = await activityOf(
    tag,
    roster.map((r) => r.userId),
  );
  statuses = {};
  for (const a of activity.values()) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
});
const holders = (await listRoster(tag.id, at)).map((r) => r.userId);
const rosterOnly = await time(RUNS, () => activityOf(tag, holders));
const setPage = await time(RUNS, (i) => activityOf(tags[i % TAGS]!, pageOf(i)));
const setAll = await time(Math.max(5, Math.floor(RUNS / 10)), (i) => activityOf(tags[i % TAGS]!, people));
const everyTag = await time(RUNS, (i) =>
  activityByTag(
    tags.map((t) => ({ tag: t, userIds: pageOf(i) })),
    at,
  ),
);
const perPerson = await time(Math.max(5, Math.floor(RUNS / 5)), (i) =>
  Promise.all(
    pageOf(i).map((id) =>
      activityFor(id, tags[i % TAGS]!.id, windowEndingAt(at, tags[i % TAGS]!.activityWindowMonths)),
    ),
  ),
);

const records = await count(
  `SELECT count(*) AS n FROM "ContributionRecord" c JOIN "User" u ON u."id" = c."userId" WHERE u."login" LIKE 'bench-act-%'`,
);
console.log(
  `activity for ${people.length.toLocaleString("en-US")} people over ${records.toLocaleString("en-US")} records in ${TAGS} TAGs (window ${tag.activityWindowMonths} months, ${tag.activityMinRecords}+ records = active), Node ${process.version}`,
);
console.log(
  `TAG roster page (listRoster + activityByTag, ${SEATS} seats; ${JSON.stringify(statuses)}), ${RUNS} runs: ${stats(rosterPage)}`,
);
console.log(`  of which activityByTag for the ${holders.length} holders: ${stats(rosterOnly)}`);
console.log(`activityByTag, a page of ${PAGE} people, ${RUNS} runs: ${stats(setPage)}`);
console.log(
  `activityByTag, all ${people.length.toLocaleString("en-US")} people in one query, ${setAll.length} runs: ${stats(setAll)}`,
);
console.log(`activityByTag, a page of ${PAGE} people in each of ${TAGS} TAGs, ${RUNS} runs: ${stats(everyTag)}`);
console.log(
  `for comparison, ${PAGE} activityFor calls (one query each, pool of ${process.env.DATABASE_POOL_SIZE ?? "default"}), ${perPerson.length} runs: ${stats(perPerson)}`,
);

await client.end();
await disconnectDb();
process.exit(0);
