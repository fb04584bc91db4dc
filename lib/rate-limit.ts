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
 * A fixed-window counter in PostgreSQL, shared by every app replica: counts one attempt for
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
