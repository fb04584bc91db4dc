/**
 * Pages of matches. A ranking is worked out per request, so its cursor is an offset ("m40"):
 * opaque to clients like the board's other cursors, and a cursor of another sort is ignored.
 */
export const MATCH_MAX_OFFSET = 1_000;

export function encodeMatchCursor(offset: number): string {
  return `m${offset}`;
}

/** The offset in a match cursor; 0 when absent, damaged, from another sort or too deep. */
export function decodeMatchCursor(cursor: string | undefined): number {
  const m = /^m(\d{1,6})$/.exec(cursor ?? "");
  const n = m ? Number(m[1]) : 0;
  return n <= MATCH_MAX_OFFSET ? n : 0;
}
