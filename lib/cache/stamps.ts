/**
 * What every in-process cache asks before it serves: "has anything I depend on changed?"
 * (docs/decisions/017-caches-across-replicas.md). Each cache tag has a stamp, a random string
 * replaced whenever the tag is invalidated, here or on another replica (lib/cache/invalidation.ts
 * delivers those). A cache remembers the stamp it filled under and treats an entry made under
 * another stamp as gone; a stamp of `null` means this process may have missed an invalidation
 * (its listening connection is down), so caches are bypassed until it is back.
 *
 * No imports and state on `globalThis`: proxy.ts, instrumentation.ts and the routes are bundled
 * separately but run in one process, and all of them must see the same stamps.
 */

/** What a cache can depend on. */
/**
 * `clock`: the portal clock's offset (lib/clock), moved only by the demo's clock route. `tags`: the
 * TAG list the API serves, announced by a trigger on "Tag" itself (migration tag_cache_notice), so
 * every writer, scripts included, is covered. `governance`: the seats, role definitions, leaves,
 * elections, liaisons and holders' names the dashboards keep (lib/dashboards), announced the same way
 * (migration governance_cache_notice).
 */
export const CACHE_TAGS = ["help-wanted", "matching", "people", "pages", "clock", "tags", "governance"] as const;
export type CacheTag = (typeof CACHE_TAGS)[number];

interface State {
  stamps: Map<CacheTag, string>;
  /**
   * `single`: no listener in this process (tests, scripts, benchmarks): local invalidation is
   * all there is. `connected` / `disconnected`: a replica with its LISTEN connection up or down.
   */
  mode: "single" | "connected" | "disconnected";
  /** This process's name in notifications, so it can skip its own. */
  origin: string;
}

const KEY = Symbol.for("tag-portal.cache-stamps");

function fresh(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function stampState(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  return (g[KEY] ??= {
    stamps: new Map(CACHE_TAGS.map((t) => [t, fresh()])),
    mode: "single",
    origin: fresh(),
  });
}

/** The current stamp of `tag`, or null while caches must be bypassed. */
export function cacheStamp(tag: CacheTag): string | null {
  const s = stampState();
  if (s.mode === "disconnected") return null;
  return s.stamps.get(tag)!;
}

/** Several tags' stamps as one (null when caches must be bypassed). */
export function cacheStamps(tags: readonly CacheTag[]): string | null {
  const parts: string[] = [];
  for (const t of tags) {
    const s = cacheStamp(t);
    if (s === null) return null;
    parts.push(s);
  }
  return parts.join(".");
}

/** Forgets, in this process, everything cached under `tags` (every tag when none is given). */
export function bumpStamps(tags: readonly CacheTag[] = CACHE_TAGS): void {
  const s = stampState();
  for (const t of tags) s.stamps.set(t, fresh());
}

export function isCacheTag(value: string): value is CacheTag {
  return (CACHE_TAGS as readonly string[]).includes(value);
}

/**
 * After a committed change to "Tag": the database itself tells every process (the trigger of
 * migration tag_cache_notice), but this one may render again, in the same request, before its own
 * listener has read that notice; so the writer forgets its kept TAG list at once too.
 */
export function tagsChangedHere(): void {
  bumpStamps(["tags"]);
}

/**
 * After a server action committed (lib/action.ts): any of them may have changed governance rows,
 * and the page it renders again in the same request must not show this process's kept ones before
 * its listener has read the trigger's notice. Only this process's governance rows are read again.
 */
export function governanceChangedHere(): void {
  bumpStamps(["governance"]);
}
