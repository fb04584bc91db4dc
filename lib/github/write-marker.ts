/**
 * The hidden marker in every comment and issue the portal posts on GitHub (lib/github/writes.ts):
 * how a retry finds a comment GitHub already took, and how a webhook of our own write is recognised.
 * Pure: the webhook parser and the item page import it.
 */
export const commentMarker = (writeId: string) => `<!-- tag-portal:write:${writeId} -->`;
export const MARKER_RE = /<!-- tag-portal:write:([0-9a-f-]{36}) -->/;

/** A write to GitHub in words (lib/github/writes.ts kinds), for leads. */
export const describeWrite = (kind: string) =>
  ({
    accept: "Assigning the volunteer and commenting",
    progress: "Posting a progress update as a comment",
    label: "Setting the help-wanted label",
    "create-issue": "Creating the issue",
    "project-status": "Setting the item's Status",
  })[kind] ?? kind;
