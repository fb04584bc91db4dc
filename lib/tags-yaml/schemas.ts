import { z } from "zod";

/** The admin page's form: a tags.yaml text, previewed (dry run) or applied. */
export const TagsImportSchema = z.strictObject({
  text: z.string().min(1, "Paste the contents of tags.yaml").max(2_000_000, "At most 2 MB"),
  mode: z.enum(["preview", "apply"]).default("preview"),
  endMissing: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()).default(false),
});
export type TagsImportInput = z.infer<typeof TagsImportSchema>;
