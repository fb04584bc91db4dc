"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { importAmbassadors, setAmbassador, setGlobalRole } from "@/lib/admin/mutations";
import { GrantRoleSchema, ImportAmbassadorsSchema, VerifyAmbassadorSchema } from "@/lib/admin/schemas";
import { createTag, updateTag } from "@/lib/tags/mutations";
import { TagSchema, UpdateTagSchema } from "@/lib/tags/schemas";

export const setGlobalRoleAction = defineAction(GrantRoleSchema, (input, actor) => setGlobalRole(actor, input), {
  revalidate: () => revalidatePath("/admin"),
});
export const setAmbassadorAction = defineAction(VerifyAmbassadorSchema, (input, actor) => setAmbassador(actor, input), {
  revalidate: () => revalidatePath("/admin"),
});
export const importAmbassadorsAction = defineAction(ImportAmbassadorsSchema, (input, actor) =>
  importAmbassadors(actor, input),
);
export const createTagAction = defineAction(TagSchema, (input, actor) => createTag(actor, input), {
  successMessage: "TAG created.",
});
export const updateTagAction = defineAction(UpdateTagSchema, (input, actor) => updateTag(actor, input), {
  successMessage: "TAG saved.",
});
