// Not server-only, relative imports: lib/db.ts, the command-line tools (tsx scripts), the seed
// and the tests' query counter all build their Prisma client here, so they share its settings.
import type pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

/**
 * How long an interactive transaction may wait for a connection before it starts. Prisma's 2 s
 * default ended in "Unable to start a transaction in the given time" on a loaded machine (CI, many
 * test files or workers on one pool), where the wait is for a pooled connection, not for work.
 */
export const TRANSACTION_MAX_WAIT_MS = 15_000;

export interface PrismaClientOptions {
  /** Pool size when the connection is a URL (a pool passed in has its own). */
  max?: number;
  /** Emit an event per SQL statement (statement logging, query counting). */
  queryEvents?: boolean;
}

/**
 * The one way to build a Prisma client: over a connection URL, or over a `pg` pool the caller
 * watches (the client then closes that pool when it disconnects).
 */
export function createPrismaClient(
  connection: string | pg.Pool,
  options?: PrismaClientOptions & { queryEvents?: false },
): PrismaClient;
export function createPrismaClient(
  connection: string | pg.Pool,
  options: PrismaClientOptions & { queryEvents: true },
): PrismaClient<"query">;
export function createPrismaClient(
  connection: string | pg.Pool,
  { max, queryEvents = false }: PrismaClientOptions = {},
): PrismaClient | PrismaClient<"query"> {
  const adapter =
    typeof connection === "string"
      ? new PrismaPg({ connectionString: connection, max })
      : new PrismaPg(connection, { disposeExternalPool: true });
  const transactionOptions = { maxWait: TRANSACTION_MAX_WAIT_MS };
  if (!queryEvents) return new PrismaClient({ adapter, transactionOptions });
  return new PrismaClient({ adapter, transactionOptions, log: [{ emit: "event", level: "query" }] });
}
