// Not server-only, relative imports: pure Prisma filters the sweeps and scripts share.
import type { Prisma } from "../generated/prisma/client.ts";
import { LEAD_KINDS, SITTING_SEAT_STATUSES } from "../vocabulary/index.ts";

/** A held seat whose term has not ended at `at`: what gives a holder the seat's powers. */
export function servingWhere(at: Date): Prisma.RoleAssignmentWhereInput {
  return {
    status: { in: [...SITTING_SEAT_STATUSES] },
    OR: [{ termEndAt: null }, { termEndAt: { gt: at } }],
  };
}

/**
 * A chair or tech-lead seat that makes its holder a lead of the TAG at `at`: held, and its term not
 * ended (powers stop at the term end, before the sweep records it). Every "who leads this TAG"
 * question (the actor, notifications to leads) asks this.
 */
export function leadSeatWhere(at: Date): Prisma.RoleAssignmentWhereInput {
  return { kind: { in: [...LEAD_KINDS] }, ...servingWhere(at) };
}
