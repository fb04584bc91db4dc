/**
 * The Status of a portal item on its TAG's GitHub project board (issue 22 point 2,
 * docs/decisions/024-project-board.md), and which Status changes made on the board the portal can
 * follow. Pure: the sender, the webhook and the tests share it.
 */
export const PROJECT_STATUSES = ["Open", "Claimed", "In progress", "Done"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface ItemFacts {
  status: string;
  /** The statuses of its claims that hold a place (accepted, done) with whether they posted progress. */
  held: { status: string; progressed: boolean }[];
}

/**
 * Done: the item is closed, or every volunteer holding it said the work is done (awaiting the
 * lead's confirmation). In progress: a volunteer posted progress. Claimed: someone holds it. Open otherwise.
 */
export function projectStatusOf(item: ItemFacts): ProjectStatus {
  if (item.status === "closed") return "Done";
  if (item.held.length && item.held.every((c) => c.status === "done")) return "Done";
  if (item.held.some((c) => c.progressed)) return "In progress";
  if (item.held.length) return "Claimed";
  return "Open";
}

/**
 * What a Status set on the board asks of the portal: `done` (propose the volunteers' work done,
 * for a lead to confirm), `reopen` (take back a done the board proposed), `none` (the portal
 * already says so) or `illegal` (the portal cannot follow: it is recorded and the board set back).
 */
export function boardMove(portal: ProjectStatus, board: ProjectStatus, proposedByBoard: boolean) {
  if (board === portal) return "none" as const;
  if (board === "Done" && portal !== "Open") return "done" as const;
  if (portal === "Done" && proposedByBoard && board !== "Open") return "reopen" as const;
  return "illegal" as const;
}

/** `owner` and `number` of a project address (`https://github.com/orgs/<owner>/projects/<n>`). */
export function parseProjectUrl(url: string): { owner: string; number: number } | null {
  const m = /^https:\/\/[^/\s]+\/(?:orgs|users)\/([A-Za-z0-9-]{1,39})\/projects\/(\d{1,9})(?:\/|$)/.exec(url.trim());
  return m ? { owner: m[1]!, number: Number(m[2]) } : null;
}
