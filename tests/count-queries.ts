/**
 * Counts the SQL statements the app's Prisma client sends (N+1 checks in tests and benchmarks):
 * installs, as the one client lib/db.ts hands out, a client that emits Prisma query events.
 * Call before anything touches `db`.
 */
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import { createPrismaClient } from "../lib/prisma-client.ts";

export function installQueryCounter(url: string, poolSize = 10) {
  const client = createPrismaClient(url, { max: poolSize, queryEvents: true });
  let count = 0;
  let statements: string[] = [];
  let recording = false;
  client.$on("query", (e) => {
    if (!recording) return;
    count++;
    statements.push(e.query);
  });
  (globalThis as { tagPortalDb?: PrismaClient }).tagPortalDb = client;
  return {
    /** Runs `fn` and returns its result with the number of statements it sent, and their text. */
    async measure<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number; statements: string[] }> {
      count = 0;
      statements = [];
      recording = true;
      try {
        const result = await fn();
        return { result, queries: count, statements };
      } finally {
        recording = false;
      }
    },
  };
}
