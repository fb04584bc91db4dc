/** The seats the demo's TOC approved: appointed and active, given through the one appointment path. */
import type { Tx } from "../lib/db.ts";
import { giveSeat, type SeatRequest } from "../lib/roles/appointments.ts";

export function giveApprovedSeat(tx: Tx, seat: Pick<SeatRequest, "roleKey" | "tagId" | "person" | "at" | "termEndAt">) {
  return giveSeat(tx, {
    ...seat,
    by: null,
    obtainedBy: "appointed",
    status: "active",
    startAt: seat.at,
    decisionLink: "https://github.com/cncf/toc/issues",
  });
}
