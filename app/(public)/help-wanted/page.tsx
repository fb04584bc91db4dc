import type { Metadata } from "next";
import Link from "next/link";
import { getActor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { searchBoardCached } from "@/lib/help-wanted/board-cache";
import { boardFeedUrl, boardUrl, hasFilters, parseBoardQuery } from "@/lib/help-wanted/board-query";
import { listTags } from "@/lib/tags/queries";
import { BoardFilters } from "./_components/board-filters";
import { ItemCard } from "./_components/item-card";

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
 * The help-wanted board (issue 4): search, filters and sort all in the URL through a plain GET
 * form, cursor pages, and an Atom feed of the same query.
 */
export default async function HelpWantedPage({ searchParams }: Props) {
  const { query } = parseBoardQuery(await searchParams);
  const [at, tags, actor] = await Promise.all([now(), listTags(), getActor()]);
  const { items, nextCursor } = await searchBoardCached(query, at);
  const filtered = hasFilters(query);
  const mayPost = Boolean(actor && (actor.isAdmin || actor.leadTagIds.length > 0));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold text-slate-900">Help wanted</h1>
          <p className="max-w-3xl text-slate-700">
            Work the TAGs need help with, posted by their chairs and tech leads. Find something that fits your skills and time, and volunteer.
          </p>
        </div>
        {mayPost && (
          <Link href="/help-wanted/new" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
            Post an item
          </Link>
        )}
      </div>

      <BoardFilters query={query} tags={tags} />

      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700" data-testid="board-summary">
        <span>
          {items.length === 0 ? "No items" : `Showing ${items.length} ${items.length === 1 ? "item" : "items"}`}
          {query.cursor ? " (a later page)" : ""}
        </span>
        {filtered && (
          <Link href={boardUrl(query, { q: "", tag: [], kind: undefined, skill: [], region: undefined, effortMin: undefined, effortMax: undefined })} className="text-brand-700 underline">
            Clear filters
          </Link>
        )}
        <a href={boardFeedUrl(query)} type="application/atom+xml" className="text-brand-700 underline">
          Atom feed of this search
        </a>
      </p>

      {items.length === 0 ? (
        <div className="rounded-xl bg-white p-8 text-center text-slate-700 ring-1 ring-slate-200">
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
            <p>No {query.status === "all" ? "" : `${query.status} `}items right now. TAG leads post work here; check back soon or follow the feed.</p>
          )}
        </div>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {items.map((item) => (
            <li key={item.id}>
              <ItemCard item={item} />
            </li>
          ))}
        </ul>
      )}

      {(nextCursor || query.cursor) && (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          {query.cursor ? (
            <Link href={boardUrl(query)} className="rounded-md px-3 py-2 text-brand-700 underline">
              First page
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link href={boardUrl(query, { cursor: nextCursor })} rel="next" className="rounded-md px-3 py-2 text-brand-700 underline">
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
