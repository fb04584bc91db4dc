/** ETags of the public API (pure): a strong tag from the body's SHA-256, and `If-None-Match`. */
import { createHash } from "node:crypto";

export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/**
 * Whether `If-None-Match` matches `etag` (RFC 9110 13.1.2: weak comparison, so `W/"x"` matches
 * `"x"`; a list matches when any member does; `*` matches any current representation).
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, "");
  const want = opaque(etag);
  return header.split(",").some((t) => t.trim() === "*" || opaque(t) === want);
}
