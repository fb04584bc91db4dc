/**
 * Whether the database answers, as this process last saw it. Pages and API calls answer 503 at
 * once while it is down (proxy.ts, lib/api/http.ts) instead of waiting on a dead connection and
 * failing with 500; the readiness probe reports it. State on globalThis: proxy.ts and route
 * handlers are bundled separately. No database driver here, so the proxy bundle stays small.
 */
export interface DbHealth {
  down: boolean;
  since: number | null;
  lastError: string | null;
  /** Set by lib/observability/db-watch.ts: probes the server until it answers again. */
  startProbe?: () => void;
}

const g = globalThis as { tagPortalDbHealth?: DbHealth };

export function dbHealth(): DbHealth {
  g.tagPortalDbHealth ??= { down: false, since: null, lastError: null };
  return g.tagPortalDbHealth;
}

/** Error codes and messages that mean "the server is not there", not "this query is wrong". */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "P1001", // Prisma: can't reach database server
  "P1017", // Prisma: server closed the connection
]);
const CONNECTION_MESSAGE =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection (?:is )?closed|terminating connection|the database system is (?:starting up|shutting down|in recovery mode)|Can't reach database server|timeout exceeded when trying to connect/i;

export function isConnectionError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 4) return false;
  const { code, message, cause, errors } = e as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
  if (typeof message === "string" && CONNECTION_MESSAGE.test(message)) return true;
  if (Array.isArray(errors) && errors.some((x) => isConnectionError(x, depth + 1))) return true;
  return isConnectionError(cause, depth + 1);
}

export function markDbDown(e: unknown): void {
  const h = dbHealth();
  if (!h.down) {
    h.down = true;
    h.since = Date.now();
  }
  h.lastError = e instanceof Error ? e.message : String(e);
  h.startProbe?.();
}

export function markDbUp(): void {
  const h = dbHealth();
  h.down = false;
  h.since = null;
  h.lastError = null;
}

/** Marks the database down when `e` is a connection failure; returns whether it was. */
export function noteDbError(e: unknown): boolean {
  if (!isConnectionError(e)) return false;
  markDbDown(e);
  return true;
}

export function databaseUnavailable(): boolean {
  return dbHealth().down;
}

/** The body of every "database unavailable" answer. */
export const UNAVAILABLE_BODY = {
  error: { code: "UNAVAILABLE", message: "The database is unavailable for a moment. Try again in a few seconds." },
};
