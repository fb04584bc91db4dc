/**
 * `npm run drill [-- --short]`: failure drills against the production build on this machine,
 * loopback only, bounded in time and requests. Needs `npm run build`.
 *
 * 1. PostgreSQL restarts under load: the web and worker processes survive, requests fail fast with
 *    503 while it is down and succeed again within 10 s, and every write the client saw
 *    acknowledged (a ledger of webhook deliveries) is in the database afterwards.
 * 2. The worker is killed in the middle of a job: the job is retried and its effect happens once.
 * 3. Two workers tick: each sweep runs once per tick, not once per worker.
 *
 * The test suite runs the short form (e2e/ops/drill.spec.ts).
 */
import { createHmac, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import PgBoss from "pg-boss";
import pg from "pg";
import { migrateAndVerify } from "./db/database.ts";
import { startEmbeddedPostgres, type EmbeddedCluster } from "./db/embedded-postgres.ts";
import { assemble, root, standalone } from "./ops/assemble.ts";
import { freshDatabase, jsonLines, startProcess, waitForHttp, type Running } from "./ops/processes.ts";
import { seed } from "../prisma/seed.ts";

export interface DrillOptions {
  short: boolean;
  /** Web port; workers use the next ports. */
  port: number;
  pgPort: number;
  log?: (line: string) => void;
}

export interface Check {
  drill: string;
  name: string;
  ok: boolean;
  detail: string;
}

const WEBHOOK_SECRET = "drill-webhook-secret";
const REPO = "cncf/drill";
const DAY = 86_400_000;

interface Sample {
  at: number;
  kind: "read" | "write";
  status: number;
  ms: number;
  deliveryId?: string;
}

export async function runDrills(o: DrillOptions): Promise<Check[]> {
  const log = o.log ?? ((l: string) => console.log(`[drill] ${l}`));
  const checks: Check[] = [];
  const check = (drill: string, name: string, ok: boolean, detail: string) => {
    checks.push({ drill, name, ok, detail });
    log(`${ok ? "PASS" : "FAIL"} ${drill}: ${name} (${detail})`);
  };
  const base = `http://127.0.0.1:${o.port}`;
  const running: Running[] = [];
  let cluster: EmbeddedCluster | null = null;
  let boss: PgBoss | null = null;
  try {
    await assemble();
    cluster = await startEmbeddedPostgres({ name: "drill", port: o.pgPort });
    const url = await freshDatabase(cluster.url("postgres"), "tag_portal_drill");
    await migrateAndVerify(url);
    await seed(url);
    const author = await withDb(url, async (c) => {
      await c.query(
        `UPDATE "Tag" SET repositories = ARRAY[$1] WHERE slug = (SELECT slug FROM "Tag" ORDER BY slug LIMIT 1)`,
        [REPO],
      );
      return (await c.query<{ g: string }>(`SELECT "githubId"::text AS g FROM "User" ORDER BY "githubId" LIMIT 1`))
        .rows[0]!.g;
    });
    const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      AUTH_SECRET: "drill-auth-secret-0123456789abcdef0123",
      NEXTAUTH_URL: base,
      GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PORT: String(o.port),
      HOSTNAME_BIND: "127.0.0.1",
      LOG_LEVEL: "debug",
      API_RATE_LIMIT_PER_MINUTE: "100000",
      ...extra,
    });
    const entry = path.join(standalone, "entrypoint.sh");
    const start = (name: string, command: string, extra: Record<string, string> = {}) => {
      const p = startProcess(name, [entry, command], { env: env(extra) });
      running.push(p);
      return p;
    };

    // ---- 3. Two workers: each sweep once per tick ----
    const tick = 2;
    const workersFor = (n: number, tickSeconds: number, firstPort: number) =>
      Array.from({ length: n }, (_, i) =>
        start(`worker-${firstPort + i}`, "worker", {
          SWEEP_INTERVAL_SECONDS: String(tickSeconds),
          WORKER_METRICS_PORT: String(firstPort + i),
        }),
      );
    const tickers = workersFor(2, tick, o.port + 1);
    const ticks = o.short ? 3 : 6;
    const workerRunning = (w: Running) => jsonLines(w.lines).some((r) => r.msg === "worker running");
    await waitFor(60_000, () => (tickers.every(workerRunning) ? true : undefined));
    for (const w of tickers.filter((x) => !workerRunning(x)))
      log(
        `${w.name} is not running (exit ${w.proc.exitCode}):\n${w.lines
          .filter((l) => /error|Error/.test(l))
          .slice(0, 5)
          .join("\n")
          .slice(0, 3000)}`,
      );
    const tickStart = new Date();
    await sleep((ticks * tick + 1) * 1000);
    await Promise.all(tickers.map((w) => w.stop("SIGTERM")));
    const perSlot = await withDb(
      url,
      async (c) =>
        (
          await c.query<{ name: string; slot: Date; n: number }>(
            `SELECT name, singleton_on AS slot, count(*)::int AS n FROM pgboss.job
           WHERE name LIKE 'sweep-%' AND singleton_on IS NOT NULL AND created_on >= $1 GROUP BY 1, 2`,
            [tickStart],
          )
        ).rows,
    );
    const slots = new Set(perSlot.map((r) => r.slot.getTime())).size;
    const doubled = perSlot.filter((r) => r.n > 1);
    const ranBy = tickers.map((w) => jsonLines(w.lines).filter((r) => r.msg === "job done").length);
    const kinds = new Map<string, number>();
    for (const w of tickers)
      for (const r of jsonLines(w.lines))
        if (r.msg === "job done") kinds.set(String(r.kind), (kinds.get(String(r.kind)) ?? 0) + 1);
    log(`jobs done by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`);
    check(
      "two workers",
      "each sweep ran once per tick",
      doubled.length === 0 && slots >= ticks,
      `${slots} ticks, ${perSlot.length} sweep runs, ${doubled.length} doubled; jobs done per worker: ${ranBy.join(", ")}`,
    );

    // Web and two workers for the other drills; their own tick is far away.
    const web = start("web", "web");
    const workers = workersFor(2, 3600, o.port + 11);
    await waitForHttp(`${base}/api/health/ready`, 90_000, 200, web);

    // ---- 1. PostgreSQL restart under load ----
    const samples: Sample[] = [];
    let stopLoad = false;
    let sent = 0;
    const maxRequests = o.short ? 4000 : 20_000;
    let pr = 0;
    const client = async () => {
      while (!stopLoad && sent < maxRequests) {
        sent++;
        const write = sent % 2 === 0;
        const t = Date.now();
        const s: Sample = { at: t, kind: write ? "write" : "read", status: 0, ms: 0 };
        try {
          if (write) {
            s.deliveryId = randomUUID();
            const n = ++pr;
            const body = JSON.stringify({
              action: "opened",
              repository: { full_name: REPO },
              sender: { id: Number(author), login: "drill" },
              pull_request: {
                number: n,
                title: `Drill ${n}`,
                html_url: `https://github.com/${REPO}/pull/${n}`,
                created_at: new Date().toISOString(),
                merged: false,
                user: { id: Number(author), login: "drill" },
              },
            });
            const r = await fetch(`${base}/api/webhooks/github`, {
              method: "POST",
              headers: {
                "content-type": "application/json",
                "x-github-event": "pull_request",
                "x-github-delivery": s.deliveryId,
                // GitHub's signature, as lib/github/webhook.ts checks it (that module is server-only).
                "x-hub-signature-256": `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`,
              },
              body,
              signal: AbortSignal.timeout(15_000),
            });
            s.status = r.status;
            await r.arrayBuffer();
          } else {
            const r = await fetch(`${base}/api/v1/tags`, { signal: AbortSignal.timeout(15_000) });
            s.status = r.status;
            await r.arrayBuffer();
          }
        } catch {
          s.status = -1; // connection refused or timed out
        }
        s.ms = Date.now() - t;
        samples.push(s);
      }
    };
    const clients = Array.from({ length: o.short ? 4 : 8 }, () => client());
    await sleep(o.short ? 2000 : 5000);
    const down = Date.now();
    log("stopping PostgreSQL");
    await cluster.stop();
    await sleep(o.short ? 2000 : 5000);
    log("starting PostgreSQL");
    cluster = await startEmbeddedPostgres({ name: "drill", port: o.pgPort });
    const up = Date.now();
    await sleep(10_000);
    stopLoad = true;
    await Promise.all(clients);

    // Requests sent once the server is gone (not those caught in flight by the shutdown).
    const during = samples.filter((s) => s.at >= down + 500 && s.at + s.ms <= up);
    const failedDuring = during.filter((s) => s.status !== 200 && s.status !== 202);
    const not503 = failedDuring.filter((s) => s.status !== 503);
    const ms = failedDuring.map((s) => s.ms).sort((a, b) => a - b);
    const p95 = ms[Math.floor(ms.length * 0.95)] ?? 0;
    const slowest = ms.at(-1) ?? 0;
    check(
      "PostgreSQL restart",
      "requests fail fast with 503 while it is down",
      during.length > 0 && not503.length === 0 && p95 < 1000 && slowest < 3000,
      `${during.length} requests during the outage: ${count(during)}; failures p95 ${p95} ms, slowest ${slowest} ms`,
    );
    const okAfter = (kind: Sample["kind"]) => samples.find((s) => s.at >= up && s.kind === kind && s.status === 200);
    const lastFailure = Math.max(
      0,
      ...samples.filter((s) => s.status !== 200 && s.status !== 202).map((s) => s.at + s.ms),
    );
    const recovered = Math.max(okAfter("read")?.at ?? Infinity, okAfter("write")?.at ?? Infinity, lastFailure) - up;
    check(
      "PostgreSQL restart",
      "reads and writes succeed again within 10 s",
      recovered <= 10_000,
      `${(recovered / 1000).toFixed(1)} s after PostgreSQL accepted connections; ${samples.length} requests in all: ${count(samples)}`,
    );
    const survivors = [web, ...workers].filter((p) => p.proc.exitCode === null && p.proc.signalCode === null);
    check("PostgreSQL restart", "web and workers survived", survivors.length === 3, `${survivors.length} of 3 running`);
    const acked = samples.filter((s) => s.kind === "write" && s.status === 200).map((s) => s.deliveryId!);
    const stored = await withDb(url, async (c) => {
      const r = await c.query<{ id: string }>(
        `SELECT "deliveryId" AS id FROM "WebhookDelivery" WHERE "deliveryId" = ANY($1)`,
        [acked],
      );
      return new Set(r.rows.map((x) => x.id));
    });
    const lost = acked.filter((id) => !stored.has(id));
    check(
      "PostgreSQL restart",
      "no acknowledged write lost",
      acked.length > 0 && lost.length === 0,
      `${acked.length} writes acknowledged, ${lost.length} missing from the database`,
    );

    // ---- 2. Kill the worker in the middle of a job ----
    // Few enough for one run of the reminder sweep (it takes 1,000 a run), enough to be killed midway.
    const users = o.short ? 300 : 1000;
    const userIds = await withDb(url, async (c) => {
      const r = await c.query<{ id: string }>(
        `INSERT INTO "User" (id, "githubId", login, name, "createdAt", "updatedAt")
         SELECT gen_random_uuid(), 900000000 + g, 'drill-' || g, 'Drill ' || g, $1, $1 FROM generate_series(1, $2) g
         RETURNING id`,
        [new Date(Date.now() - 30 * DAY), users],
      );
      return r.rows.map((x) => x.id);
    });
    boss = new PgBoss({
      connectionString: url,
      schema: "pgboss",
      supervise: true,
      maintenanceIntervalSeconds: 1,
      schedule: false,
    });
    boss.on("error", (e) => log(`queue error: ${e.message}`));
    await boss.start();
    const jobId = (await boss.send(
      "sweep-profile-reminders",
      {},
      { retryLimit: 2, expireInSeconds: o.short ? 20 : 60 },
    ))!;
    const startedBy = await waitFor(20_000, () =>
      workers.find((w) => jsonLines(w.lines).some((r) => r.msg === "job started" && r.jobId === jobId)),
    );
    const reminded = () =>
      withDb(url, async (c) =>
        Number(
          (
            await c.query<{ n: string }>(
              `SELECT count(*) AS n FROM "Notification" WHERE kind = 'profile.incomplete' AND "userId" = ANY($1::uuid[])`,
              [userIds],
            )
          ).rows[0]!.n,
        ),
      );
    await waitFor(20_000, async () => ((await reminded()) > 0 ? true : undefined));
    const atKill = await reminded();
    startedBy!.proc.kill("SIGKILL");
    await startedBy!.exited;
    log(`killed ${startedBy!.name} with ${atKill} of ${users} reminders sent`);
    const replacement = workersFor(1, 3600, o.port + 21)[0]!;
    let lastState = "";
    const job = await waitFor(90_000, async () => {
      const j = await boss!.getJobById("sweep-profile-reminders", jobId, { includeArchive: true });
      lastState = `${j?.state ?? "missing"} (retries ${j?.retryCount ?? "?"})`;
      return j?.state === "completed" ? j : undefined;
    });
    const [total, distinct] = await withDb(url, async (c) => {
      const r = await c.query<{ n: string; d: string }>(
        `SELECT count(*) AS n, count(DISTINCT "userId") AS d FROM "Notification"
         WHERE kind = 'profile.incomplete' AND "userId" = ANY($1::uuid[])`,
        [userIds],
      );
      return [Number(r.rows[0]!.n), Number(r.rows[0]!.d)];
    });
    check(
      "worker killed mid-job",
      "the job was retried and completed",
      Boolean(job) && (job?.retryCount ?? 0) >= 1 && atKill < users,
      `killed with ${atKill}/${users} done; job ${job ? `${job.state} after ${job.retryCount} retr${job.retryCount === 1 ? "y" : "ies"}` : `not completed in 90 s: ${lastState}`}`,
    );
    check(
      "worker killed mid-job",
      "its effect happened once",
      total === users && distinct === users,
      `${total} reminders for ${users} people (${distinct} distinct)`,
    );
    void replacement;
  } finally {
    await boss?.stop({ graceful: false, wait: true }).catch(() => {});
    await Promise.all(running.map((p) => p.stop("SIGTERM", 10_000)));
    // What each process wrote, for a failed drill's post-mortem.
    fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
    for (const p of running)
      fs.writeFileSync(path.join(root, "test-results", `drill-${p.name}.log`), p.lines.join("\n"));
    await cluster?.stop();
  }
  return checks;
}

function count(samples: Sample[]): string {
  const by = new Map<number, number>();
  for (const s of samples) by.set(s.status, (by.get(s.status) ?? 0) + 1);
  return [...by].map(([status, n]) => `${n}× ${status === -1 ? "no answer" : status}`).join(", ");
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitFor<T>(ms: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await probe();
    if (v !== undefined) return v;
    await sleep(100);
  }
  return undefined;
}

async function withDb<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const short = process.argv.includes("--short");
  const checks = await runDrills({
    short,
    port: Number(process.env.DRILL_PORT ?? 57460),
    pgPort: Number(process.env.DRILL_PG_PORT ?? 57450),
  });
  const failed = checks.filter((c) => !c.ok);
  console.log(`${checks.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length ? 1 : 0);
}
