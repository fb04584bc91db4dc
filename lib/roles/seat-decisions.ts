import "server-only";
import type { Tx } from "@/lib/db";
import { openSeatDecision, withdrawDecisions } from "@/lib/decisions/decisions";
import { closePendingSeat, giveSeat, type SeatRequest } from "./appointments";

/**
 * `giveSeat` for the portal's own paths: a seat that comes out pending opens its TOC vote in the
 * same transaction, so no appointment waits without one. The TOC's vote is the only way a pending
 * seat becomes held (lib/decisions/effects.ts).
 */
export async function giveSeatForDecision(tx: Tx, req: SeatRequest) {
  const seat = await giveSeat(tx, req);
  if (seat.status === "pending")
    await openSeatDecision(tx, {
      kind: "appointment",
      assignmentId: seat.id,
      openedById: req.by,
      link: req.decisionLink ?? null,
    });
  return seat;
}

/** A pending seat the TAG withdraws (a lead cancelled it, its role retired): its open vote goes with it. */
export async function withdrawPendingSeat(tx: Tx, seatId: string, by: { id: string | null; at: Date; reason: string }) {
  await closePendingSeat(tx, seatId, by);
  await withdrawDecisions(tx, seatId, { actorId: by.id, reason: by.reason });
}
