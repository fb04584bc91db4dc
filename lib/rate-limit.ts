import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export interface RateLimitOutcome {
  allowed: boolean;
  /** Attempts counted in the current window, this one included. */
  count: number;
  /** Whole seconds until the window resets (for a `Retry-After` header). */
  retryAfterSeconds: number;
}

/**
 * A fixed-window counter in PostgreSQL, shared by every app replica, for the limits on what
 * signed-in people do (volunteer, vote, post): one row per person and action, written only when
 * they act. Per-request limits use {@link takeLocalRateLimit} instead, which writes nothing.
 * counts one attempt for
 * `key` and says whether it is within `limit` attempts in the current window. A refused attempt
 * still counts.
 */
export async function takeRateLimit(
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<RateLimitOutcome> {
  const windowStartFloor = new Date(now.getTime() - windowMs);
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartFloor} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartFloor} THEN ${now} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const count = rows[0]?.count ?? 0;
  const resetAt = (rows[0]?.windowStart ?? now).getTime() + windowMs;
  return {
    allowed: count <= limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)),
  };
}

/**
 * Counts one attempt for `key` and refuses with RATE_LIMITED once `limit` attempts fall in the
 * current window. Call it before the transaction of the limited action, so a refused attempt
 * still counts.
 */
export async function consumeRateLimit(key: string, limit: number, windowMs: number, now: Date): Promise<void> {
  const { allowed } = await takeRateLimit(key, limit, windowMs, now);
  if (!allowed) {
    throw new AppError("RATE_LIMITED", "Too many attempts in a short time. Wait a minute and try again.");
  }
}

// --- per-request limits, in memory -------------------------------------------------------------

/** Buckets kept per process at most; past it the least recently used go first. */
export const MAX_BUCKETS = 50_000;
const MAX_KEY = 200;

interface Bucket {
  tokens: number;
  at: number;
}

interface Buckets {
  map: Map<string, Bucket>;
  sweptAt: number;
}

const buckets = new Map<string, Buckets>();

/**
 * A token bucket per `key` in this process (docs/decisions/017-caches-across-replicas.md, "Rate
 * limiting"): `limit` requests at once, refilled at `limit` per `windowMs`. No database write and
 * no shared row, so clients behind one address do not queue on a lock. Keys are cut to 200
 * characters; buckets that have refilled are removed once per window, and past
 * {@link MAX_BUCKETS} the least recently used go first (a full bucket is what a new one starts as,
 * so removing it changes nothing). With N replicas behind a balancer a client gets up to N times
 * `limit`: see the decision record for sizing.
 */
export function takeLocalRateLimit(key: string, limit: number, windowMs: number, nowMs: number): RateLimitOutcome {
  const ratePerMs = limit / windowMs;
  let space = buckets.get(`${limit}/${windowMs}`);
  if (!space) buckets.set(`${limit}/${windowMs}`, (space = { map: new Map(), sweptAt: nowMs }));
  if (nowMs - space.sweptAt >= windowMs) {
    space.sweptAt = nowMs;
    for (const [k, b] of space.map) if (b.tokens + (nowMs - b.at) * ratePerMs >= limit) space.map.delete(k);
  }
  const k = key.slice(0, MAX_KEY);
  const b = space.map.get(k);
  const tokens = b ? Math.min(limit, b.tokens + Math.max(0, nowMs - b.at) * ratePerMs) : limit;
  const allowed = tokens >= 1;
  const left = allowed ? tokens - 1 : tokens;
  // Re-inserted so that the map's order is least recently used first.
  space.map.delete(k);
  space.map.set(k, { tokens: left, at: Math.max(nowMs, b?.at ?? 0) });
  if (space.map.size > MAX_BUCKETS) space.map.delete(space.map.keys().next().value!);
  return {
    allowed,
    count: limit - Math.floor(left),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - left) / ratePerMs / 1000)),
  };
}

/** How many per-request buckets this process holds (tests, metrics). */
export function localBucketCount(): number {
  let n = 0;
  for (const s of buckets.values()) n += s.map.size;
  return n;
}

/** Forgets every per-request bucket (tests). */
export function resetLocalRateLimits(): void {
  buckets.clear();
}
