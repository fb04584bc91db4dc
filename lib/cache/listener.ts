/**
 * Each web process's LISTEN connection (lib/cache/invalidation.ts publishes): bumps the cache
 * stamps another replica asks for, reconnects with backoff, and while it is down leaves the
 * stamps null so that caches are bypassed. Started from instrumentation.ts; no "server-only"
 * and no Prisma here, since that bundle is not a server-components one.
 */
import pg from "pg";
import { logger } from "@/lib/observability/logger";
import { bumpStamps, isCacheTag, stampState, type CacheTag } from "./stamps";

export const CHANNEL = "tag_portal_cache";
/** How the connection shows in `pg_stat_activity` (operators, and the test that ends it). */
export const APPLICATION_NAME = "tag-portal-cache-listener";
const MAX_BACKOFF_MS = 5_000;

/**
 * A connection that stopped answering (a half-open socket) must not look healthy for long, but
 * a busy process or database is not a dead connection: under load a heartbeat's answer took
 * seconds, each false alarm bypassed every cache and then dropped them all, which made the load
 * worse. So the answer gets `timeoutMs`, judged only after this process has read its sockets.
 */
export interface ListenerTiming {
  heartbeatMs: number;
  timeoutMs: number;
  /** Connecting: also slow while the process starts (modules load with the event loop blocked). */
  connectTimeoutMs: number;
}
const TIMING: ListenerTiming = { heartbeatMs: 5_000, timeoutMs: 10_000, connectTimeoutMs: 15_000 };

/** A notification's payload: the sender and the tags, or null when it is not ours to act on. */
export function parseNotice(payload: string | undefined, self: string): CacheTag[] | null {
  const [origin, list] = (payload ?? "").split(" ");
  if (!origin || origin === self || !list) return null;
  const tags = list.split(",").filter(isCacheTag);
  return tags.length ? tags : null;
}

interface Listener {
  url: string;
  timing: ListenerTiming;
  client: pg.Client | null;
  attempt: number;
  heartbeat: NodeJS.Timeout | null;
}

const KEY = Symbol.for("tag-portal.cache-listener");

function listener(): Listener | undefined {
  return (globalThis as unknown as Record<symbol, Listener | undefined>)[KEY];
}

/**
 * Starts this process's LISTEN connection (once; instrumentation.ts calls it). Until the first
 * connection is up, caches are bypassed. `timing` is for tests.
 */
export function startInvalidationListener(url: string, timing: Partial<ListenerTiming> = {}): void {
  if (listener()) return;
  const l: Listener = { url, timing: { ...TIMING, ...timing }, client: null, attempt: 0, heartbeat: null };
  (globalThis as unknown as Record<symbol, Listener>)[KEY] = l;
  stampState().mode = "disconnected";
  void connect(l);
}

/** Closes the connection for good (tests). */
export async function stopInvalidationListener(): Promise<void> {
  const l = listener();
  if (!l) return;
  (globalThis as unknown as Record<symbol, Listener | undefined>)[KEY] = undefined;
  if (l.heartbeat) clearInterval(l.heartbeat);
  const c = l.client;
  l.client = null;
  stampState().mode = "single";
  await c?.end().catch(() => {});
}

async function connect(l: Listener): Promise<void> {
  const client = new pg.Client({
    connectionString: l.url,
    keepAlive: true,
    connectionTimeoutMillis: l.timing.connectTimeoutMs,
    application_name: APPLICATION_NAME,
  });
  l.client = client;
  const s = stampState();
  client.on("notification", (m) => {
    if (m.channel !== CHANNEL) return;
    const tags = parseNotice(m.payload, s.origin);
    if (tags) bumpStamps(tags);
  });
  client.on("error", (e) => drop(l, client, e));
  client.on("end", () => drop(l, client));
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
  } catch (e) {
    drop(l, client, e);
    return;
  }
  if (l.client !== client) return;
  // Whatever changed while there was no connection is unknown: treat everything as changed.
  bumpStamps();
  s.mode = "connected";
  l.attempt = 0;
  let beating = false;
  l.heartbeat = setInterval(() => {
    if (beating) return;
    beating = true;
    let answered = false;
    const late = setTimeout(
      // A timer that fires after the event loop was blocked runs before the socket is read: judge
      // on the next turn, after this process has read what the database already sent.
      () => setImmediate(() => answered || drop(l, client, new Error("no answer to the heartbeat"))),
      l.timing.timeoutMs,
    );
    client.query("SELECT 1").then(
      () => {
        answered = true;
        beating = false;
        clearTimeout(late);
      },
      (e: unknown) => {
        clearTimeout(late);
        drop(l, client, e);
      },
    );
  }, l.timing.heartbeatMs);
  l.heartbeat.unref();
}

function drop(l: Listener, client: pg.Client, err?: unknown): void {
  if (l.client !== client) return;
  l.client = null;
  stampState().mode = "disconnected";
  if (l.heartbeat) clearInterval(l.heartbeat);
  l.heartbeat = null;
  client.end().catch(() => {});
  const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** l.attempt);
  l.attempt += 1;
  if (l.attempt === 1 || l.attempt % 10 === 0)
    logger().warn({ err, retryInMs: delay }, "cache invalidation connection lost: caches bypassed until it is back");
  setTimeout(() => {
    if (listener() === l) void connect(l);
  }, delay).unref();
}
