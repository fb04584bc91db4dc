import "server-only";
import { db } from "@/lib/db";
import type { QueueDepth } from "@/lib/observability/metrics";

/** Jobs waiting, retrying or running per queue: the backlog the alert rules watch (deploy/prometheus). */
export async function queueDepth(): Promise<QueueDepth[]> {
  const exists = await db.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('pgboss.job')::text AS t`;
  if (!exists[0]?.t) return [];
  const rows = await db.$queryRaw<{ queue: string; state: string; count: number }[]>`
    SELECT name AS queue, state::text AS state, count(*)::int AS count
    FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY name, state`;
  return rows;
}
