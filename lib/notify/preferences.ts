import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import {
  DEFAULT_NOTIFICATION_MODE,
  NOTIFICATION_GROUPS,
  NOTIFICATION_MODES,
  NotificationPrefsSchema,
  type NotificationGroup,
  type NotificationMode,
  type NotificationPrefsInput,
} from "./schemas";

/** The group a notification kind belongs to: the part before its first dot ("claim.stale" is "claim"). */
export const groupOf = (kind: string) => kind.split(".")[0]!;

/** How a kind reaches a person under their saved preferences (the default for groups never set). */
export function modeFor(prefs: unknown, kind: string): NotificationMode {
  const saved = prefs && typeof prefs === "object" ? (prefs as Record<string, unknown>)[groupOf(kind)] : undefined;
  return NOTIFICATION_MODES.find((m) => m === saved) ?? DEFAULT_NOTIFICATION_MODE;
}

/** Every group with the person's mode for it, in the settings form's order. */
export async function getNotificationPrefs(userId: string): Promise<Record<NotificationGroup, NotificationMode>> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { notificationPrefs: true } });
  const prefs = u?.notificationPrefs ?? {};
  return Object.fromEntries(NOTIFICATION_GROUPS.map((g) => [g, modeFor(prefs, `${g}.`)])) as Record<
    NotificationGroup,
    NotificationMode
  >;
}

/** Saves the actor's own preferences; groups left out keep their saved mode. */
export async function setNotificationPrefs(
  actor: Actor | null,
  input: NotificationPrefsInput,
): Promise<Record<NotificationGroup, NotificationMode>> {
  const me = await requirePermission(actor, "notifications.own", { subjectType: "User", subjectId: actor?.id ?? null });
  const parsed = NotificationPrefsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Choose one of the offered ways for each kind of notice.");
  const prefs = parsed.data;
  await db.$transaction(async (tx) => {
    // Row lock: two saves from two tabs merge instead of one losing the other's groups.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${me.id}::uuid FOR UPDATE`;
    const u = await tx.user.findUniqueOrThrow({ where: { id: me.id }, select: { notificationPrefs: true } });
    const saved = Object.fromEntries(NOTIFICATION_GROUPS.map((g) => [g, modeFor(u.notificationPrefs, `${g}.`)]));
    await tx.user.update({ where: { id: me.id }, data: { notificationPrefs: { ...saved, ...prefs } } });
  });
  return getNotificationPrefs(me.id);
}
