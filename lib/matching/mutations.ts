import "server-only";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import type { HideItemInput, MatchSettingsInput } from "./schemas";
import { itemKindOf } from "@/lib/vocabulary";

/**
 * A person hides an item from their matches (for-you, `sort=match`, the digest), or shows it
 * again. Their own data only: the actor is the person, so no id from the form can reach another's.
 */
export async function setItemHidden(actor: Actor | null, input: HideItemInput) {
  const a = await requirePermission(actor, "profile.edit", { subjectType: "HiddenItem", subjectId: input.itemId });
  if (!input.hidden) {
    await db.hiddenItem.deleteMany({ where: { userId: a.id, itemId: input.itemId } });
    return { itemId: input.itemId, hidden: false };
  }
  const item = await db.helpWantedItem.findUnique({ where: { id: input.itemId }, select: { status: true } });
  if (!item || item.status === "draft") throw new AppError("NOT_FOUND", "That item does not exist.");
  const at = await clockNow();
  await db.hiddenItem.createMany({
    data: [{ userId: a.id, itemId: input.itemId, createdAt: at }],
    skipDuplicates: true,
  });
  return { itemId: input.itemId, hidden: true };
}

/** A person's matching settings: preferred kinds of work, opting out of suggestions to leads, the weekly digest, GitHub assignment. */
export async function updateMatchSettings(actor: Actor | null, input: MatchSettingsInput) {
  const a = await requirePermission(actor, "profile.edit", { subjectType: "User", subjectId: actor?.id ?? null });
  const user = await db.user.update({
    where: { id: a.id },
    data: {
      preferredKinds: input.preferredKinds.map(itemKindOf),
      matchOptOut: input.matchOptOut,
      digestOptIn: input.digestOptIn,
      ...(input.githubAssignOptIn === undefined ? {} : { githubAssignOptIn: input.githubAssignOptIn }),
    },
    select: { preferredKinds: true, matchOptOut: true, digestOptIn: true, githubAssignOptIn: true },
  });
  return user;
}
