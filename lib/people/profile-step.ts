import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { requirePermission } from "@/lib/auth/actor";
import { invalidInput } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { ProfileStepSchema, type ProfileStepInput } from "./schemas";

/**
 * Whether home should point this person to the profile step: they neither finished nor skipped it,
 * and their profile still lacks what matching needs (region, timezone, a skill). A person who filled
 * in /me first is not asked again.
 */
export async function needsProfileStep(userId: string): Promise<boolean> {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: { profileStepAt: true, region: true, timezone: true, skills: true },
  });
  if (!u || u.profileStepAt) return false;
  return !u.region || !u.timezone || u.skills.length === 0;
}

/** The step's form values: what the person's profile holds now. */
export async function getProfileStep(userId: string): Promise<ProfileStepInput | null> {
  return db.user.findUnique({
    where: { id: userId },
    select: { region: true, timezone: true, skills: true, interests: true, hoursPerMonth: true },
  });
}

/**
 * Saves the step's fields to the actor's own profile and marks the step done. Other profile fields
 * (employer and its history, languages, bio) stay as they are: /me edits those.
 */
export async function completeProfileStep(actor: Actor | null, input: ProfileStepInput): Promise<ProfileStepInput> {
  const me = await requirePermission(actor, "profile.edit", { subjectType: "User", subjectId: actor?.id ?? null });
  const parsed = ProfileStepSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const at = await now();
  await db.user.update({ where: { id: me.id }, data: { ...parsed.data, profileStepAt: at } });
  return parsed.data;
}

/** Marks the step skipped: home stops pointing to it; /me still edits everything. */
export async function skipProfileStep(actor: Actor | null): Promise<void> {
  const me = await requirePermission(actor, "profile.edit", { subjectType: "User", subjectId: actor?.id ?? null });
  const at = await now();
  await db.user.updateMany({ where: { id: me.id, profileStepAt: null }, data: { profileStepAt: at } });
}
