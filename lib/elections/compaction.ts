import "server-only";
import { db, type Tx } from "@/lib/db";
import { logger } from "@/lib/observability/logger";

/**
 * docs/security.md, "At close": a transaction that deletes ballot rows (the close's rewrite, a
 * cancellation, a test election's discard) leaves dead copies that still carry what the ballot
 * said and the id of the transaction that cast it. CLUSTER removes them, except while a snapshot
 * from before the deleting transaction lasts (a backup, a long transaction, an ANALYZE): then
 * PostgreSQL keeps them for that snapshot. So the deleting transaction records that a compaction
 * is owed, a compaction waits a while for older snapshots, and the debt is settled only by a
 * CLUSTER that ran with none left. The worker's sweep retries every minute until then.
 */

/** How long a compaction waits for older snapshots before it compacts what it can and leaves the debt. */
export const COMPACTION_PATIENCE_MS = 5_000;
const POLL_MS = 50;

/** In the transaction that deletes ballot rows: its dead copies are owed a compaction. */
export async function oweCompaction(tx: Tx, at: Date): Promise<void> {
  await tx.$executeRaw`INSERT INTO "BallotCompactionOwed" ("sinceXid", "createdAt")
    VALUES (pg_current_xact_id()::text::bigint, ${at}) ON CONFLICT DO NOTHING`;
}

/**
 * How many holders of a snapshot or transaction that began at or before transaction `xid` keep
 * CLUSTER from removing the copies it deleted: sessions of this database by their snapshot or
 * transaction; sessions of any database by a running transaction (it lowers every snapshot taken
 * here); walsenders, prepared transactions and replication slots. Once none is left, none can
 * come back: a new snapshot starts after every transaction running when it is taken.
 */
async function olderThan(xid: bigint): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    WITH bar AS (SELECT age((${xid} % 4294967296)::text::xid) AS age)
    SELECT ((SELECT count(*) FROM pg_stat_activity a, bar
               WHERE a.pid <> pg_backend_pid()
                 AND (age(a.backend_xid) >= bar.age
                   OR (age(a.backend_xmin) >= bar.age
                     AND (a.datname = current_database() OR a.datid IS NULL))))
          + (SELECT count(*) FROM pg_prepared_xacts p, bar WHERE age(p.transaction) >= bar.age)
          + (SELECT count(*) FROM pg_replication_slots s, bar WHERE age(s.xmin) >= bar.age))::int AS n`;
  return rows[0]!.n;
}

/**
 * Rewrites the ballot table in receipt-hash order (CLUSTER, outside any transaction), after
 * waiting up to `patienceMs` for the snapshots older than the newest owed deletion to end. True
 * when nothing is owed afterwards; false when an older snapshot outlasted the wait (the debt
 * stays for the next try). Throws when CLUSTER itself fails.
 */
export async function compactBallots(opts: { patienceMs?: number } = {}): Promise<boolean> {
  const patience = opts.patienceMs ?? COMPACTION_PATIENCE_MS;
  const owed = await db.$queryRaw<{ since: bigint | null; oldest: Date | null }[]>`
    SELECT max("sinceXid") AS since, min("createdAt") AS oldest FROM "BallotCompactionOwed"`;
  const since = owed[0]?.since ?? null;
  let clean = since === null;
  const giveUpAt = Date.now() + patience;
  while (!clean) {
    clean = (await olderThan(since!)) === 0;
    if (clean || Date.now() >= giveUpAt) break;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  await db.$executeRawUnsafe(`CLUSTER "Ballot" USING "Ballot_receiptHash_key"`);
  if (!clean) {
    logger().warn(
      { owedSince: owed[0]?.oldest?.toISOString() },
      "ballot compaction: a snapshot older than a ballot deletion outlasted the wait; dead ballot copies stay until the next try",
    );
    return false;
  }
  if (since !== null) await db.$executeRaw`DELETE FROM "BallotCompactionOwed" WHERE "sinceXid" <= ${since}`;
  return true;
}

/**
 * The worker's sweep: settles an owed compaction (1), or leaves it for the next minute (0) without
 * rewriting the table while an older snapshot still lasts (CLUSTER locks out voting meanwhile).
 */
export async function compactOwedBallots(): Promise<number> {
  const owed = await db.$queryRaw<
    { since: bigint | null }[]
  >`SELECT max("sinceXid") AS since FROM "BallotCompactionOwed"`;
  const since = owed[0]?.since ?? null;
  if (since === null || (await olderThan(since)) > 0) return 0;
  return (await compactBallots({ patienceMs: 0 })) ? 1 : 0;
}
