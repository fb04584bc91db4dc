"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { formDataToObject } from "@/lib/form-data";
import { profileErrorState, type ProfileFormState } from "@/lib/people/form-data";
import { completeProfileStep, skipProfileStep } from "@/lib/people/profile-step";
import { ProfileStepSchema, SkipProfileStepSchema } from "@/lib/people/schemas";
import { markPeopleStale } from "@/lib/matching/snapshot";

const saveStep = defineAction(ProfileStepSchema, (input, actor) => completeProfileStep(actor, input));

/** The profile step's form: saves it, then shows the person the work that fits them. */
export async function saveProfileStepAction(_prev: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  const raw = formData instanceof FormData ? formDataToObject(formData) : {};
  const result = await saveStep(raw);
  if (!result.ok) return profileErrorState(result, raw);
  // Suggestions to leads read profiles from a copy: refresh it.
  markPeopleStale();
  revalidatePath("/");
  revalidatePath("/me");
  redirect("/help-wanted/for-you");
}

/** "Skip for now" on home or on the step: home stops pointing to it. */
export const skipProfileStepAction = defineAction(SkipProfileStepSchema, async (_input, actor) => {
  await skipProfileStep(actor);
  revalidatePath("/");
  redirect("/");
});
