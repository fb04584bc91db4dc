import { cacheStamps, stampState, type CacheTag } from "./stamps";

/**
 * A figure computed from the database, kept in this process while the cache stamps of what it
 * depends on stand (lib/cache/stamps.ts: a change on any replica replaces them within a second).
 * For aggregates that cost far more than a render and that every viewer of a scope shares, such
 * as the `/toc` help-wanted flow and trends (docs/decisions/018-render-speed.md).
 *
 * An entry is fresh for `freshMs` of the caller's clock (`at`, so the demo clock counts) after
 * the moment it was computed for; the figures that move with time alone (stale claims, the
 * 90-day window) move that little. Up to `staleMs` it is still served while one refresh runs,
 * so no viewer waits for the aggregate on a quiet change of minute; older, or after a change of
 * stamp, the caller waits for a new one. A failed load is not kept.
 *
 * Only in a web process that hears of changes from the other replicas (its listening connection
 * is up): elsewhere (tests, scripts, benchmarks) writes need not announce themselves, so every
 * call reads the database.
 */
export interface StampedMemo<T> {
  get(key: string, at: Date, load: () => Promise<T>): Promise<T>;
  /** Forgets every entry (tests). */
  clear(): void;
}

interface Entry<T> {
  stamp: string;
  at: number;
  value: Promise<T>;
  refreshing: boolean;
}

export function stampedMemo<T>(
  tags: readonly CacheTag[],
  opts: { freshMs: number; staleMs: number; maxEntries: number },
): StampedMemo<T> {
  const entries = new Map<string, Entry<T>>();

  function fill(key: string, stamp: string, at: number, load: () => Promise<T>): Entry<T> {
    const entry: Entry<T> = { stamp, at, value: load(), refreshing: false };
    entries.delete(key);
    entries.set(key, entry);
    // The oldest key goes first once there are too many scopes.
    if (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value!);
    entry.value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return entry;
  }

  return {
    get(key, atDate, load) {
      const stamp = cacheStamps(tags);
      if (stamp === null || stampState().mode !== "connected") return load();
      const at = atDate.getTime();
      const entry = entries.get(key);
      const age = entry ? at - entry.at : Number.NaN;
      if (!entry || entry.stamp !== stamp || !(age >= 0 && age <= opts.staleMs))
        return fill(key, stamp, at, load).value;
      if (age > opts.freshMs && !entry.refreshing) {
        entry.refreshing = true;
        // The stamp is taken before the load starts: a change during it leaves the new entry stale.
        const next = load();
        next.then(
          () => {
            if (entries.get(key) === entry) entries.set(key, { stamp, at, value: next, refreshing: false });
          },
          () => {
            entry.refreshing = false;
          },
        );
      }
      return entry.value;
    },
    clear() {
      entries.clear();
    },
  };
}
