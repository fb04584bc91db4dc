import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "../fixtures";
import { signInAs, standIn } from "../fixtures";
import { assemble, readOnlyCopy } from "../../scripts/ops/assemble";
import {
  freshDatabase,
  isDbSpan,
  jsonLines,
  startOtlpCollector,
  startProcess,
  unprivileged,
  waitForHttp,
  type Running,
} from "../../scripts/ops/processes";
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from "../../scripts/portal";
import { seed } from "../../prisma/seed";
import { DEMO_VOTING_ELECTION_ID } from "../../prisma/seed-elections";

/**
 * The image without a container engine: the assembled standalone folder, copied read-only, run
 * by its entry point (`entrypoint.sh web|worker|migrate`) as the unprivileged user nobody with
 * the environment a Deployment gives it, against a fresh database. Reuses `npm test`'s build.
 */
const APP = path.join("/tmp", `tag-portal-image-${process.env.E2E_PORT ?? 3100}`);
const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const WORKER_PORT = PORT + 1;
const OTLP_PORT = PORT + 2;
const BASE = `http://localhost:${PORT}`;
const ADMIN_URL = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT ?? 54340}/postgres`;
const METRICS_TOKEN = "image-test-metrics-token-0123456789";
const WEBHOOK_SECRET = "image-test-webhook-secret";
const VOTER = "noor-member"; // on the demo election's roll, has not voted in the seed

test.describe.configure({ mode: "serial" });
test.use({ baseURL: BASE });

let databaseUrl = "";
let user = "";
let web: Running | undefined;
let worker: Running | undefined;
let collector: Awaited<ReturnType<typeof startOtlpCollector>>;

function imageEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "image-test-auth-secret-0123456789abcdef",
    NEXTAUTH_URL: BASE,
    DEMO: "1",
    GITHUB_CLIENT_ID: DEMO_CLIENT_ID,
    GITHUB_CLIENT_SECRET: DEMO_CLIENT_SECRET,
    GITHUB_WEB_URL: standIn(),
    GITHUB_API_URL: `${standIn()}/api`,
    GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
    METRICS_TOKEN,
    LOG_LEVEL: "debug",
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${OTLP_PORT}`,
    PORT: String(PORT),
    HOSTNAME_BIND: "127.0.0.1",
    WORKER_METRICS_PORT: String(WORKER_PORT),
    ...extra,
  };
}

function entrypoint(name: string, command: string, env = imageEnv()): Running {
  const u = unprivileged([path.join(APP, "entrypoint.sh"), command]);
  user = u.user;
  return startProcess(name, u.argv, { env, cwd: "/" });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await assemble();
  readOnlyCopy(APP);
  databaseUrl = await freshDatabase(ADMIN_URL, "tag_portal_image");
  collector = await startOtlpCollector(OTLP_PORT);
});

test.afterAll(async () => {
  await Promise.all([web?.stop("SIGKILL"), worker?.stop("SIGKILL")]);
  // What the processes wrote, for a failure's post-mortem.
  fs.mkdirSync("test-results", { recursive: true });
  fs.writeFileSync("test-results/ops-image-web.log", (web?.lines ?? []).join("\n"));
  fs.writeFileSync("test-results/ops-image-worker.log", (worker?.lines ?? []).join("\n"));
  collector?.server.close();
});

test("migrate: the entry point applies and verifies the migrations as an unprivileged user, app folder read-only", async () => {
  test.setTimeout(120_000);
  const migrate = entrypoint("migrate", "migrate");
  expect(await migrate.exited, migrate.lines.join("\n")).toBe(0);
  const records = jsonLines(migrate.lines);
  expect(records.map((r) => r.msg)).toContain("verified: every migration applied, no drift from schema.prisma");
  expect(user).toBe("nobody");
  await seed(databaseUrl);
});

test("web and worker start from the read-only folder and answer health, pages and metrics", async ({ request }) => {
  test.setTimeout(120_000);
  web = entrypoint("web", "web");
  worker = entrypoint("worker", "worker");
  await waitForHttp(`${BASE}/api/health/live`, 60_000, 200, web);
  const live = await request.get("/api/health/live");
  expect(await live.json()).toMatchObject({ status: "live", draining: false });
  // Like the readiness probe: polled until ready (the first query of a cold process may be slow).
  await expect(async () => {
    const ready = await request.get("/api/health/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      checks: { database: { ok: true }, migrations: { ok: true, pending: [] }, draining: { ok: true } },
    });
  }).toPass({ timeout: 30_000 });
  const home = await request.get("/help-wanted");
  expect(home.status()).toBe(200);
  expect(await home.text()).toContain("Help wanted");

  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect(
    (await request.get("/api/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status(),
  ).toBe(401);
  const m = await request.get("/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(m.status()).toBe(200);
  const text = await m.text();
  expect(text).toMatch(
    /tagportal_http_request_duration_seconds_count\{method="GET",route="\/help-wanted",status="200"\} [1-9]/,
  );
  expect(text).toMatch(/tagportal_db_pool_connections\{pool="prisma",state="total"\} \d+/);
  expect(text).toContain("tagportal_job_queue_depth");

  // The worker ran the sweeps it enqueued at start and reports them on its own port.
  await waitForHttp(`http://127.0.0.1:${WORKER_PORT}/healthz`, 30_000, 200, worker);
  await expect(async () => {
    const w = await fetch(`http://127.0.0.1:${WORKER_PORT}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(await w.text()).toMatch(
      /tagportal_job_duration_seconds_count\{kind="sweep-stale-claims",outcome="completed"\} [1-9]/,
    );
  }).toPass({ timeout: 30_000 });
  expect((await fetch(`http://127.0.0.1:${WORKER_PORT}/metrics`)).status).toBe(401);
});

test("a sign-in and a vote at debug level leave no token, email address or ballot in the logs", async ({ page }) => {
  test.setTimeout(120_000);
  const from = web!.lines.length;
  await signInAs(page, VOTER);
  await page.goto(`/elections/${DEMO_VOTING_ELECTION_ID}/vote`);
  const ballot = page.getByRole("form", { name: "Your ballot" });
  await ballot.getByLabel(/@bea-ambassador\)/).selectOption("1");
  await ballot.getByLabel(/@mae-member\)/).selectOption("2");
  // The ballot is reviewed before it is cast (issue 18, point 11).
  await ballot.getByRole("button", { name: "Review my ballot" }).click();
  await ballot.getByRole("button", { name: "Cast my ballot" }).click();
  const receipt = (await page.getByTestId("receipt").textContent())!.trim();
  expect(receipt).toMatch(/^[0-9a-f]{32}$/);
  const cookies = (await page.context().cookies()).map((c) => c.value).filter((v) => v.length >= 16);
  expect(cookies.length).toBeGreaterThan(0);

  await new Promise((r) => setTimeout(r, 500)); // the last access-log lines
  const out = web!.lines.slice(from);
  const all = out.join("\n");
  const records = jsonLines(out);
  expect(
    records.some((r) => r.level === "debug" && r.msg === "db query"),
    "debug lines were written",
  ).toBe(true);
  // Every line about a request carries its id, and the sign-in and the vote were logged.
  const requestLines = records.filter((r) => r.msg === "request");
  expect(requestLines.map((r) => r.path)).toEqual(
    expect.arrayContaining(["/api/auth/callback/github?code&state", `/elections/${DEMO_VOTING_ELECTION_ID}/vote`]),
  );
  for (const r of requestLines) expect(r.reqId, JSON.stringify(r)).toMatch(/^[0-9a-f]{32}$/);
  expect(records.filter((r) => r.msg === "db query" && r.reqId).length).toBeGreaterThan(0);
  // No secrets.
  expect(all).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.-]+/); // no email address
  expect(all).not.toMatch(/gho_[0-9a-f]/); // no GitHub token
  expect(all).not.toContain(receipt);
  for (const c of cookies) expect(all).not.toContain(c);
  expect(all).not.toMatch(/[?&](code|state)=/);
});

test("traces reach the OTLP endpoint with request and database spans, from the web and the worker", async () => {
  const spans = collector.spans;
  await expect(async () => {
    expect(spans.some((s) => s.service === "tag-portal" && isDbSpan(s))).toBe(true);
    expect(spans.some((s) => /^GET \/help-wanted/.test(s.name))).toBe(true);
    // The bundled worker's queries, as much as the web's.
    expect(spans.some((s) => s.service === "tag-portal-worker" && isDbSpan(s))).toBe(true);
    expect(spans.some((s) => s.service === "tag-portal-worker" && s.name.startsWith("job "))).toBe(true);
  }).toPass({ timeout: 15_000 });
  const logIds = new Set(jsonLines(web!.lines).map((r) => r.reqId));
  expect(
    spans.some((s) => logIds.has(s.traceId)),
    "a log line's request id is a trace id",
  ).toBe(true);
});

/** Opens a webhook POST and sends only part of its body: a request in flight. */
function slowRequest(): Promise<{ socket: net.Socket; finish: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ zen: "in flight" });
    const socket = net.connect(PORT, "127.0.0.1", () => {
      socket.write(
        `POST /api/webhooks/github HTTP/1.1\r\nHost: localhost:${PORT}\r\ncontent-type: application/json\r\n` +
          `x-github-event: ping\r\nx-github-delivery: d-1\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
      );
      let answer = "";
      socket.on("data", (d: Buffer) => (answer += d.toString()));
      const ended = new Promise<string>((r) => socket.on("close", () => r(answer)));
      resolve({ socket, finish: () => (socket.write(body.slice(5)), ended) });
    });
    socket.on("error", reject);
  });
}

test("SIGTERM: the web process stops accepting, answers the request in flight, then exits; the worker stops cleanly", async () => {
  test.setTimeout(60_000);
  const inFlight = await slowRequest();
  await new Promise((r) => setTimeout(r, 300));
  web!.proc.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  await expect(fetch(`${BASE}/api/health/live`)).rejects.toThrow(); // no longer accepting
  expect(web!.proc.exitCode).toBeNull(); // still answering the request in flight
  const answer = await inFlight.finish();
  expect(answer).toMatch(/^HTTP\/1\.1 401/); // a whole answer (the signature is wrong), not a reset
  expect(await web!.exited).toBe(143);
  expect(jsonLines(web!.lines).map((r) => r.msg)).toContain("draining: finishing in-flight requests");

  expect(await worker!.stop("SIGTERM", 30_000)).toBe(0);
  expect(jsonLines(worker!.lines).map((r) => r.msg)).toContain("worker stopped");
});

test(`SIGTERM with a request that never finishes: the web process exits after SHUTDOWN_TIMEOUT_SECONDS`, async () => {
  test.setTimeout(60_000);
  web = entrypoint("web-timeout", "web", imageEnv({ SHUTDOWN_TIMEOUT_SECONDS: "2", OTEL_EXPORTER_OTLP_ENDPOINT: "" }));
  await waitForHttp(`${BASE}/api/health/live`, 60_000, 200, web);
  const stuck = await slowRequest();
  const t = Date.now();
  web.proc.kill("SIGTERM");
  expect(await web.exited).toBe(1);
  expect(Date.now() - t).toBeGreaterThan(1500);
  expect(Date.now() - t).toBeLessThan(10_000);
  expect(jsonLines(web.lines).map((r) => r.msg)).toContain("in-flight requests did not finish in time; exiting");
  stuck.socket.destroy();
});

test("a malformed variable stops the web process at start with a message naming it", async () => {
  const bad = entrypoint("web-bad", "web", imageEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" }));
  const code = await Promise.race([bad.exited, new Promise((r) => setTimeout(() => r("still running"), 30_000))]);
  if (code === "still running") await bad.stop("SIGKILL");
  expect(code).toBe(1);
  const out = bad.lines.join("\n");
  expect(out).toContain("OTEL_EXPORTER_OTLP_ENDPOINT");
  expect(out).not.toMatch(/^\s+at /m);
});
