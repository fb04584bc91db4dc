import "server-only";
import pg from "pg";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/prisma-client";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { observePool } from "@/lib/observability/metrics";
import { watchPool } from "@/lib/observability/db-watch";

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
  const pool = new pg.Pool({ connectionString: url, max: env().DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000 });
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
