import "server-only";
import { unstable_cache } from "next/cache";
import { publishInvalidation } from "@/lib/cache/invalidation";
import { cacheStamps } from "@/lib/cache/stamps";
import type { BoardQuery } from "./board-query";
import { searchBoard, type BoardPage } from "./board";

type Cached = Omit<BoardPage, "items"> & {
  items: (Omit<BoardPage["items"][number], "dueAt" | "createdAt"> & { dueAt: string | null; createdAt: string })[];
};

// Results are the same for every viewer (drafts are never listed), so one entry serves all. The
// key carries the "help-wanted" and "tags" cache stamps (lib/cache/stamps.ts; a card names its
// TAGs): a change on any replica replaces a stamp, and entries made before it are never read
// again; they age out after a minute.
const load = unstable_cache(
  async (queryKey: string, _stamp: string) =>
    (await searchBoard(JSON.parse(queryKey) as BoardQuery, new Date())) as unknown as Cached,
  ["help-wanted-board-v2"],
  { revalidate: 60 },
);

/**
 * The board page for a query, from the shared cache. The cache stores JSON, so dates are
 * revived here and "overdue" is worked out against the caller's clock. While this process may
 * have missed a change (no invalidation connection), the board is read directly.
 */
export async function searchBoardCached(query: BoardQuery, now: Date): Promise<BoardPage> {
  const stamp = cacheStamps(["help-wanted", "tags"]);
  if (stamp === null) return searchBoard(query, now);
  const page = await load(JSON.stringify(query), stamp);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((i) => {
      const dueAt = i.dueAt ? new Date(i.dueAt) : null;
      return {
        ...i,
        dueAt,
        createdAt: new Date(i.createdAt),
        overdue: dueAt !== null && dueAt.getTime() < now.getTime(),
      };
    }),
  };
}

/**
 * After a committed change to items or claims (a server action, a route handler, a job): drops
 * board results, anonymous pages and the matching snapshot here at once and on every replica
 * within a second (lib/cache/invalidation.ts).
 */
export function expireBoardCache(): Promise<void> {
  return publishInvalidation("help-wanted");
}
