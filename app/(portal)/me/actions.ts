"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/action";
import { formDataToObject } from "@/lib/form-data";
import {
  formValuesFromProfile,
  profileErrorState,
  type DeleteAccountState,
  type ProfileFormState,
} from "@/lib/people/form-data";
import { deleteAccount, updateProfile } from "@/lib/accounts/mutations";
import { DeleteAccountSchema, ProfileSchema } from "@/lib/people/schemas";
import { markPeopleStale } from "@/lib/matching/snapshot";
import { setNotificationPrefs } from "@/lib/notify/preferences";
import { NotificationPrefsFormSchema } from "@/lib/notify/schemas";
import { ResetCalendarSchema } from "@/lib/calendar/schemas";
import { resetCalendarToken } from "@/lib/calendar/tokens";

const saveProfile = defineAction(ProfileSchema, (input, actor) => updateProfile(actor, input));
const removeAccount = defineAction(DeleteAccountSchema, (input, actor) => deleteAccount(actor, input.confirmLogin));

/** The `/me` form (useActionState): saves the signed-in person's own profile, or says what to fix. */
export async function saveProfileAction(_prev: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  // A direct call may send anything; defineAction then refuses it (signed out, or field errors).
  const raw = formData instanceof FormData ? formDataToObject(formData) : {};
  const result = await saveProfile(raw);
  if (result.ok) {
    revalidatePath("/me");
    // Suggestions to leads read profiles from a copy: refresh it.
    markPeopleStale();
    return {
      status: "saved",
      message: "Profile saved. Your public profile shows the changes.",
      values: formValuesFromProfile(result.data),
    };
  }
  return profileErrorState(result, raw);
}

/** How each kind of notice reaches the signed-in person (in the app, by email, in a weekly digest, or off). */
export const saveNotificationPrefsAction = defineAction(
  NotificationPrefsFormSchema,
  (input, actor) => setNotificationPrefs(actor, input),
  { successMessage: "Notification preferences saved.", revalidate: () => revalidatePath("/me") },
);

/** Deletes the signed-in person's account once they typed their login, then leaves signed out. */
export async function deleteAccountAction(_prev: DeleteAccountState, formData: FormData): Promise<DeleteAccountState> {
  const raw = formData instanceof FormData ? formDataToObject(formData) : {};
  const result = await removeAccount(raw);
  if (!result.ok) {
    return {
      status: "error",
      message: result.message,
      fieldErrors: result.fieldErrors,
      confirmLogin: typeof raw.confirmLogin === "string" ? raw.confirmLogin : "",
    };
  }
  // The session rows went with the user row, so the next request is signed out.
  revalidatePath("/", "layout");
  redirect("/?notice=account-deleted");
}

/** A new private calendar link for the signed-in person; the old one stops working. */
export const resetCalendarAction = defineAction(ResetCalendarSchema, (_input, actor) => resetCalendarToken(actor), {
  revalidate: () => revalidatePath("/me"),
});
