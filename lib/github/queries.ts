import "server-only";
import { db } from "@/lib/db";
import { tagScope, type Actor } from "@/lib/auth/permissions";
import { helpWantedLabelsFor } from "./drafts";

/**
 * The TAGs the actor may sync (all for an admin): recent runs newest first, each repository's
 * help-wanted labels, and how many drafts from GitHub wait in the lead console.
 */
export async function listSyncTags(actor: Actor) {
  const tags = await db.tag.findMany({
    where: tagScope(actor, "github.sync", "id"),
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

/**
 * An item's side of GitHub for its leads (issue 19 point 2): the repositories its TAGs list (where
 * its issue may be created), and the writes still waiting or failed, newest first.
 */
export async function itemGithubWrites(itemId: string) {
  const [tags, writes] = await Promise.all([
    db.helpWantedItemTag.findMany({ where: { itemId }, select: { tag: { select: { repositories: true } } } }),
    db.githubWrite.findMany({
      where: { itemId, status: { in: ["pending", "failed"] } },
      orderBy: { createdAt: "desc" },
      select: { id: true, kind: true, status: true, attempts: true, lastError: true, repo: true, payload: true },
      take: 20,
    }),
  ]);
  // A board write's `repo` is the project's owner (whose credential sends it): leads know the board by its name.
  const boardTagIds = writes.flatMap((w) =>
    w.kind === "project-status" ? [(w.payload as { tagId: string }).tagId] : [],
  );
  const boards = boardTagIds.length
    ? await db.tagProject.findMany({ where: { tagId: { in: boardTagIds } }, select: { tagId: true, title: true } })
    : [];
  return {
    repositories: [...new Set(tags.flatMap((t) => t.tag.repositories))].sort(),
    writes: writes.map(({ payload, ...w }) => {
      const board = w.kind === "project-status" && boards.find((b) => b.tagId === (payload as { tagId: string }).tagId);
      return board ? { ...w, repo: `the project “${board.title}”` } : w;
    }),
  };
}
