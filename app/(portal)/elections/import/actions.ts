"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { formDataToObject } from "@/lib/form-data";
import { uploadElektoArchive } from "@/lib/elections/elekto-upload";
import { ElektoUploadSchema } from "@/lib/elections/schemas";

const upload = defineAction(ElektoUploadSchema, (i, a) => uploadElektoArchive(a, i), {
  successMessage: (d) =>
    d.imported ? "Imported as a draft election." : "Preview: this is what the import creates; nothing is written yet.",
  revalidate: () => revalidatePath("/elections"),
});

/**
 * The form sends the archive as a file, which FormData-to-object turns into its name: its bytes
 * go to the schema as base64 (the schema caps them at the archive limit).
 */
export async function uploadElektoArchiveAction(input: unknown) {
  if (!(input instanceof FormData)) return upload(input);
  const file = input.get("archive");
  const archive = file instanceof File ? Buffer.from(await file.arrayBuffer()).toString("base64") : "";
  return upload({ ...formDataToObject(input), archive });
}
