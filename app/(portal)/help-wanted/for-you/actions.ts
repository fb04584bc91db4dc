"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { setItemHidden, updateMatchSettings } from "@/lib/matching/mutations";
import { HideItemSchema, MatchSettingsSchema } from "@/lib/matching/schemas";
import { markPeopleStale } from "@/lib/matching/snapshot";

function refresh() {
  revalidatePath("/help-wanted/for-you");
  revalidatePath("/help-wanted");
}

const hide = defineAction(HideItemSchema, (i, a) => setItemHidden(a, i), {
  successMessage: (r) => (r.hidden ? "Hidden: it won't be suggested to you again." : "Shown again among your matches."),
  revalidate: refresh,
});

const save = defineAction(
  MatchSettingsSchema,
  async (i, a) => {
    const r = await updateMatchSettings(a, i);
    // Suggestions to leads read the opt-out and preferences from a copy: refresh it.
    markPeopleStale();
    return r;
  },
  { successMessage: "Settings saved.", revalidate: refresh },
);

/** Hide an item from one's matches, or show it again. */
export async function hideItemAction(input: unknown) {
  return hide(input);
}

/** Preferred kinds (a checkbox group), the opt-out and the digest. */
export async function saveMatchSettingsAction(input: unknown) {
  return save(input);
}
