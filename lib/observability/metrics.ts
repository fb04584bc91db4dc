import { timingSafeEqual } from "node:crypto";
import client from "prom-client";

/**
 * Prometheus metrics of one process (`/api/metrics` for web, the worker's own port). One
 * registry per process on globalThis: Next.js bundles this module into several chunks.
 */
export interface QueueDepth {
  queue: string;
  state: string;
  count: number;
}

interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

interface Metrics {
  registry: client.Registry;
  httpDuration: client.Histogram<"method" | "route" | "status">;
  jobDuration: client.Histogram<"kind" | "outcome">;
  syncRuns: client.Counter<"status">;
  cacheRequests: client.Counter<"cache" | "result">;
  pools: Map<string, PoolLike>;
  queueDepthSource?: () => Promise<QueueDepth[]>;
}

const g = globalThis as { tagPortalMetrics?: Metrics };

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "tagportal_" });
  const pools = new Map<string, PoolLike>();
  const m: Metrics = {
    registry,
    pools,
    httpDuration: new client.Histogram({
      name: "tagportal_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route pattern and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobDuration: new client.Histogram({
      name: "tagportal_job_duration_seconds",
      help: "Time a job took in the worker, by kind (queue name) and outcome",
      labelNames: ["kind", "outcome"],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
    syncRuns: new client.Counter({
      name: "tagportal_sync_runs_total",
      help: "GitHub sync runs finished by the worker, by final status",
      labelNames: ["status"],
      registers: [registry],
    }),
    cacheRequests: new client.Counter({
      name: "tagportal_cache_requests_total",
      help: "Lookups in the portal's caches, by cache and hit or miss",
      labelNames: ["cache", "result"],
      registers: [registry],
    }),
  };
  new client.Gauge({
    name: "tagportal_db_pool_connections",
    help: "Connections of the database pool, by state",
    labelNames: ["pool", "state"],
    registers: [registry],
    collect() {
      for (const [name, p] of pools) {
        this.set({ pool: name, state: "total" }, p.totalCount);
        this.set({ pool: name, state: "idle" }, p.idleCount);
        this.set({ pool: name, state: "waiting" }, p.waitingCount);
      }
    },
  });
  new client.Gauge({
    name: "tagportal_job_queue_depth",
    help: "Jobs waiting or running in the queue, by queue and state",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      if (!m.queueDepthSource) return;
      this.reset();
      try {
        for (const d of await m.queueDepthSource()) this.set({ queue: d.queue, state: d.state }, d.count);
      } catch {
        // database unavailable: the gauge is left empty and the readiness probe says why
      }
    },
  });
  return m;
}

export function metrics(): Metrics {
  g.tagPortalMetrics ??= create();
  return g.tagPortalMetrics;
}

export function observePool(name: string, pool: PoolLike): void {
  metrics().pools.set(name, pool);
}

export function setQueueDepthSource(source: () => Promise<QueueDepth[]>): void {
  metrics().queueDepthSource = source;
}

export function countCache(cache: string, hit: boolean): void {
  metrics().cacheRequests.inc({ cache, result: hit ? "hit" : "miss" });
}

/** The exposition text, and its content type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const r = metrics().registry;
  return { body: await r.metrics(), contentType: r.contentType };
}

/** Whether `header` (an Authorization header) carries the configured token; never when metrics are off. */
export function metricsAuthorized(header: string | null, token: string | undefined): boolean {
  if (!token || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}
