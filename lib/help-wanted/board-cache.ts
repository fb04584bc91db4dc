import "server-only";
import { revalidateTag, unstable_cache, updateTag } from "next/cache";
import { invalidateAnonymousPages } from "@/lib/http/page-cache";
import type { BoardQuery } from "./board-query";
import { searchBoard, type BoardPage } from "./board";

/** Cache tag of board results: server actions that change items call `updateTag` with it. */
export const BOARD_CACHE_TAG = "help-wanted-board";

type Cached = Omit<BoardPage, "items"> & {
  items: (Omit<BoardPage["items"][number], "dueAt" | "createdAt"> & { dueAt: string | null; createdAt: string })[];
};

// Results are the same for every viewer (drafts are never listed), so one entry serves all; it
// expires after a minute at most and at once when an item changes (BOARD_CACHE_TAG).
const load = unstable_cache(
  async (queryKey: string) => (await searchBoard(JSON.parse(queryKey) as BoardQuery, new Date())) as unknown as Cached,
  ["help-wanted-board-v1"],
  { tags: [BOARD_CACHE_TAG], revalidate: 60 },
);

/**
 * The board page for a query, from the shared cache. The cache stores JSON, so dates are
 * revived here and "overdue" is worked out against the caller's clock.
 */
export async function searchBoardCached(query: BoardQuery, now: Date): Promise<BoardPage> {
  const page = await load(JSON.stringify(query));
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

/** After a server action changed items: clears the board results and the anonymous page cache. */
export function invalidateBoard(): void {
  updateTag(BOARD_CACHE_TAG);
  invalidateAnonymousPages();
}

/**
 * Expires cached board pages from a route handler (server actions use `updateTag`). Outside a
 * Next request (integration tests calling a handler directly) there is no cache to expire.
 */
export function expireBoardCache(): void {
  try {
    revalidateTag(BOARD_CACHE_TAG, { expire: 0 });
  } catch (e) {
    if (!(e instanceof Error && e.message.includes("static generation store missing"))) throw e;
  }
  invalidateAnonymousPages();
}
