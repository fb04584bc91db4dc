"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { githubIssueSync } from "@/lib/github/issue-sync";
import { volunteerForItem } from "@/lib/help-wanted/claims";
import { VolunteerSchema } from "@/lib/help-wanted/schemas";
import { setItemHidden, updateMatchSettings } from "@/lib/matching/mutations";
import { HideItemSchema, MatchSettingsFormSchema } from "@/lib/matching/schemas";
import { markPeopleStale } from "@/lib/matching/snapshot";

function refresh() {
  revalidatePath("/help-wanted/for-you");
  revalidatePath("/help-wanted");
}

export const hideItemAction = defineAction(HideItemSchema, (i, a) => setItemHidden(a, i), {
  successMessage: (r) => (r.hidden ? "Hidden: it won't be suggested to you again." : "Shown again among your matches."),
  revalidate: refresh,
});

const volunteer = defineAction(VolunteerSchema, async (i, a) => {
  const r = await volunteerForItem(a, i, githubIssueSync());
  refresh();
  return { ...r, itemId: i.itemId };
});

export const saveMatchSettingsAction = defineAction(
  MatchSettingsFormSchema,
  async ({ intent: _intent, ...settings }, a) => {
    const r = await updateMatchSettings(a, settings);
    // Suggestions to leads read the opt-out and preferences from a copy: refresh it.
    markPeopleStale();
    return r;
  },
  { successMessage: "Settings saved.", revalidate: refresh },
);

/** Hide an item from one's matches, or show it again. */

/**
 * Volunteer straight from a match. The item then leaves the matches, so the person lands on its
 * page, which says where their offer stands (and lists them among the volunteers).
 */
export async function volunteerFromMatchesAction(input: unknown) {
  const result = await volunteer(input);
  if (result.ok) redirect(`/help-wanted/${result.data.itemId}`);
  return result;
}

/** Preferred kinds (a checkbox group), the opt-out and the digest. */
