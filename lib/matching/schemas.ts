import { z } from "zod";
import { BOARD_KINDS } from "@/lib/vocabulary";

/** Hide an item from one's matches, or show it again. */
export const HideItemSchema = z.strictObject({
  itemId: z.uuid(),
  hidden: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type HideItemInput = z.infer<typeof HideItemSchema>;

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/**
 * The person's matching settings (the for-you page): preferred kinds of work, whether leads may
 * see them suggested for items, and the weekly digest. Checkbox groups arrive as a list.
 */
export const MatchSettingsSchema = z.strictObject({
  preferredKinds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(BOARD_KINDS, { message: "Unknown kind of work" })).max(BOARD_KINDS.length),
  ),
  matchOptOut: checkbox,
  digestOptIn: checkbox,
  /** Assign me to an item's GitHub issue when I'm accepted (issue 19; else the issue mentions me). */
  githubAssignOptIn: checkbox.optional(),
});
export type MatchSettingsInput = z.infer<typeof MatchSettingsSchema>;

/**
 * What the settings form sends: the settings and its intent. Every setting is a checkbox, absent
 * when off, so without the intent an empty call would read as "turn everything off".
 */
export const MatchSettingsFormSchema = MatchSettingsSchema.extend({
  intent: z.literal("save-match-settings", { error: "Use the matching settings form." }),
});
