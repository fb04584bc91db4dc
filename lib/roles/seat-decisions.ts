// Not server-only, relative imports: the tags.yaml import (a CLI script) gives seats through here too.
import type { Tx } from "../db.ts";
import { endOpenDecisions, openSeatDecisionAt } from "../decisions/open.ts";
import { closePendingSeat, giveSeat, type SeatRequest } from "./appointments.ts";

/**
 * `giveSeat` for every path (the portal's forms, election vacancies, the tags.yaml import): a seat
 * that comes out pending opens its TOC vote in the same transaction, so no appointment waits
 * without one. The TOC's vote is the only way a pending seat becomes held by the portal
 * (lib/decision-outcomes/effects.ts); the TOC's own tags.yaml is the other (settleConfirmedSeat).
 */
export async function giveSeatForDecision(tx: Tx, req: SeatRequest) {
  const seat = await giveSeat(tx, req);
  if (seat.status === "pending")
    await openSeatDecisionAt(tx, {
      kind: "appointment",
      assignmentId: seat.id,
      openedById: req.by,
      link: req.decisionLink ?? null,
      at: req.at,
    });
  return seat;
}

/** A pending seat the TAG withdraws (a lead cancelled it, its role retired): its open vote goes with it. */
export async function withdrawPendingSeat(tx: Tx, seatId: string, by: { id: string | null; at: Date; reason: string }) {
  await closePendingSeat(tx, seatId, by);
  await endOpenDecisions(tx, seatId, { actorId: by.id, reason: by.reason, at: by.at, as: "withdrawn" });
}

/** The TOC's own tags.yaml confirmed a pending seat: its open vote ends as settled by import, with the commit. */
export function settleConfirmedSeat(tx: Tx, seatId: string, by: { actorId: string | null; at: Date; link: string }) {
  return endOpenDecisions(tx, seatId, {
    actorId: by.actorId,
    at: by.at,
    as: "settled",
    reason: `the TOC's own tags.yaml records this seat (${by.link}).`,
  });
}
