import "server-only";
import { db, type Tx } from "@/lib/db";
import { tagsChangedHere } from "@/lib/cache/stamps";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requireTag } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { TAG_SETTING_KEYS, type TagSettingKey, type TagSettings } from "@/lib/vocabulary";
import type { TagSettingsInput } from "./schemas";

export const settingsSelect = Object.fromEntries(TAG_SETTING_KEYS.map((k) => [k, true])) as Record<TagSettingKey, true>;

/** The settings as stored on the Tag row (the current version). */
export function pickSettings(row: TagSettings): TagSettings {
  return Object.fromEntries(TAG_SETTING_KEYS.map((k) => [k, row[k]])) as unknown as TagSettings;
}

/**
 * Writes `next` (some or all settings) as the TAG's next settings version inside `tx`: updates the
 * Tag row, appends a version with the whole set and the keys that changed, and audits before and
 * after. A TAG without any version yet first gets version 1, its settings as they stood. Nothing
 * is written when nothing changes. `expectedVersion` (the version a form showed) refuses a change
 * someone else made meanwhile. Every writer of settings (the settings page, the admin TAG form,
 * the TOC's own rules) goes through here.
 */
export async function applyTagSettings(
  tx: Tx,
  input: {
    tagId: string;
    next: Partial<TagSettings>;
    actorId: string | null;
    at: Date;
    reason?: string;
    expectedVersion?: number;
  },
): Promise<{ version: number; changed: TagSettingKey[] }> {
  // Serializes concurrent changes of one TAG's settings.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Tag" WHERE id = ${input.tagId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", "That TAG does not exist.");
  const tag = await tx.tag.findUniqueOrThrow({
    where: { id: input.tagId },
    select: { ...settingsSelect, createdAt: true },
  });
  const current = pickSettings(tag);
  const last = await tx.tagSettingsVersion.findFirst({
    where: { tagId: input.tagId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  let version = last?.version ?? 0;
  if (input.expectedVersion !== undefined && input.expectedVersion !== version)
    throw new AppError(
      "CONFLICT",
      `Someone changed these settings since you opened the page (now version ${version}). Reload and try again.`,
    );
  const changed = TAG_SETTING_KEYS.filter((k) => k in input.next && input.next[k] !== current[k]);
  if (changed.length === 0) return { version, changed };
  if (version === 0) {
    await tx.tagSettingsVersion.create({
      data: {
        tagId: input.tagId,
        version: 1,
        settings: { ...current },
        changed: [...TAG_SETTING_KEYS],
        reason: "Settings as they stood before the first recorded change",
        createdAt: tag.createdAt,
      },
    });
    version = 1;
  }
  const after = { ...current, ...Object.fromEntries(changed.map((k) => [k, input.next[k]])) } as TagSettings;
  await tx.tag.update({ where: { id: input.tagId }, data: Object.fromEntries(changed.map((k) => [k, after[k]])) });
  version++;
  await tx.tagSettingsVersion.create({
    data: {
      tagId: input.tagId,
      version,
      settings: { ...after },
      changed,
      reason: input.reason ?? "",
      createdAt: input.at,
      createdById: input.actorId,
    },
  });
  await recordAudit(tx, {
    at: input.at,
    actorId: input.actorId,
    action: "tag.settings",
    subjectType: "Tag",
    subjectId: input.tagId,
    tagId: input.tagId,
    before: { version: version - 1, ...Object.fromEntries(changed.map((k) => [k, current[k]])) },
    after: { version, ...Object.fromEntries(changed.map((k) => [k, after[k]])), reason: input.reason ?? "" },
  });
  return { version, changed };
}

/** Version 1 of a new TAG's settings, written with the TAG. */
export async function recordFirstSettings(tx: Tx, tagId: string, actorId: string | null, at: Date): Promise<void> {
  const tag = await tx.tag.findUniqueOrThrow({ where: { id: tagId }, select: settingsSelect });
  await tx.tagSettingsVersion.create({
    data: {
      tagId,
      version: 1,
      settings: { ...pickSettings(tag) },
      changed: [...TAG_SETTING_KEYS],
      reason: "TAG created",
      createdAt: at,
      createdById: actorId,
    },
  });
}

/**
 * A chair of the TAG (or an admin) changes its settings: activity rule, whether a seat on leave
 * counts toward caps, stale-after days, board review cadence, leadership model, volunteering rules.
 */
export async function updateTagSettings(actor: Actor | null, input: TagSettingsInput) {
  const found = await db.tag.findUnique({ where: { id: input.tagId }, select: { id: true, slug: true } });
  const { a, row: tag } = await requireTag(actor, "tag.settings", input.tagId, found);
  const { tagId, version, reason, ...next } = input;
  const at = await now();
  const saved = await db.$transaction((tx) =>
    applyTagSettings(tx, { tagId, next, actorId: a.id, at, reason, expectedVersion: version }),
  );
  tagsChangedHere();
  return { slug: tag.slug, ...saved };
}
