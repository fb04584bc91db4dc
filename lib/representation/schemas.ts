import { z } from "zod";

export const SaveTargetsSchema = z.strictObject({
  tagId: z.uuid("Unknown TAG"),
  targets: z.string().max(4000, "Keep the targets under 4,000 characters"),
});
export type SaveTargetsInput = z.infer<typeof SaveTargetsSchema>;
