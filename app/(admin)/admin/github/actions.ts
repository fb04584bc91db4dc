"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { mapRepository } from "@/lib/github/app/installations";
import { MapRepositorySchema } from "@/lib/github/schemas";

export const mapRepositoryAction = defineAction(MapRepositorySchema, (input, actor) => mapRepository(actor, input), {
  successMessage: (r) => (r.tagSlug ? `${r.repo} now belongs to the TAG.` : `${r.repo} belongs to no TAG now.`),
  revalidate: () => revalidatePath("/admin/github"),
});
