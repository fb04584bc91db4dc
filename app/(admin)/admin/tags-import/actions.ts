"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { importTagsYamlAsAdmin } from "@/lib/github/tags-yaml-import";
import { TagsImportSchema } from "@/lib/tags-yaml/schemas";

export const importTagsYamlAction = defineAction(TagsImportSchema, async (input, actor) => {
  const r = await importTagsYamlAsAdmin(actor, input);
  if (r.applied) revalidatePath("/tags");
  return r;
});
