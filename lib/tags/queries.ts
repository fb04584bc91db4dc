import "server-only";
import { db } from "@/lib/db";
import { stampedMemo } from "@/lib/cache/memo";
import { tocLiaisonsOf } from "@/lib/people/liaisons";
import type { TagSettingKey, TagSettings } from "@/lib/vocabulary";
import { pickSettings, settingsSelect } from "./settings";

/** What a TAG says about itself (not its settings): what its page shows and an edit's audit keeps as "before". */
export const tagProfileSelect = {
  slug: true,
  name: true,
  mission: true,
  repositories: true,
  slackChannel: true,
  mailingList: true,
  meetings: true,
  tocLiaisons: true,
  tocLiaisonIds: true,
} as const;

const readTags = () =>
  db.tag.findMany({
    orderBy: { name: "asc" },
    select: { slug: true, name: true, mission: true, slackChannel: true, mailingList: true },
  });

/**
 * Kept per web process under the `tags` cache stamp, which a trigger on "Tag" replaces on every
 * replica after any change: the board's filters, for-you and the election pages asked for it on
 * every render. Shared by every caller, hence read-only; read again after five minutes in case a
 * notice was lost.
 */
const everyTag = stampedMemo<readonly Readonly<Awaited<ReturnType<typeof readTags>>[number]>[]>(["tags"], {
  freshMs: 5 * 60_000,
  staleMs: 5 * 60_000,
  maxEntries: 1,
});

/** Every TAG for the directory, alphabetical. */
export function listTags() {
  return everyTag.get("all", new Date(), readTags);
}

/** One TAG with what its page shows, or null for an unknown slug; TOC liaisons by their current logins. */
export async function findTagBySlug(slug: string) {
  // No TAG's slug holds a control character, and PostgreSQL refuses a NUL outright (a 500 from
  // `/tags/%00/roster.csv`, found by the route fuzz test): such a slug names no TAG.
  if (/[\u0000-\u001f]/.test(slug)) return null;
  const tag = await db.tag.findUnique({
    where: { slug },
    select: {
      id: true,
      ...tagProfileSelect,
      ...settingsSelect,
      createdAt: true,
      boardReviewedAt: true,
      subprojects: { orderBy: { name: "asc" }, select: { slug: true, name: true, mission: true } },
    },
  });
  if (!tag) return null;
  const { tocLiaisonIds: _ids, ...rest } = tag;
  const [liaisons] = await tocLiaisonsOf(db, [tag]);
  return { ...rest, tocLiaisons: liaisons!.map((l) => l.login) };
}

/** The current settings of a TAG, their version and the history (newest first), or null. */
export async function getTagSettings(slug: string) {
  const tag = await db.tag.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      createdAt: true,
      ...settingsSelect,
      settingsVersions: {
        orderBy: { version: "desc" },
        take: 100,
        select: { version: true, changed: true, settings: true, reason: true, createdAt: true, createdById: true },
      },
    },
  });
  if (!tag) return null;
  const authorIds = [...new Set(tag.settingsVersions.flatMap((v) => (v.createdById ? [v.createdById] : [])))];
  const authors = await db.user.findMany({
    where: { id: { in: authorIds } },
    select: { id: true, login: true, deletedAt: true },
  });
  const who = new Map(authors.map((u) => [u.id, u.deletedAt ? "deleted account" : `@${u.login}`]));
  return {
    id: tag.id,
    slug: tag.slug,
    name: tag.name,
    settings: pickSettings(tag),
    version: tag.settingsVersions[0]?.version ?? 0,
    history: tag.settingsVersions.map((v) => ({
      version: v.version,
      changed: v.changed as TagSettingKey[],
      settings: v.settings as unknown as TagSettings,
      reason: v.reason,
      at: v.createdAt,
      by: v.createdById ? (who.get(v.createdById) ?? "deleted account") : "system",
    })),
  };
}
