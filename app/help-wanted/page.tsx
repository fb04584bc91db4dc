import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/actor";
import { canInAnyTag } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { searchBoardCached } from "@/lib/help-wanted/board-cache";
import type { BoardPage } from "@/lib/help-wanted/board";
import {
  boardFeedUrl,
  boardUrl,
  hasFilters,
  NO_FILTERS,
  parseBoardQuery,
  type BoardQuery,
} from "@/lib/help-wanted/board-query";
import { decodeMatchCursor, encodeMatchCursor } from "@/lib/matching/paging";
import { findMatchesForPerson } from "@/lib/matching/queries";
import { listTags } from "@/lib/tags/queries";
import { BoardFilters } from "@/components/help-wanted/board-filters";
import { LinkButton } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { Lead, PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { EmptyState } from "@/components/ui/section";
import { ItemCardList } from "@/components/help-wanted/item-card-list";
import { toCardItems } from "@/components/help-wanted/item-card";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = parseBoardQuery(await searchParams);
  return {
    title: "Help wanted",
    alternates: { types: { "application/atom+xml": [{ url: boardFeedUrl(query), title: "Help wanted (Atom)" }] } },
  };
}

/**
 * `sort=match` for a signed-in person: open items ranked for them (lib/matching), with the
 * board's filters, and why each matches. Null when the board's own order applies instead.
 */
async function matchPage(
  query: BoardQuery,
  userId: string | undefined,
  at: Date,
): Promise<(BoardPage & { reasons: Record<string, string> }) | null> {
  if (query.sort !== "match" || !userId || query.status !== "open") return null;
  const offset = decodeMatchCursor(query.cursor);
  const found = await findMatchesForPerson(userId, { now: at, limit: query.limit, offset, query });
  if (!found) return null;
  return {
    items: found.matches.map((m) => m.item),
    nextCursor: found.hasMore ? encodeMatchCursor(offset + query.limit) : null,
    reasons: Object.fromEntries(found.matches.map((m) => [m.item.id, m.line])),
  };
}

/**
 * The help-wanted board (issue 4): search, filters and sort all in the URL through a plain GET
 * form, cursor pages, and an Atom feed of the same query. `sort=match` ranks open items for the
 * signed-in person; others see the newest first and are told why.
 */
export default async function HelpWantedPage({ searchParams }: Props) {
  const { query } = parseBoardQuery(await searchParams);
  const [at, tags, actor] = await Promise.all([now(), listTags(), getActor()]);
  const matched = await matchPage(query, actor?.id, at);
  const { items, nextCursor } = matched ?? (await searchBoardCached(query, at));
  const fallback =
    query.sort === "match" && !matched
      ? actor
        ? "Best match ranks open items only: showing the newest first."
        : "Best match needs to know who you are: showing the newest first."
      : null;
  const filtered = hasFilters(query);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Help wanted"
        compact
        actions={
          canInAnyTag(actor, "help-wanted.create") && <LinkButton href="/help-wanted/new">Post an item</LinkButton>
        }
      >
        <Lead>
          Work the TAGs need help with, posted by their chairs and tech leads. Find something that fits your skills and
          time, and volunteer.
        </Lead>
      </PageHeader>

      {/* A client component: every field given here travels in the page's RSC payload. */}
      <BoardFilters query={query} tags={tags.map(({ slug, name }) => ({ slug, name }))} />

      {fallback && (
        <Notice tone="warning" role="status">
          {fallback}{" "}
          {!actor && (
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(boardUrl(query))}`} className="underline">
              Sign in to see your best matches
            </Link>
          )}
        </Notice>
      )}
      {actor && !matched && (
        <p className="text-sm text-slate-700">
          <Link href="/help-wanted/for-you" className="text-brand-700 underline">
            See the items that match you best
          </Link>
        </p>
      )}

      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700" data-testid="board-summary">
        <span>
          {items.length === 0 ? "No items" : `Showing ${items.length} ${items.length === 1 ? "item" : "items"}`}
          {query.cursor ? " (a later page)" : ""}
        </span>
        {filtered && (
          <Link href={boardUrl(query, NO_FILTERS)} className="text-brand-700 underline">
            Clear filters
          </Link>
        )}
        <a href={boardFeedUrl(query)} type="application/atom+xml" className="text-brand-700 underline">
          Atom feed of this search
        </a>
      </p>

      {items.length === 0 ? (
        <EmptyState center>
          {query.cursor ? (
            <p>
              No more items.{" "}
              <Link href={boardUrl(query)} className="text-brand-700 underline">
                Back to the first page
              </Link>
            </p>
          ) : filtered ? (
            <p>No item matches these filters. Try fewer words, another TAG or a wider effort range.</p>
          ) : (
            <p>
              No {query.status === "all" ? "" : `${query.status} `}items right now. TAG leads post work here; check back
              soon or follow the feed.
            </p>
          )}
        </EmptyState>
      ) : (
        <ItemCardList {...toCardItems(items)} reasons={matched?.reasons} />
      )}

      <Pager
        prev={query.cursor ? { href: boardUrl(query), text: "First page" } : null}
        next={nextCursor ? { href: boardUrl(query, { cursor: nextCursor }), text: "Next page" } : null}
      />
    </div>
  );
}
