import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { CHANNEL } from "./listener";
import { bumpStamps, stampState, type CacheTag } from "./stamps";

/**
 * Cache invalidation across replicas (docs/decisions/017-caches-across-replicas.md): a change
 * bumps the stamps of what it affects here at once (so the person who made it sees it on their
 * next render) and tells every other process through PostgreSQL NOTIFY; each web process keeps
 * one LISTEN connection that bumps the same stamps when told. While that connection is down a
 * process cannot know what changed, so its caches are bypassed (lib/cache/stamps.ts) until it
 * is back, and everything is treated as changed when it reconnects.
 */

/**
 * After a committed change: forgets what `tags` cover in this process at once and on every other
 * process within a second. Call it after the transaction (NOTIFY inside one would wait for its
 * commit; callers here run after it). Never throws: a failed notice is logged, and the other
 * replicas then catch up when their entries expire.
 */
export async function publishInvalidation(...tags: CacheTag[]): Promise<void> {
  bumpStamps(tags);
  const payload = `${stampState().origin} ${tags.join(",")}`;
  try {
    await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${payload})`;
  } catch (e) {
    logger().error({ err: e, tags }, "cache invalidation was not sent to the other replicas");
  }
}
