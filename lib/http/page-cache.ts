/**
 * A short-lived in-process cache of whole HTML pages for anonymous visitors (the help-wanted
 * board), served by proxy.ts. Pages are rendered dynamically because every response carries a
 * fresh CSP nonce; the cache keeps one rendering made with a placeholder nonce and swaps in a
 * fresh nonce for each response, so the CSP stays strict and anonymous views cost a string
 * replace instead of a render. See docs/decisions/007-anonymous-page-cache.md.
 *
 * State lives on `globalThis` because proxy.ts and server actions are bundled separately but
 * run in one process: an action that changes items calls `invalidateAnonymousPages()`.
 */
import { randomBytes } from "node:crypto";
import { countCache } from "@/lib/observability/metrics";

/** Pages cached for anonymous visitors (exact pathnames). */
export const CACHED_PATHS = new Set(["/help-wanted"]);
/** How long a cached page may be served at most (changes made in this process clear it at once). */
export const PAGE_TTL_MS = 30_000;
const MAX_ENTRIES = 500;
/** Request header marking the proxy's own fill request (its value is a per-process secret). */
export const FILL_HEADER = "x-tag-portal-page-fill";

export interface CachedPage {
  status: number;
  body: string;
  headers: [string, string][];
  storedAt: number;
}

interface State {
  entries: Map<string, { version: number; page: Promise<CachedPage | null> }>;
  version: number;
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
      entries: new Map(),
      version: 0,
      token: randomBytes(24).toString("base64url"),
      placeholder: randomBytes(16).toString("hex"),
    };
    g[KEY] = state;
  }
  return state;
}

/** Forget every cached page: call after any change that anonymous pages show. */
export function invalidateAnonymousPages(): void {
  const state = pageCacheState();
  state.version += 1;
  state.entries.clear();
}

/** The cache key: pathname plus the query parameters in a stable order. */
export function pageKey(url: URL): string {
  const params = [...url.searchParams.entries()].sort(([a, av], [b, bv]) =>
    a === b ? av.localeCompare(bv) : a.localeCompare(b),
  );
  return `${url.pathname}?${new URLSearchParams(params).toString()}`;
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

/**
 * The cached page for `key`, filling it with `render` (at most one render per key at a time:
 * concurrent visitors wait for the same one). Only 200 responses are kept.
 */
export async function cachedPage(
  key: string,
  render: () => Promise<CachedPage | null>,
  nowMs = Date.now(),
): Promise<CachedPage | null> {
  const state = pageCacheState();
  const hit = state.entries.get(key);
  if (hit && hit.version === state.version) {
    const page = await hit.page;
    if (page && nowMs - page.storedAt < PAGE_TTL_MS) {
      countCache("anonymous-page", true);
      return page;
    }
    if (!page) return null;
  }
  const version = state.version;
  countCache("anonymous-page", false);
  const pending = render().catch(() => null);
  if (state.entries.size >= MAX_ENTRIES) {
    const oldest = state.entries.keys().next().value;
    if (oldest !== undefined) state.entries.delete(oldest);
  }
  state.entries.set(key, { version, page: pending });
  const page = await pending;
  // A failed or non-200 render is not kept: the next visitor tries again.
  if (!page || page.status !== 200) {
    if (state.entries.get(key)?.page === pending) state.entries.delete(key);
    return null;
  }
  return page;
}

/** The cached body with this response's nonce in place of the placeholder. */
export function withNonce(page: CachedPage, nonce: string): string {
  return page.body.split(pageCacheState().placeholder).join(nonce);
}
