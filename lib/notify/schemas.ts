import { z } from "zod";

export const MarkReadSchema = z.strictObject({
  ids: z.union([z.literal("all"), z.array(z.uuid()).min(1).max(100)]),
});
export type MarkReadInput = z.infer<typeof MarkReadSchema>;
