import { can, type Actor } from "@/lib/auth/permissions";

/**
 * Whether `viewer` may see a person's monthly hours, and the free hours worked out from them: the
 * person themselves, and the leads of a TAG the person is linked to (`personTagIds`: where they
 * volunteer, through a claim or a seat, or a TAG among their interests, which is how they choose
 * to be suggested there). Leads of other TAGs see the suggestion without hours.
 */
export function mayViewHours(viewer: Actor | null, personId: string, personTagIds: Iterable<string>): boolean {
  if (!viewer) return false;
  if (viewer.id === personId) return true;
  for (const tagId of personTagIds) if (can(viewer, "help-wanted.invite", tagId)) return true;
  return false;
}
