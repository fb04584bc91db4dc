import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createAudited } from "@/lib/audit/record";
import { SYNC_STEPS } from "./sync";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";

const STALE_AFTER_MS = 60 * 60_000;

export type Enqueue = (runId: string) => Promise<void>;

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
  // A run whose worker died never finishes: after an hour without progress it no longer blocks a new one.
  const stale = new Date(at.getTime() - STALE_AFTER_MS);
  const unfinished = await db.syncRun.findFirst({
    where: {
      tagId: tag.id,
      status: { in: ["queued", "running"] },
      OR: [{ createdAt: { gt: stale } }, { startedAt: { gt: stale } }, { resumeAt: { gt: stale } }],
    },
    select: { id: true },
  });
  if (unfinished) throw new AppError("CONFLICT", "A sync of this TAG is already queued or running.");
  const run = await db.$transaction((tx) =>
    createAudited(
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
    ),
  );
  await enqueue(run.id);
  return run;
}
