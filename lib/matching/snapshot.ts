import "server-only";
import { publishInvalidation } from "@/lib/cache/invalidation";
import { cacheStamp, cacheStamps } from "@/lib/cache/stamps";
import { whenServing } from "@/lib/cache/serving";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { compileItems, type CompiledItems } from "./compiled";
import {
  languagesNeeded,
  preparePerson,
  tagsOfInterest,
  type MatchItem,
  type MatchPerson,
  type PreparedPerson,
} from "./score";
import { boardKindOf, type BoardKind, type Region } from "@/lib/vocabulary";

/**
 * The open items and the people who may be suggested, as the matching model sees them, kept in
 * this process (docs/decisions/008-matching-snapshot.md). Ranking 100,000 open items for one
 * person within 50 ms cannot read the table per request (a bare count of open items takes about
 * that long), so each process holds a compact, compiled copy:
 * - loaded once (one JSON document from PostgreSQL), reloaded in the background when older than
 *   the TTL, or at once after an edit on any replica ({@link markSnapshotStale}, the
 *   "matching" cache stamp: docs/decisions/017-caches-across-replicas.md);
 * - items posted since are fetched on every read through the newest-first index (cheap) and
 *   ranked beside the compiled copy until the next reload;
 * - callers re-read the few items or people they show ({@link loadMatchItems}, the people query)
 *   and drop any that closed, filled or opted out meanwhile: nothing shown is stale.
 */
export const ITEMS_TTL_MS = 5 * 60_000;
export const PEOPLE_TTL_MS = 60_000;

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
  /** The items loaded at `loadedAt`, newest first, compiled for fast ranking. */
  base: CompiledItems<SnapshotItem>;
  /** Items posted since, newest first. */
  recent: SnapshotItem[];
  skillCounts: Map<string, number>;
  openItems: number;
  tags: SnapshotTag[];
  tagNames: Map<string, string>;
  /** createdAt of the newest item included (ms). */
  newest: number;
  loadedAt: number;
}

/** A row as the JSON document carries it: [id, kind, title, skills, labels, region, timezone, effort, due ms, created ms, TAG ids, volunteers, open]. */
type ItemTuple = [
  string,
  string,
  string,
  string[],
  string[],
  Region | null,
  string | null,
  number | null,
  number | null,
  number,
  string[] | null,
  number,
  boolean,
];

export function toSnapshotItem(t: ItemTuple): SnapshotItem {
  const [id, kind, title, skills, labels, region, timezone, effortHours, due, created, tagIds, volunteers] = t;
  return {
    id,
    kind: boardKindOf(kind),
    skills,
    skillKeys: skills.map((s) => s.trim().toLowerCase()),
    tagIds: tagIds ?? [],
    region,
    timezone,
    effortHours,
    dueAt: due === null ? null : new Date(due),
    volunteers,
    languages: languagesNeeded({ title, skills, labels }),
    createdAt: created,
  };
}

const OPEN = Prisma.sql`i."status" = 'open' AND i."placesTaken" < i."places"`;
const VOLUNTEERING = Prisma.sql`('requested', 'accepted', 'done', 'completed')`;

/**
 * Items as one JSON document (a single value crosses the wire: far faster than 100,000 rows).
 * `all` aggregates TAGs and volunteers with joins; a few rows use index lookups instead.
 */
function itemsSql(where: Prisma.Sql, all: boolean): Prisma.Sql {
  const tuple = Prisma.sql`json_build_array(i."id", i."kind"::text, i."title", i."skills", i."labels", i."region"::text, i."timezone", i."effortHours",
    (extract(epoch FROM i."dueAt") * 1000)::bigint, (extract(epoch FROM i."createdAt") * 1000)::bigint, t."tagIds", coalesce(c."n", 0), ${OPEN})`;
  const joins = all
    ? Prisma.sql`
      LEFT JOIN (SELECT "itemId", array_agg("tagId") AS "tagIds" FROM "HelpWantedItemTag" GROUP BY 1) t ON t."itemId" = i."id"
      LEFT JOIN (SELECT "itemId", count(*)::int AS "n" FROM "Claim" WHERE "status" IN ${VOLUNTEERING} GROUP BY 1) c ON c."itemId" = i."id"`
    : Prisma.sql`
      LEFT JOIN LATERAL (SELECT array_agg(x."tagId") AS "tagIds" FROM "HelpWantedItemTag" x WHERE x."itemId" = i."id") t ON true
      LEFT JOIN LATERAL (SELECT count(*)::int AS "n" FROM "Claim" y WHERE y."itemId" = i."id" AND y."status" IN ${VOLUNTEERING}) c ON true`;
  return Prisma.sql`
    SELECT coalesce(json_agg(${tuple} ORDER BY i."createdAt" DESC, i."id" DESC), '[]')::text AS "doc"
    FROM "HelpWantedItem" i ${joins}
    WHERE ${where}`;
}

async function selectItems(where: Prisma.Sql, all = false): Promise<ItemTuple[]> {
  const [row] = await db.$queryRaw<{ doc: string }[]>(itemsSql(where, all));
  return JSON.parse(row?.doc ?? "[]") as ItemTuple[];
}

function countSkills(items: readonly SnapshotItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const i of items) for (const k of i.skillKeys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

async function loadTags(): Promise<SnapshotTag[]> {
  return db.tag.findMany({ select: { id: true, slug: true, name: true, mission: true }, orderBy: { name: "asc" } });
}

/**
 * Until the first full copy is built (seconds at 100,000 open items), a request ranks the newest
 * open items only: one indexed read of this many, a few tens of milliseconds.
 */
export const FIRST_WINDOW = 3_000;

/** The newest FIRST_WINDOW open items (through the newest-first index), for {@link loadSnapshot}. */
const NEWEST_OPEN = Prisma.sql`i."id" IN (SELECT n."id" FROM "HelpWantedItem" n WHERE n."status" = 'open' AND n."placesTaken" < n."places"
  ORDER BY n."createdAt" DESC, n."id" DESC LIMIT ${FIRST_WINDOW})`;

/** Every open item, or (`window`) the newest {@link FIRST_WINDOW} of them. */
async function loadSnapshot(window = false): Promise<Snapshot> {
  const loadedAt = Date.now();
  const [tuples, tags] = await Promise.all([window ? selectItems(NEWEST_OPEN) : selectItems(OPEN, true), loadTags()]);
  const items = tuples.map(toSnapshotItem);
  const skillCounts = countSkills(items);
  return {
    base: compileItems(items, { now: new Date(loadedAt), skillCounts, openItems: items.length }),
    recent: [],
    skillCounts,
    openItems: items.length,
    tags,
    tagNames: new Map(tags.map((t) => [t.id, t.name])),
    newest: items.reduce((m, i) => Math.max(m, i.createdAt), 0),
    loadedAt,
  };
}

let current: Snapshot | null = null;
/** The "matching" cache stamp the current copy was loaded under. */
let currentStamp: string | null = null;
let loading: Promise<Snapshot> | null = null;
let probing: Promise<Snapshot> | null = null;
let windowed: Promise<Snapshot> | null = null;

function reload(): Promise<Snapshot> {
  const stamp = cacheStamps(["matching", "tags"]);
  loading ??= loadSnapshot()
    .then(
      (s) => {
        currentStamp = stamp;
        windowed = null;
        return (current = s);
      },
      (e: unknown) => {
        // No full copy yet: the next read takes a new window and starts the full load again.
        if (!current) windowed = null;
        throw e;
      },
    )
    .finally(() => {
      loading = null;
    });
  return loading;
}

/**
 * No full copy yet (the process just started): this read gets the newest items' window, and the
 * full load starts once the window is served, so the two do not compete for the first request.
 * A window holding fewer items than it may is every open item, so it becomes the copy.
 */
async function firstSnapshot(): Promise<Snapshot> {
  // The window serves every read until the full copy is in, including while it loads.
  windowed ??= loadSnapshot(true).then(
    (s) => {
      if (s.openItems < FIRST_WINDOW && !current) current = s;
      setImmediate(() => void reload().catch(() => {}));
      return s;
    },
    (e: unknown) => {
      windowed = null;
      throw e;
    },
  );
  // A failed window leaves the full load to answer (or fail) as before.
  return windowed.catch(() => reload());
}

// A web process starts its first copy when it starts serving, not at its first match request;
// it is ready for visitors once the full copy is in (lib/cache/serving.ts).
whenServing("matching-snapshot", () => firstSnapshot().then(() => reload()));

/** Adds items created since the snapshot's newest one (one indexed probe when there are none). */
async function addNewItems(s: Snapshot): Promise<Snapshot> {
  const [latest] = await db.$queryRaw<{ at: Date | null }[]>`SELECT max("createdAt") AS "at" FROM "HelpWantedItem"`;
  if (!latest?.at || latest.at.getTime() <= s.newest) return s;
  const fresh = (await selectItems(Prisma.sql`${OPEN} AND i."createdAt" >= ${new Date(s.newest)}`)).map(toSnapshotItem);
  const known = new Set([...s.recent.map((i) => i.id)]);
  const added = fresh.filter((i) => !known.has(i.id) && !s.base.index.has(i.id));
  const newest = Math.max(s.newest, latest.at.getTime());
  const tags = added.some((i) => i.tagIds.some((t) => !s.tagNames.has(t))) ? await loadTags() : s.tags;
  const next: Snapshot = {
    ...s,
    recent: [...added, ...s.recent],
    tags,
    tagNames: new Map(tags.map((t) => [t.id, t.name])),
    newest,
  };
  if (current === s) current = next;
  return next;
}

/**
 * The items snapshot for a read: the first call waits for the load; later ones get the copy at
 * hand (reloaded in the background once older than the TTL) plus any items posted since
 * (unless `probe` is false: callers that only need skill counts and TAGs skip the look).
 */
export async function getSnapshot(opts: { probe?: boolean } = {}): Promise<Snapshot> {
  const s = current ?? (await firstSnapshot());
  const stamp = cacheStamps(["matching", "tags"]);
  // A null stamp (changes may have been missed) reloads once the connection is back and bumps it.
  if (Date.now() - s.loadedAt > ITEMS_TTL_MS || (stamp !== null && stamp !== currentStamp))
    void reload().catch(() => {});
  if (opts.probe === false) return s;
  // Concurrent readers share one probe.
  probing ??= addNewItems(s).finally(() => {
    probing = null;
  });
  return probing;
}

/** Drops this process's copies (tests): the next read waits for a fresh load. */
export function invalidateSnapshot(): void {
  current = null;
  windowed = null;
  people = null;
}

/** After an edit: the next read on every replica starts a reload in the background. */
export function markSnapshotStale(): void {
  void publishInvalidation("matching");
}

/** The given items read now, whatever the snapshot holds, with whether each is still open with a place left. */
export async function loadMatchItems(ids: string[]): Promise<Map<string, SnapshotItem & { open: boolean }>> {
  if (!ids.length) return new Map();
  const tuples = await selectItems(Prisma.sql`i."id" = ANY(${ids}::uuid[])`);
  return new Map(tuples.map((t) => [t[0], { ...toSnapshotItem(t), open: t[12] }]));
}

// --- people ------------------------------------------------------------------------------------

export interface PersonRow {
  id: string;
  login: string;
  name: string | null;
  avatarUrl: string | null;
  isCncfAmbassador: boolean;
  skills: string[];
  interests: string[];
  languages: string[];
  preferredKinds: string[];
  region: Region | null;
  timezone: string | null;
  hoursPerMonth: number | null;
  loadHours: number;
  acceptedClaims: number;
  completedKinds: Partial<Record<string, number>> | null;
}

/**
 * People with what the model needs, as one JSON document: current load (effort of accepted
 * claims) and kinds completed before, aggregated in the same statement. `only` narrows the
 * claims read to one person or a few.
 */
export function peopleSql(where: Prisma.Sql, only?: string | readonly string[]): Prisma.Sql {
  const mine =
    only === undefined
      ? Prisma.empty
      : typeof only === "string"
        ? Prisma.sql`AND c."userId" = ${only}::uuid`
        : Prisma.sql`AND c."userId" = ANY(${[...only]}::uuid[])`;
  return Prisma.sql`
    WITH load AS (
      SELECT c."userId", coalesce(sum(i."effortHours"), 0)::int AS "hours", count(*)::int AS "n"
        FROM "Claim" c JOIN "HelpWantedItem" i ON i."id" = c."itemId"
       WHERE c."status" = 'accepted' ${mine} GROUP BY 1),
    done AS (
      SELECT x."userId", json_object_agg(x."kind", x."n") AS "kinds" FROM (
        SELECT c."userId", i."kind"::text AS "kind", count(*)::int AS "n"
          FROM "Claim" c JOIN "HelpWantedItem" i ON i."id" = c."itemId"
         WHERE c."status" = 'completed' ${mine} GROUP BY 1, 2) x GROUP BY 1)
    SELECT coalesce(json_agg(json_build_object(
      'id', u."id", 'login', u."login", 'name', u."name", 'avatarUrl', u."avatarUrl", 'isCncfAmbassador', u."isCncfAmbassador",
      'skills', u."skills", 'interests', u."interests", 'languages', u."languages",
      'preferredKinds', coalesce(u."preferredKinds"::text[], '{}'), 'region', u."region"::text, 'timezone', u."timezone",
      'hoursPerMonth', u."hoursPerMonth", 'loadHours', coalesce(l."hours", 0), 'acceptedClaims', coalesce(l."n", 0),
      'completedKinds', d."kinds") ORDER BY u."login", u."id"), '[]')::text AS "doc"
    FROM "User" u
    LEFT JOIN load l ON l."userId" = u."id"
    LEFT JOIN done d ON d."userId" = u."id"
    WHERE ${where}`;
}

export async function selectPeople(where: Prisma.Sql, only?: string | readonly string[]): Promise<PersonRow[]> {
  const [row] = await db.$queryRaw<{ doc: string }[]>(peopleSql(where, only));
  return JSON.parse(row?.doc ?? "[]") as PersonRow[];
}

export function toMatchPerson(r: PersonRow, interestTagIds: string[]): MatchPerson {
  const completed: Partial<Record<BoardKind, number>> = {};
  for (const [k, n] of Object.entries(r.completedKinds ?? {})) completed[boardKindOf(k)] = n;
  return {
    skills: r.skills,
    interestTagIds,
    preferredKinds: r.preferredKinds.map(boardKindOf),
    region: r.region,
    timezone: r.timezone,
    languages: r.languages,
    hoursPerMonth: r.hoursPerMonth,
    loadHours: r.loadHours,
    completedKinds: completed,
  };
}

/** Who may be suggested to leads: signed in at least once and not opted out. */
export const SUGGESTABLE = Prisma.sql`u."matchOptOut" = false AND u."claimedAt" IS NOT NULL`;

export type SnapshotPerson = PreparedPerson & { row: PersonRow };

interface PeopleSnapshot {
  people: SnapshotPerson[];
  loadedAt: number;
}

let people: PeopleSnapshot | null = null;
/** The "people" cache stamp the current copy was loaded under. */
let peopleStamp: string | null = null;
let loadingPeople: Promise<PeopleSnapshot> | null = null;

/** A person row prepared for scoring: interests mapped to TAGs, offset worked out at `now`. */
export function preparePersonRow(r: PersonRow, tags: readonly SnapshotTag[], now: Date): SnapshotPerson {
  return { ...preparePerson(toMatchPerson(r, tagsOfInterest(r.interests, tags)), now), row: r };
}

function reloadPeople(): Promise<PeopleSnapshot> {
  loadingPeople ??= (async () => {
    const loadedAt = Date.now();
    const stamp = cacheStamp("people");
    const [rows, tags] = await Promise.all([selectPeople(SUGGESTABLE), loadTags()]);
    const at = new Date(loadedAt);
    peopleStamp = stamp;
    return (people = { people: rows.map((r) => preparePersonRow(r, tags, at)), loadedAt });
  })().finally(() => {
    loadingPeople = null;
  });
  return loadingPeople;
}

/**
 * After a profile or matching-settings change: the next suggestion on every replica waits for a
 * fresh copy of the people.
 */
export function markPeopleStale(): void {
  people = null;
  void publishInvalidation("people");
}

/** The people who may be suggested, prepared; reloaded in the background after {@link PEOPLE_TTL_MS}. */
export async function getPeopleSnapshot(): Promise<SnapshotPerson[]> {
  const stamp = cacheStamp("people");
  if (stamp !== null && stamp !== peopleStamp) people = null;
  const s = people ?? (await reloadPeople());
  if (Date.now() - s.loadedAt > PEOPLE_TTL_MS) void reloadPeople().catch(() => {});
  return s.people;
}
