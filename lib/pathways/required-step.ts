import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadLadder, loadPathwayFacts } from "./load-standing";
import { hasReached, pathwayStanding } from "./standing";

/** A role may require only a step the TAG's ladder has (checked when the role is defined). */
export async function checkRequiredStep(tagId: string, step: string | undefined): Promise<void> {
  if (!step) return;
  const stored = await loadLadder(tagId);
  if (!stored?.ladder.some((s) => s.name === step)) {
    const message = stored
      ? `"${step}" is not a step of this TAG's ladder (${stored.ladder.map((s) => s.name).join(", ")}).`
      : "This TAG has no leadership ladder yet: define it first.";
    throw new AppError("INVALID", message, { requiredStep: [message] });
  }
}

/**
 * Why `userId` may not stand for the role `roleKey` under its required ladder step, or null when
 * the role requires none or the person has reached it. An election exception to stand waives it,
 * as it waives the record count (the caller decides).
 */
export async function requiredStepShortfall(
  tagId: string,
  roleKey: string,
  userId: string,
  at: Date,
): Promise<string | null> {
  const role = await db.roleDefinition.findFirst({
    where: { roleKey, tagId, supersededAt: null },
    select: { name: true, requiredStep: true },
  });
  if (!role?.requiredStep) return null;
  const stored = await loadLadder(tagId);
  const ask = "ask the election's officers for an exception to stand";
  if (!stored?.ladder.some((s) => s.name === role.requiredStep))
    return `${role.name} requires the ladder step "${role.requiredStep}", which the TAG's ladder no longer has: ${ask}.`;
  const facts = (await loadPathwayFacts(tagId, stored.ladder, [userId], at)).get(userId)!;
  const standing = pathwayStanding(stored.ladder, facts, at);
  if (hasReached(stored.ladder, standing, role.requiredStep)) return null;
  return `Standing for ${role.name} needs the ladder step "${role.requiredStep}"; you have reached ${standing.reached ? `"${standing.reached}"` : "no step yet"}. Reach it, or ${ask}.`;
}
