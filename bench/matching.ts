/**
 * `npm run bench:matching` (issue 9, "Performance"), after `npm run bench:data`:
 * 1. top 20 matches for one person over 100,000 open items (`findMatchesForPerson`, as the
 *    for-you page calls it): p50/p95 over several people, budget p95 < 50 ms;
 * 2. top 20 people for one item over the 5,000 generated people (`findPeopleForItem`, the
 *    reverse match): p50/p95 over several items, budget p95 < 50 ms;
 * 3. `/help-wanted/for-you` under 32 concurrent clients (autocannon against `next start` of the
 *    last `next build`, signed in through a session row): p50/p95 latency, requests/s, errors.
 * The generated data has about 62,000 open items; this tops it up to 100,000 open ones by
 * copying open generated items, gives the generated people timezones, languages, interests and
 * preferred kinds, and some accepted and completed claims (on filled and closed items, so open
 * items keep their places). All marked like the generator's rows; `npm run bench:data -- --reset`
 * removes them. Options: `--runs N` (default 200), `--no-http`, `--duration S` (default 20).
 * Runs with `node --conditions=react-server --import tsx` because lib/ is server-only.
 */
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { benchDatabaseUrl } from "./generate-board-data.ts";
import { numberFlag, startNext } from "./harness.ts";
import { DAY } from "@/lib/vocabulary";

const RUNS = numberFlag("runs", 200);
const DURATION = numberFlag("duration", 20);
const OPEN_TARGET = 100_000;
const WARMUP = 10;

process.env.DATABASE_URL = await benchDatabaseUrl();
const { db, disconnectDb } = await import("@/lib/db");
const { findMatchesForPerson, findPeopleForItem } = await import("@/lib/matching/queries");
const { getSnapshot, invalidateSnapshot } = await import("@/lib/matching/snapshot");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

// --- data -------------------------------------------------------------------------------------
const [{ open }] = (await db.$queryRaw<
  { open: number }[]
>`SELECT count(*)::int AS "open" FROM "HelpWantedItem" WHERE "status" = 'open' AND "placesTaken" < "places"`) as [
  { open: number },
];
const generated =
  (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" FROM "User" WHERE "login" LIKE 'bench-user-%'`)[0]
    ?.n ?? 0;
if (generated === 0) {
  console.error("No generated data: run `npm run bench:data` first.");
  process.exit(1);
}
if (open < OPEN_TARGET) {
  const t = performance.now();
  await db.$executeRawUnsafe(`
    WITH src AS (
      SELECT i."id", gen_random_uuid() AS "nid" FROM "HelpWantedItem" i
       WHERE i."title" LIKE '[bench]%' AND i."status" = 'open' AND i."placesTaken" < i."places"
       ORDER BY i."id" LIMIT ${OPEN_TARGET - open}),
    ins AS (
      INSERT INTO "HelpWantedItem" ("id", "title", "body", "kind", "status", "skills", "effortHours", "region", "dueAt",
        "places", "placesTaken", "createdById", "createdAt", "updatedAt")
      SELECT s."nid", i."title", i."body", i."kind", 'open', i."skills", i."effortHours", i."region", i."dueAt",
        i."places", i."placesTaken", i."createdById", i."createdAt" - interval '1 second', i."updatedAt"
      FROM src s JOIN "HelpWantedItem" i ON i."id" = s."id"
      RETURNING "id")
    INSERT INTO "HelpWantedItemTag" ("itemId", "tagId")
    SELECT s."nid", t."tagId" FROM src s JOIN "HelpWantedItemTag" t ON t."itemId" = s."id"`);
  console.log(
    `topped up to ${OPEN_TARGET.toLocaleString("en-US")} open items in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
// Profiles the generator leaves empty, derived from each login so every run sees the same.
await db.$executeRawUnsafe(`
  UPDATE "User" u SET
    "claimedAt" = coalesce(u."claimedAt", now()),
    "timezone" = coalesce(u."timezone", (ARRAY['Europe/Berlin', 'Europe/London', 'Asia/Tokyo', 'Asia/Kolkata', 'America/New_York', 'America/Sao_Paulo', 'UTC+2 to UTC+4'])[1 + abs(hashtext(u."login")) % 7]),
    "languages" = CASE WHEN cardinality(u."languages") > 0 THEN u."languages" ELSE (CASE abs(hashtext(u."login" || 'l')) % 4
      WHEN 0 THEN ARRAY['English'] WHEN 1 THEN ARRAY['English', 'Spanish'] WHEN 2 THEN ARRAY['English', 'Japanese'] ELSE ARRAY['English', 'Portuguese'] END) END,
    "interests" = CASE WHEN cardinality(u."interests") > 0 THEN u."interests" ELSE ARRAY[(ARRAY['Security and compliance', 'Observability', 'Developer experience', 'Storage', 'Networking', 'Events'])[1 + abs(hashtext(u."login" || 'i')) % 6]] END,
    "preferredKinds" = CASE WHEN cardinality(u."preferredKinds") > 0 THEN u."preferredKinds" ELSE ARRAY[(ARRAY['content', 'review', 'event', 'project-liaison'])[1 + abs(hashtext(u."login" || 'k')) % 4]]::"HelpWantedKind"[] END
  WHERE u."login" LIKE 'bench-user-%'`);
const claims =
  (
    await db.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS "n" FROM "Claim" c JOIN "User" u ON u."id" = c."userId" WHERE u."login" LIKE 'bench-user-%'`
  )[0]?.n ?? 0;
if (claims === 0) {
  // 2,000 accepted claims on filled items and 4,000 completed ones on closed items.
  for (const [status, itemStatus, n] of [
    ["accepted", "filled", 2000],
    ["completed", "closed", 4000],
  ] as const) {
    await db.$executeRawUnsafe(`
      INSERT INTO "Claim" ("id", "itemId", "userId", "status", "createdAt", "lastActivityAt")
      SELECT gen_random_uuid(), i."id", u."id", '${status}', now(), now()
      FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS r FROM "HelpWantedItem" WHERE "title" LIKE '[bench]%' AND "status" = '${itemStatus}' LIMIT ${n}) i
      JOIN (SELECT "id", row_number() OVER (ORDER BY "login") AS r FROM "User" WHERE "login" LIKE 'bench-user-%') u ON u.r = 1 + (i.r * 7919) % ${generated}
      ON CONFLICT DO NOTHING`);
  }
}
await db.$executeRawUnsafe(`ANALYZE "HelpWantedItem"; ANALYZE "User"; ANALYZE "Claim"`);

const [counts] = await db.$queryRaw<{ open: number; people: number; claims: number }[]>`
  SELECT (SELECT count(*)::int FROM "HelpWantedItem" WHERE "status" = 'open' AND "placesTaken" < "places") AS "open",
         (SELECT count(*)::int FROM "User" WHERE "claimedAt" IS NOT NULL AND NOT "matchOptOut") AS "people",
         (SELECT count(*)::int FROM "Claim") AS "claims"`;
const now = new Date();

// --- 1. matches for a person --------------------------------------------------------------------
invalidateSnapshot();
let t0 = performance.now();
const snapshot = await getSnapshot();
const coldLoad = performance.now() - t0;
const persons = (
  await db.user.findMany({
    where: { login: { startsWith: "bench-user-" } },
    select: { id: true },
    orderBy: { login: "asc" },
    take: 10,
  })
).map((u) => u.id);
// One person shaped like the example: Go and documentation, EMEA, 10 hours a month.
await db.user.update({
  where: { id: persons[0]! },
  data: { skills: ["Go", "Documentation"], region: "EMEA", timezone: "Europe/Berlin", hoursPerMonth: 10 },
});
for (let i = 0; i < WARMUP; i++) await findMatchesForPerson(persons[i % persons.length]!, { now, limit: 20 });
const personTimes: number[] = [];
let example = "";
for (let i = 0; i < RUNS; i++) {
  const id = persons[i % persons.length]!;
  t0 = performance.now();
  const r = await findMatchesForPerson(id, { now, limit: 20 });
  personTimes.push(performance.now() - t0);
  if (i === 0) example = r?.matches[0] ? `${r.matches[0].item.title} (${r.matches[0].line})` : "(none)";
}
personTimes.sort((a, b) => a - b);

// --- 2. people for an item --------------------------------------------------------------------
const items = snapshot.base.items
  .filter((_, i) => i % 9973 === 0)
  .slice(0, 10)
  .map((i) => i.id);
const admin = {
  id: persons[0]!,
  isAdmin: true,
  isTocMember: false,
  isCncfAmbassador: false,
  leadTagIds: [] as string[],
  chairTagIds: [] as string[],
};
for (let i = 0; i < WARMUP; i++) await findPeopleForItem(admin, items[i % items.length]!, { now, limit: 20 });
const itemTimes: number[] = [];
let peopleExample = "";
for (let i = 0; i < RUNS; i++) {
  t0 = performance.now();
  const r = await findPeopleForItem(admin, items[i % items.length]!, { now, limit: 20 });
  itemTimes.push(performance.now() - t0);
  if (i === 0) peopleExample = r[0] ? `@${r[0].login} (${r[0].line})` : "(none)";
}
itemTimes.sort((a, b) => a - b);

console.log(
  `matching, ${RUNS} runs each, one client, Node ${process.version}; ${counts!.open.toLocaleString("en-US")} open items, ` +
    `${counts!.people.toLocaleString("en-US")} people who may be suggested, ${counts!.claims.toLocaleString("en-US")} claims`,
);
console.log(
  `snapshot of open items loaded cold in ${ms(coldLoad)} (${snapshot.base.items.length.toLocaleString("en-US")} items; then reused, reloaded in the background every 5 minutes)`,
);
console.log(`| query                                   | p50      | p95      | budget p95 |`);
console.log(`|-----------------------------------------|----------|----------|------------|`);
console.log(
  `| top 20 items for a person (10 people)   | ${ms(percentile(personTimes, 50)).padEnd(8)} | ${ms(percentile(personTimes, 95)).padEnd(8)} | < 50 ms    |`,
);
console.log(
  `| top 20 people for an item (10 items)    | ${ms(percentile(itemTimes, 50)).padEnd(8)} | ${ms(percentile(itemTimes, 95)).padEnd(8)} | < 50 ms    |`,
);
console.log(`best match for the Go/docs person: ${example}`);
console.log(`best person for the first item: ${peopleExample}`);

// --- 3. the for-you page under 32 concurrent clients ---------------------------------------------
interface AutocannonResult {
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Instance = Promise<AutocannonResult> & {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}) => Instance;

if (!process.argv.includes("--no-http")) {
  const port = Number(process.env.PORT ?? 3000);
  const base = `http://localhost:${port}`;
  const token = randomBytes(24).toString("hex");
  await db.session.create({
    data: { sessionToken: token, userId: persons[0]!, expires: new Date(Date.now() + DAY) },
  });
  const web = startNext(port, {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: base,
    GITHUB_CLIENT_ID: "bench",
    GITHUB_CLIENT_SECRET: "bench",
  });
  try {
    const headers = { cookie: `next-auth.session-token=${token}` };
    let page = "";
    for (let i = 0; i < 120 && !page; i++) {
      try {
        const res = await fetch(`${base}/help-wanted/for-you`, { headers, redirect: "manual" });
        if (res.status === 200) page = await res.text();
        else if (res.status !== 200 && i > 100) throw new Error(`for-you answered ${res.status}`);
      } catch (e) {
        if (i > 110) throw e;
      }
      if (!page) await new Promise((r) => setTimeout(r, 1000));
    }
    if (!page.includes("Help wanted for you") || !page.includes("Why it matches you"))
      throw new Error("the for-you page did not show matches for the bench person");
    // Warm up the web process (its own snapshot, compiled routes).
    for (let i = 0; i < 10; i++) await fetch(`${base}/help-wanted/for-you`, { headers });
    const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
    const latencies: number[] = [];
    const run = autocannon({ url: `${base}/help-wanted/for-you`, connections: 32, duration: DURATION, headers });
    run.on("response", (_c, _s, _b, t) => latencies.push(t));
    const result = await run;
    latencies.sort((a, b) => a - b);
    console.log(
      `\nGET /help-wanted/for-you (signed in), 32 concurrent clients for ${DURATION} s against next start: ` +
        `${result.requests.total.toLocaleString("en-US")} requests, ${result.requests.average.toFixed(1)} req/s, ` +
        `p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}, ` +
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
    );
  } finally {
    web.kill("SIGTERM");
    await db.session.deleteMany({ where: { sessionToken: token } });
  }
}

await disconnectDb();
process.exit(0);
