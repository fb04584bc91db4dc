"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { importTagsYamlAsAdmin } from "@/lib/tags-yaml/import-as-admin";
import { TagsImportSchema } from "@/lib/tags-yaml/schemas";

const tagsImport = defineAction(TagsImportSchema, async (input, actor) => {
  const r = await importTagsYamlAsAdmin(actor, input);
  if (r.applied) revalidatePath("/tags");
  return r;
});

export async function importTagsYamlAction(input: unknown) {
  return tagsImport(input);
}
