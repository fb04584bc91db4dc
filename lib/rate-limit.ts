import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * A fixed-window counter in PostgreSQL, shared by every app replica. Counts one attempt for
 * `key` and refuses with RATE_LIMITED once `limit` attempts fall in the current window.
 * Call it before the transaction of the limited action, so a refused attempt still counts.
 */
export async function consumeRateLimit(key: string, limit: number, windowMs: number, now: Date): Promise<void> {
  const windowStartFloor = new Date(now.getTime() - windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartFloor} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartFloor} THEN ${now} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count"`;
  if ((rows[0]?.count ?? 0) > limit) {
    throw new AppError("RATE_LIMITED", "Too many attempts in a short time. Wait a minute and try again.");
  }
}
