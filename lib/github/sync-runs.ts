import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { DAY, UNFINISHED_SYNC_RUN_STATUSES } from "@/lib/vocabulary";
import { AppError } from "@/lib/errors";
import { createAudited } from "@/lib/audit/record";
import { SYNC_STEPS } from "./sync";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";

const STALE_AFTER_MS = 60 * 60_000;

export type Enqueue = (runId: string) => Promise<void>;

/** Runs of a TAG that still block a new one; a run whose worker died never finishes, so after an hour without progress it no longer does. */
function unfinishedRuns(at: Date) {
  const stale = new Date(at.getTime() - STALE_AFTER_MS);
  return {
    status: { in: [...UNFINISHED_SYNC_RUN_STATUSES] },
    OR: [{ createdAt: { gt: stale } }, { startedAt: { gt: stale } }, { resumeAt: { gt: stale } }],
  };
}

/**
 * A lead of the TAG (or an admin) starts a GitHub sync of the TAG's repositories: a SyncRun the
 * worker picks up. One unfinished run per TAG at a time.
 */
export async function startSync(actor: Actor | null, tagSlug: string, enqueue: Enqueue) {
  const tag = await db.tag.findUnique({ where: { slug: tagSlug }, select: { id: true, repositories: true } });
  const a = await requirePermission(actor, "github.sync", { subjectType: "SyncRun", tagId: tag?.id ?? null });
  if (!tag) throw new AppError("NOT_FOUND", "Unknown TAG.");
  if (tag.repositories.length === 0) throw new AppError("INVALID", "This TAG lists no repositories to sync.");
  const at = await now();
  const run = await db.$transaction(async (tx) => {
    await lockRunCreation(tx);
    const unfinished = await tx.syncRun.findFirst({
      where: { tagId: tag.id, ...unfinishedRuns(at) },
      select: { id: true },
    });
    if (unfinished) throw new AppError("CONFLICT", "A sync of this TAG is already queued or running.");
    return createAudited(
      tx,
      tx.syncRun.create({
        data: { tagId: tag.id, requestedById: a.id, createdAt: at, total: tag.repositories.length * SYNC_STEPS.length },
        select: { id: true },
      }),
      {
        at,
        actorId: a.id,
        action: "github.sync",
        subjectType: "SyncRun",
        tagId: tag.id,
        after: { repositories: tag.repositories },
      },
    );
  });
  await enqueue(run.id);
  return run;
}

/**
 * The daily sync (a clock sweep): a run for every TAG with repositories whose latest run started a
 * day or more ago and that has none unfinished, sent to the job queue. Runs it creates have no
 * requester. Returns how many it started; running it again the same day starts none.
 */
export async function scheduleDailySyncs(at: Date, enqueue: Enqueue): Promise<number> {
  const runs = await db.$transaction(async (tx) => {
    await lockRunCreation(tx);
    const withRepos = await tx.tag.findMany({
      where: { repositories: { isEmpty: false } },
      select: { id: true, repositories: true },
    });
    const recent = await tx.syncRun.findMany({
      where: {
        tagId: { in: withRepos.map((t) => t.id) },
        OR: [{ createdAt: { gt: new Date(at.getTime() - DAY) } }, unfinishedRuns(at)],
      },
      select: { tagId: true },
      distinct: ["tagId"],
    });
    const due = withRepos.filter((t) => !recent.some((r) => r.tagId === t.id));
    return tx.syncRun.createManyAndReturn({
      data: due.map((t) => ({ tagId: t.id, createdAt: at, total: t.repositories.length * SYNC_STEPS.length })),
      select: { id: true },
    });
  });
  // Sent once committed: a worker that picks a run up finds it.
  for (const run of runs) await enqueue(run.id);
  return runs.length;
}

/**
 * Two workers sweeping at the same instant (or a lead's click beside the sweep) each saw no run and
 * each created one: checking and creating now happen under one lock, held to the transaction's end.
 */
async function lockRunCreation(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${"github:sync-run-creation"}::text, 0))`;
}
