import type * as Db from "../generated/prisma/enums.ts";
import { LABELS, labelled, type Same } from "./labelled.ts";

/**
 * Status sets of help-wanted items, claims and roster seats. Each set has one name that means one
 * thing: a claim is *held* (someone works on the item), a seat is *taken* (it counts against the
 * role's seats, a pending appointment included) or *sitting* (its holder serves now).
 */

export const { keys: ITEM_STATUSES, label: ITEM_STATUS_LABEL } = labelled(LABELS.itemStatus);
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const CLAIM_STATUSES = [
  "invited",
  "requested",
  "accepted",
  "done",
  "completed",
  "declined",
  "withdrawn",
  "released",
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
/** A held claim takes a place on its item and counts against the TAG's claim limit. */
export const HELD_CLAIM_STATUSES = ["accepted", "done"] as const satisfies readonly ClaimStatus[];
/** Waiting for an answer: an invitation to the person, or a request to the leads. */
export const PENDING_CLAIM_STATUSES = ["invited", "requested"] as const satisfies readonly ClaimStatus[];
/** Not finished one way or another: what a person's work list shows first. */
export const LIVE_CLAIM_STATUSES = [
  ...PENDING_CLAIM_STATUSES,
  ...HELD_CLAIM_STATUSES,
] as const satisfies readonly ClaimStatus[];
/** The person volunteered (an invitation alone is not volunteering): their TAG's leads may see their hours. */
export const VOLUNTEERED_CLAIM_STATUSES = [
  "requested",
  ...HELD_CLAIM_STATUSES,
  "completed",
] as const satisfies readonly ClaimStatus[];
export const isLiveClaim = (status: string) => (LIVE_CLAIM_STATUSES as readonly string[]).includes(status);

export const { keys: SEAT_STATUSES, label: SEAT_STATUS_LABEL } = labelled(LABELS.seatStatus);
export type SeatStatus = (typeof SEAT_STATUSES)[number];
/** A taken seat counts against its role's seats: a pending appointment holds its seat while the TOC decides. */
export const SEAT_TAKEN_STATUSES = ["pending", "active", "on_leave"] as const satisfies readonly SeatStatus[];
/** A sitting holder serves now (on leave included): leaders vote, liaisons check in. */
export const SITTING_SEAT_STATUSES = ["active", "on_leave"] as const satisfies readonly SeatStatus[];

/** A person's activity in a TAG under the TAG's activity rule (lib/contributions/activity.ts). */
export const { keys: ACTIVITY_STATUSES, label: ACTIVITY_STATUS_LABEL } = labelled(LABELS.activityStatus);
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

const _itemsAgree: Same<ItemStatus, Db.ItemStatus> = true;
const _claimsAgree: Same<ClaimStatus, Db.ClaimStatus> = true;
const _seatsAgree: Same<SeatStatus, Db.AssignmentStatus> = true;

/** GitHub sync runs: `queued` also covers a run waiting to resume after a rate limit or a failed attempt. */
export const { keys: SYNC_RUN_STATUSES, label: SYNC_RUN_STATUS_LABEL } = labelled(LABELS.syncRunStatus);
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];
export const UNFINISHED_SYNC_RUN_STATUSES = ["queued", "running"] as const satisfies readonly SyncRunStatus[];
