import "server-only";
import pg from "pg";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { observePool } from "@/lib/observability/metrics";
import { watchPool } from "@/lib/observability/db-watch";
import { databaseUnavailable } from "@/lib/observability/db-health";

/** One try at a connection: a server that does not answer by then is noticed (db-watch.ts). */
export const CONNECT_ATTEMPT_MS = 5_000;
/** How long a checkout keeps trying, in all, while the pool is busy or the process is loaded. */
export const CONNECT_PATIENCE_MS = 30_000;

type Checkout = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * Timeouts that mean "not yet", not "not there". `busy`: every connection of the pool was in use
 * for a whole attempt, or the server has no free connection slot (another pod is starting too).
 * `slow`: a new connection's timer fired, which a render holding the event loop causes at
 * start-up (modules load, the matching snapshot is parsed, the warm-up renders) but so does a
 * server that accepts and never answers; it gets one more try, not the whole patience, so a hung
 * server is noticed (and the database marked down) within two attempts. A refused connection or a
 * server error is neither and fails at once.
 */
function waitTimeout(e: unknown): "busy" | "slow" | null {
  const message = e instanceof Error ? e.message : "";
  if (message === "timeout exceeded when trying to connect") return "busy";
  if ((e as { code?: unknown } | null)?.code === "53300") return "busy"; // too_many_connections
  if (message === "Connection terminated due to connection timeout") return "slow";
  return null;
}

/**
 * A pool whose checkout tries again after a wait timeout, until `patienceMs` in all, instead of
 * failing the request that only waited (a warm-up render answered 500 that way). Every checkout,
 * Prisma's queries (`pool.query`) included, goes through `connect`.
 */
class PatientPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly patienceMs: number,
  ) {
    super(config);
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: Checkout): void;
  override connect(callback?: Checkout): Promise<pg.PoolClient> | void {
    const checkout = this.patiently(() => super.connect());
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (e: Error) => callback(e, undefined, () => {}),
    );
  }

  private async patiently(attempt: () => Promise<pg.PoolClient>): Promise<pg.PoolClient> {
    const deadline = Date.now() + this.patienceMs;
    let slow = 0;
    for (let tries = 1; ; tries++) {
      try {
        return await attempt();
      } catch (e) {
        const kind = waitTimeout(e);
        if (kind === "slow") slow++;
        // Known down (another request saw it, or the probe did): fail at once, as before.
        const hopeless = kind === null || slow > 1 || databaseUnavailable();
        if (hopeless || this.ending || Date.now() >= deadline) throw e;
        // A short pause: the loop that held the timer, or the other pod, gets its turn.
        await new Promise((resolve) => setTimeout(resolve, Math.min(50 * tries, 500)));
      }
    }
  }
}

/** The pool behind the Prisma client (tests pass shorter times). */
export function createPool(
  url: string,
  {
    max,
    attemptMs = CONNECT_ATTEMPT_MS,
    patienceMs = CONNECT_PATIENCE_MS,
  }: { max: number; attemptMs?: number; patienceMs?: number },
): pg.Pool {
  return new PatientPool({ connectionString: url, max, connectionTimeoutMillis: attemptMs }, patienceMs);
}

/**
 * The one Prisma client. In development Next.js reloads modules, so the client is kept on
 * globalThis to avoid a new pool per reload.
 */
function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. `npm run demo` and `npm run dev` set it for the embedded database.");
  }
  // Our own pool so that metrics can read it and a lost server is noticed (db-watch.ts).
  const pool = createPool(url, { max: env().DATABASE_POOL_SIZE });
  observePool("prisma", pool);
  watchPool(pool, url);
  if (!["debug", "trace"].includes(env().LOG_LEVEL)) return createPrismaClient(pool);
  // At debug level each statement is logged, without its parameters (they hold emails and ballots).
  const client = createPrismaClient(pool, { queryEvents: true });
  client.$on("query", (e) => logger().debug({ ms: e.duration, query: e.query.slice(0, 300) }, "db query"));
  return client;
}

const g = globalThis as { tagPortalDb?: PrismaClient };

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    g.tagPortalDb ??= createClient();
    const value = Reflect.get(g.tagPortalDb, prop);
    return typeof value === "function" ? value.bind(g.tagPortalDb) : value;
  },
});

/**
 * A transaction client (what `db.$transaction(async (tx) => ...)` passes), and the type of a
 * function that reads or writes either inside a transaction or on its own: `db` is one too.
 */
export type Tx = Prisma.TransactionClient;

export async function disconnectDb(): Promise<void> {
  await g.tagPortalDb?.$disconnect();
  g.tagPortalDb = undefined;
}
