"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { importAmbassadors, setAmbassador, setGlobalRole } from "@/lib/admin/mutations";
import { GrantRoleSchema, ImportAmbassadorsSchema, VerifyAmbassadorSchema } from "@/lib/admin/schemas";
import { createTag, updateTag } from "@/lib/tags/mutations";
import { TagSchema, UpdateTagSchema } from "@/lib/tags/schemas";

const role = defineAction(GrantRoleSchema, async (input, actor) => {
  const r = await setGlobalRole(actor, input);
  revalidatePath("/admin");
  return r;
});
const ambassador = defineAction(VerifyAmbassadorSchema, async (input, actor) => {
  const r = await setAmbassador(actor, input);
  revalidatePath("/admin");
  return r;
});
const ambassadorsImport = defineAction(ImportAmbassadorsSchema, (input, actor) => importAmbassadors(actor, input));
const tagCreate = defineAction(TagSchema, (input, actor) => createTag(actor, input), {
  successMessage: "TAG created.",
});
const tagUpdate = defineAction(UpdateTagSchema, (input, actor) => updateTag(actor, input), {
  successMessage: "TAG saved.",
});

export async function setGlobalRoleAction(input: unknown) {
  return role(input);
}
export async function setAmbassadorAction(input: unknown) {
  return ambassador(input);
}
export async function importAmbassadorsAction(input: unknown) {
  return ambassadorsImport(input);
}
export async function createTagAction(input: unknown) {
  return tagCreate(input);
}
export async function updateTagAction(input: unknown) {
  return tagUpdate(input);
}
