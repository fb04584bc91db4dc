import "server-only";
import { db } from "@/lib/db";
import { clientOf } from "@/lib/http/peer-address";
import { takeRateLimit } from "@/lib/rate-limit";
import { recordRefusal } from "./record";

const WINDOW_MS = 60_000;
/** Recorded refusals a minute from one client address, and from everyone together. */
export const SIGNED_OUT_RECORDS_PER_CLIENT = 10;
export const SIGNED_OUT_RECORDS_IN_ALL = 100;

/**
 * Records a server action called while signed out (docs/security.md, "Audit"): which action (the
 * `Next-Action` id) and nothing of what was sent. At most SIGNED_OUT_RECORDS_PER_CLIENT a minute
 * per client address and SIGNED_OUT_RECORDS_IN_ALL in all, so that a flood of anonymous calls
 * cannot flood the audit log; the calls are refused either way.
 */
export async function recordSignedOutCall(headers: Headers, at: Date): Promise<boolean> {
  const client = await takeRateLimit(
    `audit:signed-out:${clientOf({ headers })}`,
    SIGNED_OUT_RECORDS_PER_CLIENT,
    WINDOW_MS,
    at,
  );
  if (!client.allowed) return false;
  const all = await takeRateLimit("audit:signed-out", SIGNED_OUT_RECORDS_IN_ALL, WINDOW_MS, at);
  if (!all.allowed) return false;
  const actionId = headers.get("next-action");
  await recordRefusal(db, {
    at,
    actorId: null,
    action: "server-action.call",
    subjectType: "ServerAction",
    subjectId: actionId && /^[0-9a-f]{1,100}$/i.test(actionId) ? actionId : null,
    reason: "UNAUTHENTICATED",
  });
  return true;
}
