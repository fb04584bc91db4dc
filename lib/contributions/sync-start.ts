import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { helpWantedLabelsFor } from "@/lib/help-wanted/github-drafts";
import { SYNC_STEPS } from "./github-sync";
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
  const run = await db.$transaction(async (tx) => {
    const r = await tx.syncRun.create({
      data: { tagId: tag.id, requestedById: a.id, createdAt: at, total: tag.repositories.length * SYNC_STEPS.length },
      select: { id: true },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "github.sync",
      subjectType: "SyncRun",
      subjectId: r.id,
      tagId: tag.id,
      after: { repositories: tag.repositories },
    });
    return r;
  });
  await enqueue(run.id);
  return run;
}

/**
 * The TAGs the actor may sync (all for an admin): recent runs newest first, each repository's
 * help-wanted labels, and how many drafts from GitHub wait in the lead console.
 */
export async function listSyncTags(actor: Actor) {
  const tags = await db.tag.findMany({
    where: actor.isAdmin ? {} : { id: { in: [...actor.leadTagIds] } },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, repositories: true },
  });
  const tagIds = tags.map((t) => t.id);
  const [runs, labels, drafts] = await Promise.all([
    db.syncRun.findMany({ where: { tagId: { in: tagIds } }, orderBy: { createdAt: "desc" }, take: 200 }),
    helpWantedLabelsFor(tags.flatMap((t) => t.repositories)),
    db.helpWantedItemTag.groupBy({
      by: ["tagId"],
      where: { tagId: { in: tagIds }, item: { status: "draft" } },
      _count: { _all: true },
    }),
  ]);
  return tags.map((t) => ({
    ...t,
    runs: runs.filter((r) => r.tagId === t.id).slice(0, 5),
    labels: t.repositories.map((repo) => ({ repo, labels: labels.get(repo.toLowerCase()) ?? [] })),
    draftsWaiting: drafts.find((d) => d.tagId === t.id)?._count._all ?? 0,
  }));
}
