import "server-only";
import type { Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import {
  endOpenDecisions,
  openDecisionAt,
  openSeatDecisionAt,
  type OpenDecisionInput,
  type SeatDecisionInput,
} from "./open";

/**
 * Opening TOC decisions from the server, at the server's time (./open has the rules). The domains
 * whose changes need the TOC (roles, elections) open one inside their own transaction; what a
 * decision does when it closes lives in ./effects, closing in ./closing.
 */
export { DB_KIND, type DecisionKind, type OpenDecisionInput } from "./open";

/** Opens a TOC vote inside the caller's transaction (see openDecisionAt). */
export async function openDecision(tx: Tx, input: Omit<OpenDecisionInput, "at">): Promise<{ id: string }> {
  return openDecisionAt(tx, { ...input, at: await now() });
}

/** Opens the decision a seat change needs, titled from the seat; the holder is recused. */
export async function openSeatDecision(tx: Tx, input: SeatDecisionInput): Promise<{ id: string }> {
  return openSeatDecisionAt(tx, { ...input, at: await now() });
}

/**
 * The subject went away before the TOC decided (a lead cancelled a pending appointment): its open
 * decision is withdrawn, inside the caller's transaction. Returns how many were withdrawn.
 */
export async function withdrawDecisions(tx: Tx, subjectId: string, by: { actorId: string | null; reason: string }) {
  return endOpenDecisions(tx, subjectId, { ...by, at: await now(), as: "withdrawn" });
}

/** The page of a decision (relative: notifications add the portal's address). */
export const decisionLink = (id: string) => `/toc/decisions/${id}`;
