import "server-only";
import { db } from "@/lib/db";
import { languagesNeeded, toMatchKind, type MatchItem, type MatchRegion } from "./score";

/**
 * The open items as the matching model sees them, kept in this process (docs/decisions/006).
 * Ranking 100,000 open items for one person within 50 ms cannot scan the table per request
 * (a bare count of open items takes longer), so each process holds a compact copy:
 * - loaded once, reloaded in the background when older than {@link SNAPSHOT_TTL_MS};
 * - items posted since are fetched on every read through the newest-first index (cheap);
 * - callers re-read the few items they show ({@link loadMatchItems}) and drop any that closed
 *   or filled meanwhile, so nothing shown is stale; an edit reaches the ranking within the TTL.
 */
export const SNAPSHOT_TTL_MS = 60_000;

export interface SnapshotItem extends MatchItem {
  createdAt: number;
  /** `skills` in lower case (the model's fast path), also used by the board's skill filter. */
  skillKeys: string[];
}

export interface SnapshotTag {
  id: string;
  slug: string;
  name: string;
  mission: string;
}

export interface Snapshot {
  /** Newest first. */
  items: SnapshotItem[];
  skillCounts: Map<string, number>;
  tags: SnapshotTag[];
  tagNames: Map<string, string>;
  /** createdAt of the newest item included (ms). */
  newest: number;
  loadedAt: number;
}

interface Row {
  id: string;
  kind: string;
  title: string;
  skills: string[];
  labels: string[];
  region: MatchRegion | null;
  timezone: string | null;
  effortHours: number | null;
  dueAt: Date | null;
  createdAt: Date;
  tagIds: string[];
  volunteers: number;
}

/** An item row as the model takes it. */
export function toSnapshotItem(r: Row): SnapshotItem {
  return {
    id: r.id,
    kind: toMatchKind(r.kind),
    skills: r.skills,
    skillKeys: r.skills.map((s) => s.trim().toLowerCase()),
    tagIds: r.tagIds,
    region: r.region,
    timezone: r.timezone,
    effortHours: r.effortHours,
    dueAt: r.dueAt,
    volunteers: r.volunteers,
    languages: languagesNeeded(r),
    createdAt: r.createdAt.getTime(),
  };
}

/**
 * Open items with a place left, as the model reads them: all of them, those created at or after
 * `since`, or the given ids (whatever their status, so callers can tell which closed).
 */
async function selectItems(where: { since?: Date; ids?: string[] }): Promise<(Row & { open: boolean })[]> {
  const filter = where.ids
    ? `i."id" = ANY($1::uuid[])`
    : where.since
      ? `i."status" = 'open' AND i."placesTaken" < i."places" AND i."createdAt" >= $1`
      : `i."status" = 'open' AND i."placesTaken" < i."places"`;
  const params: unknown[] = where.ids ? [where.ids] : where.since ? [where.since] : [];
  return db.$queryRawUnsafe<(Row & { open: boolean })[]>(
    `SELECT i."id", i."kind"::text AS "kind", i."title", i."skills", i."labels", i."region"::text AS "region", i."timezone",
       i."effortHours", i."dueAt", i."createdAt",
       (i."status" = 'open' AND i."placesTaken" < i."places") AS "open",
       coalesce(t."tagIds", '{}') AS "tagIds", coalesce(c."volunteers", 0)::int AS "volunteers"
     FROM "HelpWantedItem" i
     LEFT JOIN LATERAL (SELECT array_agg(x."tagId") AS "tagIds" FROM "HelpWantedItemTag" x WHERE x."itemId" = i."id") t ON true
     LEFT JOIN LATERAL (
       SELECT count(*) AS "volunteers" FROM "Claim" y
        WHERE y."itemId" = i."id" AND y."status" IN ('requested', 'accepted', 'done', 'completed')) c ON true
     WHERE ${filter}
     ORDER BY i."createdAt" DESC, i."id" DESC`,
    ...params,
  );
}

function countSkills(items: readonly SnapshotItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const i of items) for (const k of i.skillKeys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

async function loadTags(): Promise<SnapshotTag[]> {
  return db.tag.findMany({ select: { id: true, slug: true, name: true, mission: true }, orderBy: { name: "asc" } });
}

async function loadSnapshot(): Promise<Snapshot> {
  const loadedAt = Date.now();
  const [rows, tags] = await Promise.all([selectItems({}), loadTags()]);
  const items = rows.map(toSnapshotItem);
  return {
    items,
    skillCounts: countSkills(items),
    tags,
    tagNames: new Map(tags.map((t) => [t.id, t.name])),
    newest: items.reduce((m, i) => Math.max(m, i.createdAt), 0),
    loadedAt,
  };
}

let current: Snapshot | null = null;
let loading: Promise<Snapshot> | null = null;
let probing: Promise<Snapshot> | null = null;

function reload(): Promise<Snapshot> {
  loading ??= loadSnapshot()
    .then((s) => (current = s))
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** Adds items created since the snapshot's newest one (one indexed probe when there are none). */
async function addNewItems(s: Snapshot): Promise<Snapshot> {
  const [latest] = await db.$queryRaw<{ at: Date | null }[]>`SELECT max("createdAt") AS "at" FROM "HelpWantedItem"`;
  if (!latest?.at || latest.at.getTime() <= s.newest) return s;
  const fresh = (await selectItems({ since: new Date(s.newest) })).map(toSnapshotItem);
  const known = new Set(s.items.map((i) => i.id));
  const added = fresh.filter((i) => !known.has(i.id));
  if (!added.length) return { ...s, newest: latest.at.getTime() };
  const items = [...added, ...s.items];
  const tags = added.some((i) => i.tagIds.some((t) => !s.tagNames.has(t))) ? await loadTags() : s.tags;
  const next: Snapshot = { ...s, items, skillCounts: countSkills(items), tags, tagNames: new Map(tags.map((t) => [t.id, t.name])), newest: Math.max(s.newest, ...added.map((i) => i.createdAt)) };
  if (current === s) current = next;
  return next;
}

/**
 * The snapshot for a read: the first call waits for the load; later ones get the copy at hand
 * (reloaded in the background once it is older than the TTL) plus any items posted since.
 */
export async function getSnapshot(): Promise<Snapshot> {
  const s = current ?? (await reload());
  if (Date.now() - s.loadedAt > SNAPSHOT_TTL_MS) void reload().catch(() => {});
  // Concurrent readers share one probe.
  probing ??= addNewItems(s).finally(() => {
    probing = null;
  });
  return probing;
}

/** Drops this process's copy (tests): the next read waits for a fresh load. */
export function invalidateSnapshot(): void {
  current = null;
}

/** After an edit this process made: the next read starts a reload in the background. */
export function markSnapshotStale(): void {
  if (current) current = { ...current, loadedAt: 0 };
}

/** The given items read now (whatever the snapshot holds), with whether each is still open with a place left. */
export async function loadMatchItems(ids: string[]): Promise<Map<string, SnapshotItem & { open: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await selectItems({ ids });
  return new Map(rows.map((r) => [r.id, { ...toSnapshotItem(r), open: r.open }]));
}
