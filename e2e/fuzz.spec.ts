import fs from "node:fs";
import fc from "fast-check";
import pg from "pg";
import { readE2eInfo } from "../scripts/e2e-info";
import { expect, portalPort, signInAs, test } from "./fixtures";
import { serverActions } from "./server-actions";

/**
 * docs/security.md, I2: the real entry points, called with arbitrary and hostile input by someone
 * the permission checks let furthest (an admin), answer with field errors or a 4xx, never a 500,
 * and write nothing. Two parts: a sweep that gives every entry point every hostile string and every
 * empty call (the same requests each run), and a sample of random inputs from a seed printed with
 * every failure (FUZZ_SEED=<n> repeats a run).
 */

/**
 * A fixed seed by default: CI answers the same way every run, and a failure is never luck.
 * `FUZZ_SEED=random` explores (each failure prints the seed that repeats it); the route handlers
 * also replay the seeds that found a hole earlier (SEEDS_THAT_FOUND_HOLES).
 */
const seed = process.env.FUZZ_SEED === "random" ? Date.now() % 1_000_000 : Number(process.env.FUZZ_SEED ?? 20_261_205);
const SEEDS_THAT_FOUND_HOLES = [544_214, 620_961, 382_405];
const RUNS = 3;

const HOSTILE_STRINGS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  '\'; DROP TABLE "User"; --',
  "-".repeat(36),
  "00000000-0000-0000-0000-000000000000",
  "../../etc/passwd",
  "\u0000",
  "%00%2e%2e%2f",
  "x".repeat(20_000),
  "NaN",
  "-1",
  "1e309",
];
// React's reply format gives strings that start with "$" a meaning of their own (references);
// those are the framework's to parse, not the portal's.
const text = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string().filter((s) => !s.startsWith("$")),
);
const FIELD_NAMES = [
  "id",
  "itemId",
  "claimId",
  "tagId",
  "tagSlug",
  "electionId",
  "liaisonId",
  "assignmentId",
  "userId",
  "login",
  "title",
  "body",
  "link",
  "evidenceUrl",
  "decision",
  "ids",
  "role",
  "isAdmin",
  "__proto__",
  "constructor",
];
const value = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
);
const hostileObject = fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { maxKeys: 6 });
/** The arguments of one call: what a form would send, or anything at all. */
const args = fc.oneof(
  fc.tuple(hostileObject),
  fc.tuple(fc.constant(null), hostileObject),
  fc.tuple(value),
  fc.array(value, { maxLength: 3 }),
);

/**
 * Calls that carry nothing: no arguments, an empty object, a form state and an empty form. None may
 * change anything. A form of checkboxes alone reads "nothing ticked" as a choice; such a form sends
 * an intent field, so an empty call is refused (two actions once saved on `{}`).
 */
const EMPTY_CALLS: unknown[][] = [[], [{}], [null, {}]];

/** Rows that only a successful change adds: governance changes (audit "ok") and the main records. */
async function counts(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: readE2eInfo(portalPort()).env.DATABASE_URL });
  await client.connect();
  try {
    // A fresh world's worker starts each TAG's daily GitHub sync, which imports contributions and
    // drafts (seen when this spec ran first): the counts are read once no sync is under way.
    for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 500))) {
      const busy = await client.query(`SELECT 1 FROM "SyncRun" WHERE status IN ('queued', 'running') LIMIT 1`);
      if (busy.rowCount === 0) break;
    }
    const out: Record<string, number> = {};
    for (const [name, sql] of [
      ["governance changes", `SELECT count(*) FROM "AuditEvent" WHERE outcome = 'ok'`],
      ["items", `SELECT count(*) FROM "HelpWantedItem"`],
      ["claims", `SELECT count(*) FROM "Claim"`],
      ["claim updates", `SELECT count(*) FROM "ClaimUpdate"`],
      ["seats", `SELECT count(*) FROM "RoleAssignment"`],
      ["elections", `SELECT count(*) FROM "Election"`],
      ["tags", `SELECT count(*) FROM "Tag"`],
      ["contributions", `SELECT count(*) FROM "ContributionRecord"`],
      ["check-ins", `SELECT count(*) FROM "LiaisonCheckIn"`],
    ] as const)
      out[name] = Number((await client.query<{ count: string }>(sql)).rows[0]!.count);
    return out;
  } finally {
    await client.end();
  }
}

test("every server action, called by an admin with hostile input, answers without a 500 and changes nothing", async ({
  page,
}) => {
  test.slow();
  await signInAs(page, "ada-admin");
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const before = await counts();
  const crashes: string[] = [];
  for (const a of serverActions()) {
    const sampled = fc.sample(args, { numRuns: RUNS, seed: seed + a.id.length + a.name.length });
    for (const call of [...EMPTY_CALLS, ...sampled]) {
      const res = await page.request.post(a.path, {
        headers: { "Next-Action": a.id, Origin: origin, "Content-Type": "text/plain;charset=UTF-8" },
        data: JSON.stringify(call),
        maxRedirects: 0,
      });
      const body = await res.text();
      if (res.status() >= 500 || /"ok":true/.test(body))
        crashes.push(
          `${a.name} at ${a.path}: ${res.status()} ${body.slice(0, 120)} <- ${JSON.stringify(call).slice(0, 200)}`,
        );
    }
  }
  expect(crashes, `FUZZ_SEED=${seed}`).toEqual([]);
  expect(await counts(), `FUZZ_SEED=${seed}`).toEqual(before);
});

/**
 * The methods a route handler of the build (`/(portal)/tags/[slug]/roster.csv/route`) exports, read
 * from its source: both GET and POST when the source does not say.
 */
function exportedMethods(file: string): Set<string> {
  const source = [".ts", ".tsx"].map((ext) => `app${file}${ext}`).find((f) => fs.existsSync(f));
  const found = new Set(
    [
      ...(source ? fs.readFileSync(source, "utf8") : "").matchAll(
        /export\s+(?:async\s+)?(?:function|const)\s+(GET|POST)\b|\bas\s+(GET|POST)\b/g,
      ),
    ].map((m) => m[1] ?? m[2]!),
  );
  return found.size > 0 ? found : new Set(["GET", "POST"]);
}

test("every route handler, given hostile path segments and query strings, answers without a 500", async ({ page }) => {
  test.slow();
  const manifest = JSON.parse(fs.readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<string, string>;
  const routes = Object.entries(manifest)
    .filter(([file]) => file.endsWith("/route"))
    .map(([file, route]) => ({ route, methods: exportedMethods(file) }))
    // next-auth's own routes and the health checks take no input of ours.
    .filter(({ route: r }) => !r.startsWith("/api/auth/") && !r.startsWith("/api/health/"));
  expect(routes.length).toBeGreaterThan(10);
  const segment = fc.oneof(text, fc.constantFrom("security-and-compliance", "matrix.json", "members"));
  const query = fc.dictionary(
    fc.constantFrom("cursor", "limit", "tag", "status", "q", "kind", "region", "skill"),
    text,
    {
      maxKeys: 3,
    },
  );
  const crashes: string[] = [];
  await signInAs(page, "ada-admin");
  const keys = ["cursor", "limit", "tag", "status", "q", "kind", "region", "skill"] as const;
  for (const { route, methods } of routes) {
    // Every hostile string in every segment and every parameter at once, then the random sample.
    const swept = HOSTILE_STRINGS.map((h) => [[h, h, h], Object.fromEntries(keys.map((k) => [k, h]))] as const);
    const sampled = [seed, ...SEEDS_THAT_FOUND_HOLES].flatMap((s) =>
      fc.sample(fc.tuple(fc.array(segment, { minLength: 3, maxLength: 3 }), query), {
        numRuns: RUNS,
        seed: s + route.length,
      }),
    );
    for (const [n, [segments, q]] of [...swept, ...sampled].entries()) {
      let i = 0;
      const path = route.replace(/\[[^\]]+\]/g, () => encodeURIComponent(segments[i++]!.slice(0, 300) || "x"));
      const search = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, v.slice(0, 2000)])).toString();
      const url = `${path}${search ? `?${search}` : ""}`;
      // A method the route does not export is Next.js's 405 after the same proxy: the first call shows it.
      for (const method of (["GET", "POST"] as const).filter((m) => n === 0 || methods.has(m))) {
        const res = await page.request.fetch(url, {
          method,
          maxRedirects: 0,
          headers: { Origin: "https://evil.example" },
          data: method === "POST" ? JSON.stringify(q) : undefined,
        });
        if (res.status() >= 500) crashes.push(`${method} ${url.slice(0, 200)}: ${res.status()}`);
      }
    }
  }
  expect(crashes, `FUZZ_SEED=${seed}`).toEqual([]);
});
