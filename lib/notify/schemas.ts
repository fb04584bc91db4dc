import { z } from "zod";
import { LABELS, labelled } from "@/lib/vocabulary";

export const MarkReadSchema = z.strictObject({
  ids: z.union([z.literal("all"), z.array(z.uuid()).min(1).max(100)]),
});
export type MarkReadInput = z.infer<typeof MarkReadSchema>;

/**
 * How a kind of notification reaches a person (issue 18, point 13): in the app only, in the app and
 * by email at once, gathered into a weekly digest (in the app and by email, once a week), or not at all.
 */
export const { keys: NOTIFICATION_MODES, label: NOTIFICATION_MODE_LABEL } = labelled(LABELS.notificationMode);
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];
export const DEFAULT_NOTIFICATION_MODE: NotificationMode = "email";

/** The kinds of notification, by the first part of their kind ("claim.stale" is a "claim"). */
export const { keys: NOTIFICATION_GROUPS, label: NOTIFICATION_GROUP_LABEL } = labelled(LABELS.notificationGroup);
export type NotificationGroup = (typeof NOTIFICATION_GROUPS)[number];

const mode = z.enum(NOTIFICATION_MODES, { error: "Choose one of the offered ways." });
/** The settings form: one mode per group, each optional (a stored value parses the same way). */
export const NotificationPrefsSchema = z.strictObject(
  Object.fromEntries(NOTIFICATION_GROUPS.map((g) => [g, mode.optional()])) as Record<
    NotificationGroup,
    z.ZodOptional<typeof mode>
  >,
);
export type NotificationPrefsInput = z.infer<typeof NotificationPrefsSchema>;

/**
 * What the settings form sends: every group, always (it shows one choice per group, preselected).
 * A request without them is refused rather than read as "all defaults", which would silently reset
 * every setting.
 */
export const NotificationPrefsFormSchema = z.strictObject(
  Object.fromEntries(NOTIFICATION_GROUPS.map((g) => [g, mode])) as Record<NotificationGroup, typeof mode>,
);
