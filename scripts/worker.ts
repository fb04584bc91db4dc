/**
 * The job worker: runs sweeps and GitHub syncs from the PostgreSQL-backed queue. Start it beside
 * the web process; several may run at once (each job runs once: the queue locks it).
 * Run with `node --conditions=react-server --import tsx scripts/worker.ts` (lib/ is server-only);
 * the image runs the bundled `dist/ops/worker.mjs` (scripts/ops/assemble.ts).
 *
 * SIGTERM: stop taking jobs, let the running job finish for up to SHUTDOWN_TIMEOUT_SECONDS, then
 * hand any still-running job back to the queue (failed, so it is retried) and exit.
 */
import { trace } from "@opentelemetry/api";
import { envOrExit } from "@/lib/env";
import { logger, routeConsoleToLogger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { startTracing } from "@/lib/observability/tracing";
import { startWorkerServer } from "@/lib/observability/worker-server";

const e = envOrExit();
routeConsoleToLogger("worker");
const log = logger().child({ component: "worker" });
// Tracing first: its database spans patch the pg module this process loads (lib/observability/tracing.ts).
await startTracing({ serviceName: `${e.OTEL_SERVICE_NAME}-worker`, endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT });
const { now } = await import("@/lib/clock");
const { runSync } = await import("@/lib/github/sync");
const {
  getBoss,
  ensureQueues,
  enqueueSync,
  enqueueGithubWrite,
  writeIdsInQueueOrder,
  SYNC_QUEUE,
  GITHUB_WRITE_QUEUE,
  GITHUB_WRITE_WORK,
} = await import("@/lib/jobs/queue");
const { performWriteBatch } = await import("@/lib/github/writes");
const { queueDepth } = await import("@/lib/jobs/queue-depth");
const { setQueueDepthSource } = await import("@/lib/observability/metrics");
const { sweeps, SLACK_SWEEP, enqueueSweeps } = await import("@/lib/worker/sweeps");
const { publishInvalidation } = await import("@/lib/cache/invalidation");
for (const warning of (await import("@/lib/github-access/app-config")).appStartupWarnings()) log.warn(warning);

const tracer = trace.getTracer("tag-portal-worker");
/** Each job runs in its own span (its trace id is the `reqId` of its log lines) and is timed by kind. */
function timed<T>(kind: string, id: string | undefined, fn: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(`job ${kind}`, async (span) => {
    const t = performance.now();
    log.debug({ kind, jobId: id }, "job started");
    const done = (outcome: string) => {
      const ms = performance.now() - t;
      metrics().jobDuration.observe({ kind, outcome }, ms / 1000);
      span.end();
      return Math.round(ms);
    };
    try {
      const out = await fn();
      log.info({ kind, jobId: id, ms: done("completed") }, "job done");
      return out;
    } catch (err) {
      log.error({ kind, jobId: id, err, ms: done("failed") }, "job failed");
      throw err;
    }
  });
}

let stopping = false;
const server = startWorkerServer({ port: e.WORKER_METRICS_PORT, token: e.METRICS_TOKEN, stopping: () => stopping });
setQueueDepthSource(queueDepth);

const boss = await getBoss();
await ensureQueues(
  boss,
  sweeps.map((s) => s.name),
);
for (const s of sweeps) {
  await boss.work(s.name, { pollingIntervalSeconds: 0.5 }, ([job]) =>
    timed(s.name, job?.id, async () => {
      const count = await s.run(await now());
      // What a sweep changed (a claim flagged stale, an item closed) shows on the board: the web
      // processes' caches hear of it (docs/decisions/017-caches-across-replicas.md).
      if (count > 0) await publishInvalidation("help-wanted", "pages");
      return { count };
    }),
  );
}
// GitHub syncs: a run paused (a rate limit, or a failed attempt to retry) is sent again for when it may resume.
await boss.work<{ runId: string }>(SYNC_QUEUE, { pollingIntervalSeconds: 1 }, ([job]) =>
  timed(SYNC_QUEUE, job!.id, async () => {
    const r = await runSync(job!.data.runId, { apiUrl: e.GITHUB_API_URL });
    metrics().syncRuns.inc({ status: r.status });
    if (r.status === "paused" && r.resumeAt) await enqueueSync(job!.data.runId, r.resumeAt);
    return r;
  }),
);
// Writes to GitHub, several due ones per poll in order: a failed attempt waits for its backoff (the row says when).
await boss.work<{ writeId: string }>(GITHUB_WRITE_QUEUE, GITHUB_WRITE_WORK, (jobs) =>
  timed(GITHUB_WRITE_QUEUE, jobs[0]?.id, () => performWriteBatch(writeIdsInQueueOrder(jobs), enqueueGithubWrite)),
);
// Sweeps compare data with the clock, so running them often is harmless; once a minute
// (SWEEP_INTERVAL_SECONDS) keeps reminders timely without relying on the queue's own scheduling.
const tickSeconds = e.SWEEP_INTERVAL_SECONDS;
await enqueueSweeps({ tickSeconds });
const tick = setInterval(
  () => void enqueueSweeps({ tickSeconds }).catch((err) => log.error({ err }, "enqueueing sweeps failed")),
  tickSeconds * 1000,
);
// Slack messages go out within seconds (docs/decisions/015), once per slot however many workers run.
const slackTick = setInterval(
  () =>
    void boss
      .send(SLACK_SWEEP, {}, { retryLimit: 0, singletonKey: "slack", singletonSeconds: 5 })
      .catch((err) => log.error({ err }, "enqueueing Slack delivery failed")),
  5000,
);
log.info({ sweeps: sweeps.length }, "worker running");

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    stopping = true;
    clearInterval(tick);
    clearInterval(slackTick);
    log.info({ signal: sig }, "stopping: finishing the running job");
    void boss
      .stop({ graceful: true, wait: true, timeout: e.SHUTDOWN_TIMEOUT_SECONDS * 1000 })
      .catch((err) => log.error({ err }, "stopping the queue failed"))
      .finally(() => {
        server?.close();
        log.info("worker stopped");
        process.exit(0);
      });
  });
}
