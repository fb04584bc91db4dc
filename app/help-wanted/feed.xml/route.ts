import { Feed } from "feed";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { searchBoard } from "@/lib/help-wanted/board";
import { boardFeedUrl, boardUrl, parseBoardQuery } from "@/lib/help-wanted/board-query";
import { BOARD_KIND_LABEL } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

/** The feed library marks titles and summaries `type="html"`: plain text must be escaped to stay text. */
const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * `/help-wanted/feed.xml`: the board as Atom, with the board's query parameters (docs/architecture.md, "Board parameters"),
 * always the newest entries first: a feed reader wants what is new, whatever the page's sort.
 */
export async function GET(request: Request): Promise<Response> {
  const { query: parsed } = parseBoardQuery(new URL(request.url).searchParams);
  const query = { ...parsed, sort: "newest" as const, cursor: undefined };
  const base = env().NEXTAUTH_URL.replace(/\/+$/, "");
  const { items } = await searchBoard(query, await now());
  const page = `${base}${boardUrl(parsed)}`;
  const feed = new Feed({
    id: page,
    title: parsed.q ? `Help wanted: “${parsed.q}” (TAG Portal)` : "Help wanted (TAG Portal)",
    description: "Work the CNCF TAGs need help with.",
    link: page,
    language: "en",
    updated: items[0]?.createdAt ?? new Date(0),
    generator: "TAG Portal",
    feedLinks: { atom: `${base}${boardFeedUrl(parsed)}` },
  });
  for (const item of items) {
    const link = `${base}/help-wanted/${item.id}`;
    feed.addItem({
      id: link,
      link,
      title: escapeHtml(item.title),
      date: item.createdAt,
      published: item.createdAt,
      description: escapeHtml(item.excerpt),
      category: [
        { name: BOARD_KIND_LABEL[item.kind], term: item.kind },
        ...item.tags.map((t) => ({ name: t.name, term: `tag-${t.slug}` })),
      ],
    });
  }
  return new Response(feed.atom1(), {
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
}
