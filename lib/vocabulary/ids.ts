/**
 * Record ids are PostgreSQL uuids. Whatever arrives in a path, a query string or a cursor is
 * parsed with `parseId` before it reaches a query: anything else is "not found" (404), never a
 * database error (500). A loose pattern such as `[0-9a-f-]{36}` lets 36 dashes through.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id in its stored (lowercase) form, or null when `raw` is not a uuid. */
export function parseId(raw: unknown): string | null {
  return typeof raw === "string" && UUID_PATTERN.test(raw) ? raw.toLowerCase() : null;
}
