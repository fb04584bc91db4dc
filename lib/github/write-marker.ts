/**
 * The hidden marker in every comment and issue the portal posts on GitHub (lib/github/writes.ts):
 * how a retry finds a comment GitHub already took, and how a webhook of our own write is recognised.
 * Pure: the webhook parser imports it.
 */
export const commentMarker = (writeId: string) => `<!-- tag-portal:write:${writeId} -->`;
export const MARKER_RE = /<!-- tag-portal:write:([0-9a-f-]{36}) -->/;
