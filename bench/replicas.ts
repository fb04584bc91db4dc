/**
 * `npm run bench:replicas [-- --duration 20 --connections 16]`: 1, 2 and 4 web processes (the
 * production server, `.next/standalone/server.js`, which is what `next start` runs for a standalone
 * build) and 2 workers on one PostgreSQL, behind a small round-robin proxy on loopback. A mixed
 * workload (anonymous board 40 %, signed-in board 25 %, a signed-in item page 25 %, volunteering
 * 10 %) runs against each; it prints throughput, p95 per kind and CPU per process. Needs `npm run build`.
 * Loopback only, bounded by duration and request count.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateAndVerify } from "../scripts/db/database.ts";
import { startEmbeddedPostgres } from "../scripts/db/embedded-postgres.ts";
import { assemble, standalone } from "../scripts/ops/assemble.ts";
import { freshDatabase, startProcess, waitForHttp, type Running } from "../scripts/ops/processes.ts";
import { seed } from "../prisma/seed.ts";
import { generate } from "./generate-board-data.ts";
import { numberFlag } from "./harness.ts";

const DURATION_S = numberFlag("duration", 20);
const CONNECTIONS = numberFlag("connections", 16);
const MAX_REQUESTS = 200_000;
const BASE_PORT = Number(process.env.BENCH_PORT ?? 57500);
const PROXY_PORT = BASE_PORT - 10;
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 57480);
const COUNTS = (process.argv.includes("--counts") ? String(numberFlag("counts", 124)) : "124").split("").map(Number);

type Kind = "anonymous board" | "signed-in board" | "item page" | "volunteering";
const MIX: [Kind, number][] = [
  ["anonymous board", 0.4],
  ["signed-in board", 0.25],
  ["item page", 0.25],
  ["volunteering", 0.1],
];

/**
 * The volunteer form posts only with JavaScript: the browser calls the server action by its id
 * (from the build's manifest) with the form's fields encoded as React encodes a FormData argument.
 */
function actionId(): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(standalone, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const id = Object.entries(manifest.node).find(
    ([, a]) => a.filename === "app/help-wanted/[id]/actions.ts" && a.exportedName === "volunteerAction",
  )?.[0];
  if (!id) throw new Error("volunteerAction is not in the build's server-reference manifest");
  return id;
}

let volunteerActionId: string | undefined;
function volunteerRequest(base: string, item: string, cookie: string): [string, RequestInit] {
  volunteerActionId ??= actionId();
  const body = new FormData();
  body.append("_1_itemId", item);
  body.append("_1_message", "From bench:replicas.");
  // The arguments last: the server reads the form's fields as they stream in, before it.
  body.append("0", JSON.stringify(["$K1"]));
  return [
    `${base}/help-wanted/${item}`,
    {
      method: "POST",
      headers: { cookie, "next-action": volunteerActionId, origin: base, accept: "text/x-component" },
      body,
    },
  ];
}

/** CPU seconds (user + system) a process used so far, from /proc. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (100 Hz on Linux)
  } catch {
    return 0;
  }
}

/** PostgreSQL's processes: the postmaster and its children. */
function postgresPids(postmaster: number): number[] {
  const pids = [postmaster];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      if (ppid === postmaster) pids.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return pids;
}

/** Round-robin reverse proxy: the load balancer in front of the replicas. */
function startProxy(ports: () => number[]): Promise<http.Server> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const targets = ports();
    const port = targets[next++ % targets.length]!;
    const up = http.request(
      { host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers, agent },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  return new Promise((resolve) => server.listen(PROXY_PORT, "127.0.0.1", () => resolve(server)));
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
}

const cluster = await startEmbeddedPostgres({ name: "bench-replicas", port: PG_PORT });
const running: Running[] = [];
try {
  await assemble();
  const url = await freshDatabase(cluster.url("postgres"), "tag_portal_bench_replicas");
  await migrateAndVerify(url);
  await seed(url);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  // A board of realistic size: 5,000 items across the demo TAGs, 500 more people.
  await generate(db, 5_000, 500);
  const people = (
    await db.query<{ id: string }>(`SELECT id FROM "User" WHERE login LIKE 'bench-user-%' ORDER BY login LIMIT 200`)
  ).rows.map((r) => r.id);
  const tokens = people.map(() => randomBytes(24).toString("hex"));
  for (let i = 0; i < people.length; i++)
    await db.query(
      `INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES (gen_random_uuid(), $1, $2, $3)`,
      [tokens[i], people[i], new Date(Date.now() + 86_400_000)],
    );
  const items = (
    await db.query<{ id: string }>(`SELECT id FROM "HelpWantedItem" WHERE status = 'open' ORDER BY id LIMIT 200`)
  ).rows.map((r) => r.id);
  await db.end();
  if (!items.length) throw new Error("the seed has no open help-wanted item");

  const env = (port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    AUTH_SECRET: "bench-replicas-auth-secret-0123456789ab",
    NEXTAUTH_URL: `http://localhost:${PROXY_PORT}`,
    PORT: String(port),
    HOSTNAME_BIND: "127.0.0.1",
    LOG_LEVEL: "warn",
    ...extra,
  });
  const entry = path.join(standalone, "entrypoint.sh");
  const workers = [0, 1].map((i) =>
    startProcess(`worker-${i}`, [entry, "worker"], {
      env: env(0, { WORKER_METRICS_PORT: String(BASE_PORT + 50 + i) }),
    }),
  );
  running.push(...workers);
  let webPorts: number[] = [];
  const proxy = await startProxy(() => webPorts);
  const base = `http://127.0.0.1:${PROXY_PORT}`;
  const cookie = (i: number) => `next-auth.session-token=${tokens[i % tokens.length]}`;

  console.log(
    `bench:replicas on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${CONNECTIONS} connections, ${DURATION_S} s per round`,
  );
  const rows: string[] = [];
  for (const n of COUNTS) {
    const webs = Array.from({ length: n }, (_, i) =>
      startProcess(`web-${i}`, [entry, "web"], { env: env(BASE_PORT + i) }),
    );
    running.push(...webs);
    await Promise.all(
      webs.map((w, i) => waitForHttp(`http://127.0.0.1:${BASE_PORT + i}/api/health/ready`, 120_000, 200, w)),
    );
    webPorts = webs.map((_, i) => BASE_PORT + i);
    // Warm-up: every replica compiles its routes and fills its caches.
    for (let i = 0; i < 10 * n; i++) {
      await fetch(`${base}/help-wanted`).then((r) => r.arrayBuffer());
      await fetch(`${base}/help-wanted/${items[i % items.length]}`, { headers: { cookie: cookie(i) } }).then((r) =>
        r.arrayBuffer(),
      );
    }
    const lat = new Map<Kind, number[]>(MIX.map(([k]) => [k, []]));
    const errors = new Map<string, number>();
    const fail = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
    const offers = { taken: 0, refused: 0 };
    let sent = 0;
    const cpu0 = new Map<string, number>();
    const pgPids = postgresPids(
      Number(fs.readFileSync(path.join(cluster.dataDir, "postmaster.pid"), "utf8").split("\n")[0]),
    );
    const procs: [string, number[]][] = [
      ...webs.map((w) => [w.name, [w.proc.pid!]] as [string, number[]]),
      ["workers", workers.map((w) => w.proc.pid!)],
      ["postgres", pgPids],
    ];
    for (const [name, pids] of procs)
      cpu0.set(
        name,
        pids.reduce((s, p) => s + cpuSeconds(p), 0),
      );
    const self0 = process.cpuUsage();
    const t0 = Date.now();
    const end = t0 + DURATION_S * 1000;
    const loop = async (c: number) => {
      let i = c;
      while (Date.now() < end && sent < MAX_REQUESTS) {
        sent++;
        i += CONNECTIONS;
        const r = Math.random();
        let acc = 0;
        const kind = MIX.find(([, w]) => (acc += w) >= r)?.[0] ?? "anonymous board";
        const item = items[i % items.length]!;
        const t = performance.now();
        try {
          let status: number;
          if (kind === "anonymous board") status = (await fetch(`${base}/help-wanted`).then(drain)).status;
          else if (kind === "signed-in board")
            status = (await fetch(`${base}/help-wanted`, { headers: { cookie: cookie(i) } }).then(drain)).status;
          else if (kind === "item page")
            status = (await fetch(`${base}/help-wanted/${item}`, { headers: { cookie: cookie(i) } }).then(drain))
              .status;
          else {
            const r = await fetch(...volunteerRequest(base, item, cookie(i)));
            const text = await r.text();
            status = r.status;
            // A full item or a second offer is refused with a message: work done, nothing written.
            if (text.includes('"ok":true')) offers.taken++;
            else if (text.includes('"ok":false')) offers.refused++;
            else if (status < 400) fail(`${kind} without a result`);
          }
          if (status >= 400) fail(`${kind} ${status}`);
        } catch {
          fail(`${kind} no answer`);
        }
        lat.get(kind)!.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, c) => loop(c)));
    const secs = (Date.now() - t0) / 1000;
    const self = process.cpuUsage(self0);
    const cpu = procs.map(([name, pids]) => {
      const used = pids.reduce((s, p) => s + cpuSeconds(p), 0) - cpu0.get(name)!;
      return `${name} ${Math.round((used / secs) * 100)}%`;
    });
    cpu.push(`load generator + proxy ${Math.round(((self.user + self.system) / 1e6 / secs) * 100)}%`);
    const all = [...lat.values()].flat();
    const perKind = MIX.map(([k]) => `${k} ${Math.round(p95(lat.get(k)!))} ms`).join(", ");
    const row =
      `${n} web: ${(all.length / secs).toFixed(1)} req/s, p95 ${Math.round(p95(all))} ms (${perKind}), ` +
      `offers ${offers.taken} taken, ${offers.refused} refused; ` +
      `errors ${[...errors].map(([w, k]) => `${k}× ${w}`).join(", ") || "none"}; CPU (100% = one core): ${cpu.join(", ")}`;
    console.log(row);
    rows.push(row);
    webPorts = [];
    await Promise.all(webs.map((w) => w.stop("SIGTERM", 30_000)));
  }
  proxy.close();
  console.log(`\n${rows.join("\n")}`);
} finally {
  await Promise.all(running.map((p) => p.stop("SIGTERM", 15_000)));
  await cluster.stop();
}

async function drain(r: Response): Promise<Response> {
  await r.arrayBuffer();
  return r;
}
