/**
 * A short-lived in-process cache of whole HTML pages for anonymous visitors (the help-wanted
 * board), served by proxy.ts. Pages are rendered dynamically because every response carries a
 * fresh CSP nonce; the cache keeps one rendering made with a placeholder nonce and swaps in a
 * fresh nonce for each response, so the CSP stays strict and anonymous views cost a string
 * replace instead of a render. See docs/decisions/007-anonymous-page-cache.md and, for the key,
 * the caps and invalidation across replicas, docs/decisions/017-caches-across-replicas.md.
 *
 * State lives on `globalThis` because proxy.ts and server actions are bundled separately but
 * run in one process. Entries are valid under the cache stamps they were rendered under
 * (lib/cache/stamps.ts): a change here or on another replica replaces a stamp and so drops them.
 */
import { randomBytes } from "node:crypto";
import { boardSearchParams, parseBoardQuery } from "@/lib/help-wanted/board-query";
import { bumpStamps, cacheStamps, CACHE_TAGS } from "@/lib/cache/stamps";
import { countCache } from "@/lib/observability/metrics";

/**
 * Pages cached for anonymous visitors (exact pathnames), each with the canonical form of the
 * parameters it reads: anything else in the URL is dropped before the lookup and the render, so
 * junk parameters neither make new entries nor change what is shown.
 */
const CACHED_PATHS = new Map<string, (params: URLSearchParams) => URLSearchParams>([
  [
    "/help-wanted",
    (params) => {
      const { query } = parseBoardQuery(params);
      return boardSearchParams(query, { cursor: query.cursor });
    },
  ],
]);
/** How long a cached page may be served at most (changes anywhere clear it within a second). */
export const PAGE_TTL_MS = 30_000;
/** Entries kept per path: those asked for more than once, and a smaller share of new ones. */
export const MAX_KEPT_PER_PATH = 200;
export const MAX_NEW_PER_PATH = 50;
/** Keys seen once per path: a page is cached only when it is asked for a second time. */
const MAX_SEEN_PER_PATH = 2_000;
/** Request header marking the proxy's own fill request (its value is a per-process secret). */
export const FILL_HEADER = "x-tag-portal-page-fill";

export interface CachedPage {
  status: number;
  body: string;
  headers: [string, string][];
  storedAt: number;
}

interface Entry {
  stamp: string;
  page: Promise<CachedPage | null>;
}

/**
 * One path's entries in two segments, so that a flood of one-off URLs cannot push out the pages
 * people keep asking for: a new entry starts in `fresh` (small, oldest out first) and moves to
 * `kept` on its first hit; `kept` drops its least recently used entry when full.
 */
interface PathCache {
  seen: Set<string>;
  fresh: Map<string, Entry>;
  kept: Map<string, Entry>;
}

interface State {
  paths: Map<string, PathCache>;
  /** Secret that proves a request is the proxy's own fill request. */
  token: string;
  /** Placeholder nonce rendered into cached pages; never sent to a browser. */
  placeholder: string;
}

const KEY = Symbol.for("tag-portal.page-cache");

export function pageCacheState(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  let state = g[KEY];
  if (!state) {
    state = {
      paths: new Map(),
      token: randomBytes(24).toString("base64url"),
      placeholder: randomBytes(16).toString("hex"),
    };
    g[KEY] = state;
  }
  return state;
}

/** Forget every cached page in this process (lib/cache/invalidation.ts tells the other replicas). */
export function invalidateAnonymousPages(): void {
  bumpStamps(["pages"]);
  pageCacheState().paths.clear();
}

/**
 * The cache key and the URL to render: the pathname plus only the parameters the page reads, in
 * canonical form (`?q=%20go&utm_source=x` and `?q=go` are one page). Null for a path that is not cached.
 */
export function pageKey(url: URL): string | null {
  const canonical = CACHED_PATHS.get(url.pathname);
  if (!canonical) return null;
  const search = canonical(url.searchParams).toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

/** Whether a request may be answered from the cache: an anonymous full-page GET of a cached path. */
export function isCacheableRequest(req: {
  method: string;
  url: URL;
  headers: Headers;
  hasSessionCookie: boolean;
}): boolean {
  if (req.method !== "GET" || req.hasSessionCookie) return false;
  if (!CACHED_PATHS.has(req.url.pathname)) return false;
  // React Server Component navigations and prefetches get the flight payload, not HTML.
  if (req.headers.has("rsc") || req.headers.has("next-router-state-tree") || req.url.searchParams.has("_rsc"))
    return false;
  if (req.headers.get(FILL_HEADER)) return false;
  return true;
}

function pathCache(key: string): PathCache {
  const state = pageCacheState();
  const path = key.split("?")[0]!;
  let p = state.paths.get(path);
  if (!p) state.paths.set(path, (p = { seen: new Set(), fresh: new Map(), kept: new Map() }));
  return p;
}

function boundedSet(set: Set<string>, key: string, max: number): void {
  set.delete(key);
  set.add(key);
  if (set.size > max) set.delete(set.values().next().value!);
}

function boundedMap<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}

/**
 * The cached page for `key` (from {@link pageKey}), filling it with `render` when the key was
 * asked for before (at most one render per key at a time: concurrent visitors wait for the same
 * one). Null means "render it as usual": the first request for a key, a failed or non-200
 * render, or while this process may have missed an invalidation (lib/cache/stamps.ts).
 */
export async function cachedPage(
  key: string,
  render: () => Promise<CachedPage | null>,
  nowMs = Date.now(),
): Promise<CachedPage | null> {
  const stamp = cacheStamps(CACHE_TAGS);
  if (stamp === null) return null;
  const p = pathCache(key);
  const hit = p.kept.get(key) ?? p.fresh.get(key);
  if (hit && hit.stamp === stamp) {
    const page = await hit.page;
    if (page && nowMs - page.storedAt < PAGE_TTL_MS) {
      if (p.fresh.delete(key) || p.kept.has(key)) boundedMap(p.kept, key, hit, MAX_KEPT_PER_PATH);
      countCache("anonymous-page", true);
      return page;
    }
    if (!page) return null;
  }
  countCache("anonymous-page", false);
  if (!hit && !p.seen.has(key)) {
    boundedSet(p.seen, key, MAX_SEEN_PER_PATH);
    return null;
  }
  const entry: Entry = { stamp, page: render().catch(() => null) };
  if (p.kept.has(key)) boundedMap(p.kept, key, entry, MAX_KEPT_PER_PATH);
  else boundedMap(p.fresh, key, entry, MAX_NEW_PER_PATH);
  const page = await entry.page;
  // A failed or non-200 render is not kept: the next visitor tries again.
  if (!page || page.status !== 200) {
    for (const m of [p.fresh, p.kept]) if (m.get(key) === entry) m.delete(key);
    return null;
  }
  return page;
}

/** How many pages are cached for `path` (tests, metrics). */
export function cachedPageCount(path: string): number {
  const p = pageCacheState().paths.get(path);
  return p ? p.fresh.size + p.kept.size : 0;
}

/** The cached body with this response's nonce in place of the placeholder. */
export function withNonce(page: CachedPage, nonce: string): string {
  return page.body.split(pageCacheState().placeholder).join(nonce);
}
