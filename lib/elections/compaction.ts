import "server-only";
import { db, type Tx } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { HOUR } from "@/lib/vocabulary";

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
/**
 * How long CLUSTER waits for the ballot table's lock. Casting in every election queues behind it
 * while it waits, and a pg_dump holds the table for the whole dump: better to try again later.
 */
const LOCK_WAIT = "2s";
/** CLUSTER of a large table can take a while; Prisma's default 5 s would cut it off. */
const CLUSTER_TIMEOUT_MS = 15 * 60_000;

/** PostgreSQL's "lock_not_available" (55P03), however the driver and Prisma wrap it. */
function lockNotAvailable(e: unknown): boolean {
  for (let x: unknown = e; typeof x === "object" && x !== null; x = (x as { cause?: unknown }).cause) {
    const { code, meta, message } = x as { code?: unknown; meta?: { code?: unknown }; message?: unknown };
    if (code === "55P03" || meta?.code === "55P03") return true;
    if (typeof message === "string" && /lock timeout/i.test(message)) return true;
  }
  return false;
}

/** In the transaction that deletes ballot rows: its dead copies are owed a compaction. */
export async function oweCompaction(tx: Tx, at: Date): Promise<void> {
  await tx.$executeRaw`INSERT INTO "BallotCompactionOwed" ("sinceXid", "createdAt")
    VALUES (pg_current_xact_id()::text::bigint, ${at}) ON CONFLICT DO NOTHING`;
}

/**
 * How many holders of a snapshot or transaction that began at or before transaction `xid` keep
 * CLUSTER from removing the copies it deleted: sessions of this database by their snapshot or
 * transaction; sessions of any database by a running transaction that writes (it lowers every
 * snapshot taken here); walsenders, prepared transactions, replication slots, and PostgreSQL 15's
 * `vacuum_defer_cleanup_age`. A VACUUM's own snapshot never holds copies back but is counted too:
 * waiting for it is safe, telling it apart is not worth the code. A debt 2^31 transactions old
 * is settled by any CLUSTER (PostgreSQL would have stopped before a snapshot grew that old).
 */
async function olderThan(xid: bigint): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    WITH bar AS (SELECT age((${xid} % 4294967296)::text::xid) AS age,
                        pg_snapshot_xmax(pg_current_snapshot())::text::bigint - ${xid} >= 2147483648 AS ancient)
    SELECT CASE WHEN bar.ancient THEN 0 ELSE
      ((SELECT count(*) FROM pg_stat_activity a
         WHERE a.pid <> pg_backend_pid()
           AND (age(a.backend_xid) >= bar.age
             OR (age(a.backend_xmin) >= bar.age AND (a.datname = current_database() OR a.datid IS NULL))))
       + (SELECT count(*) FROM pg_prepared_xacts p WHERE age(p.transaction) >= bar.age)
       + (SELECT count(*) FROM pg_replication_slots s WHERE age(s.xmin) >= bar.age)
       + (CASE WHEN coalesce(current_setting('vacuum_defer_cleanup_age', true)::bigint, 0) >= bar.age THEN 1 ELSE 0 END))::int
    END AS n FROM bar`;
  return rows[0]!.n;
}

/**
 * Whether nothing older than `xid` is left. Two looks, the second after the first: one look reads
 * the sessions one by one, so a session could take a snapshot while an older transaction still
 * ran and the look reach that transaction only after it ended. Once one look finds no old
 * transaction running, no later snapshot can start below `xid`; the second look sees any that did.
 * (A standby's feedback can move back and hold copies again: standbys get the casting ids through
 * the write-ahead log anyway, docs/security.md, "What is not defended".)
 */
async function nothingOlderThan(xid: bigint): Promise<boolean> {
  return (await olderThan(xid)) === 0 && (await olderThan(xid)) === 0;
}

/**
 * Rewrites the ballot table in receipt-hash order (CLUSTER, in a transaction of its own that
 * bounds its wait for the lock), after waiting up to `patienceMs` for the snapshots older than the newest owed deletion to end. True
 * when nothing is owed afterwards. False when an older snapshot outlasted the wait (with
 * `evenIfHeldBack: false` the table is then not rewritten either) or another session held the
 * table past LOCK_WAIT: the debt stays for the sweep. Throws when CLUSTER itself fails.
 */
export async function compactBallots(opts: { patienceMs?: number; evenIfHeldBack?: boolean } = {}): Promise<boolean> {
  const patience = opts.patienceMs ?? COMPACTION_PATIENCE_MS;
  const owed = await db.$queryRaw<{ since: bigint | null; oldest: Date | null }[]>`
    SELECT max("sinceXid") AS since, min("createdAt") AS oldest FROM "BallotCompactionOwed"`;
  const since = owed[0]?.since ?? null;
  let clean = since === null;
  const giveUpAt = Date.now() + patience;
  while (!clean) {
    clean = await nothingOlderThan(since!);
    if (clean || Date.now() >= giveUpAt) break;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  if (!clean && opts.evenIfHeldBack === false) return false;
  try {
    await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_WAIT}'`);
        await tx.$executeRawUnsafe(`CLUSTER "Ballot" USING "Ballot_receiptHash_key"`);
      },
      { timeout: CLUSTER_TIMEOUT_MS },
    );
  } catch (e) {
    if (!lockNotAvailable(e)) throw e;
    logger().warn(
      { owedSince: owed[0]?.oldest?.toISOString() },
      "ballot compaction: another session holds the ballot table (a backup?); the sweep tries again",
    );
    return false;
  }
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
 * A debt older than an hour is logged each minute: something holds an old snapshot for good.
 */
export async function compactOwedBallots(now: Date): Promise<number> {
  const owed = await db.$queryRaw<
    { oldest: Date | null }[]
  >`SELECT min("createdAt") AS oldest FROM "BallotCompactionOwed"`;
  const oldest = owed[0]?.oldest ?? null;
  if (oldest === null) return 0;
  if (await compactBallots({ patienceMs: 0, evenIfHeldBack: false })) return 1;
  if (now.getTime() - oldest.getTime() > HOUR)
    logger().warn(
      { owedSince: oldest.toISOString() },
      "ballot compaction owed for over an hour: a session, prepared transaction or replication slot holds a snapshot older than a ballot deletion",
    );
  return 0;
}
