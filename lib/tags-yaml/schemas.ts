import { z } from "zod";

/**
 * The admin page's form: the TOC's own tags.yaml fetched from cncf/toc (its seats are the TOC's
 * record), or a pasted file (its new seats wait for a TOC decision); previewed (dry run) or applied.
 */
export const TagsImportSchema = z
  .strictObject({
    source: z.enum(["toc", "pasted"]).default("pasted"),
    text: z.string().max(2_000_000, "At most 2 MB").default(""),
    mode: z.enum(["preview", "apply"]).default("preview"),
    endMissing: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()).default(false),
  })
  .refine((v) => v.source === "toc" || v.text.trim().length > 0, {
    path: ["text"],
    message: "Paste the contents of tags.yaml",
  });
export type TagsImportInput = z.infer<typeof TagsImportSchema>;
