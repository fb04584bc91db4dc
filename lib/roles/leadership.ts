import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/auth/permissions";
import { appointByKind, requestSeatEnd, requireHeldSeat } from "./roster";
import type { AppointLeaderInput, RequestEndInput } from "./schemas";

/**
 * A TAG's lead (or an admin) appoints a chair or tech lead: an appointment to the TAG's Chair or
 * Tech Lead role, through the one appointment path (pending until the TOC decides by vote; nobody
 * appoints themselves).
 */
export async function appointLeader(actor: Actor | null, input: AppointLeaderInput) {
  return appointByKind(actor, input);
}

/** A lead asks to end a seat; the TOC votes on it. Nobody removes themselves. */
export async function requestEndOfSeat(actor: Actor | null, input: RequestEndInput) {
  const found = await db.roleAssignment.findUnique({
    where: { id: input.assignmentId },
    select: { id: true, tagId: true, userId: true, status: true, endRequestedAt: true },
  });
  const { a, seat } = await requireHeldSeat(actor, "roster.appoint", input.assignmentId, found, {
    own: "Nobody removes themselves; step down through another lead.",
    notHeld: "Only a held seat can be ended.",
  });
  const at = await now();
  return db.$transaction(async (tx) => {
    await requestSeatEnd(tx, a, seat, input.reason, at);
    return { id: seat.id };
  });
}
