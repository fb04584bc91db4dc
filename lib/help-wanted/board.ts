import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  decodeCursor,
  encodeCursor,
  resolveSort,
  type BoardCursor,
  type BoardQuery,
  type ResolvedSort,
} from "./board-query";
import type { BoardKind, Region } from "@/lib/vocabulary";

/** One card on the board: what the list, the feed and the API show of an item. */
export interface BoardItem {
  id: string;
  title: string;
  kind: BoardKind;
  status: "open" | "filled" | "closed";
  skills: string[];
  effortHours: number | null;
  region: Region | null;
  dueAt: Date | null;
  places: number;
  placesTaken: number;
  createdAt: Date;
  tags: { slug: string; name: string }[];
  /** The body as plain text, at most {@link EXCERPT_LENGTH} characters. */
  excerpt: string;
  /** The due date has passed (by the portal's clock). */
  overdue: boolean;
  /** The linked GitHub issue as last read (sync, webhook or edit); null when none is linked. */
  githubIssue: { url: string; state: string | null; assignees: string[] } | null;
}

export interface BoardPage {
  items: BoardItem[];
  /** Opaque; pass as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null;
}

export const EXCERPT_LENGTH = 200;

/**
 * The document searched: the stored, trigger-maintained `searchVector` (title weight A, body
 * weight B; migration board_search_vector) with its GIN index. Ranking reads the stored vector,
 * so it no longer re-parses the body of every match.
 */
const DOCUMENT = Prisma.raw(`i."searchVector"`);

/**
 * What goes to `websearch_to_tsquery`: a dash that negates nothing is dropped. PostgreSQL keeps a
 * fixed stack of 32 operators while it parses, and more than 32 bare dashes ("-----…", "- - - …")
 * stop it with "tsquery stack too small" (a 500 before this); a dash before a word or a quote
 * still negates, and a dash inside a word stays part of it.
 */
export const websearchText = (q: string) => q.replace(/-+(?![\p{L}\p{N}"])/gu, " ").replace(/-{2,}/g, "-");

const tsQuery = (q: string) => Prisma.sql`websearch_to_tsquery('english', ${websearchText(q)})`;

/**
 * A relevance search ranks only the newest RANKED_POOL matches (docs/decisions/018-render-speed.md):
 * ranking every match of a broad word ("security" matches a fifth of 100,000 items) reads and
 * ranks the whole table, about 0.5 s a query; the newest matches come off the (status, createdAt)
 * index in a few milliseconds, and a rare word still goes through the GIN index.
 */
export const RANKED_POOL = 500;
const rankOf = (q: string) => Prisma.sql`ts_rank(${DOCUMENT}, ${tsQuery(q)})`;

const ORDER: Record<ResolvedSort, Prisma.Sql> = {
  relevance: Prisma.sql`"rank" DESC, "id" ASC`,
  newest: Prisma.sql`"createdAt" DESC, "id" DESC`,
  due: Prisma.sql`"dueAt" ASC NULLS LAST, "id" ASC`,
  fewest: Prisma.sql`"left" ASC, "id" ASC`,
};

const STATUSES: Record<BoardQuery["status"], Prisma.Sql> = {
  open: Prisma.sql`i."status" = 'open'`,
  filled: Prisma.sql`i."status" = 'filled'`,
  // Drafts (imported, not yet published) and discarded drafts (closed, never published: a github
  // item without reviewedAt) are for leads only: never on the board.
  closed: Prisma.sql`i."status" = 'closed' AND NOT (i."source" = 'github' AND i."reviewedAt" IS NULL)`,
  all: Prisma.sql`i."status" IN ('open', 'filled', 'closed') AND NOT (i."status" = 'closed' AND i."source" = 'github' AND i."reviewedAt" IS NULL)`,
};

function filters(query: BoardQuery): Prisma.Sql[] {
  const where = [STATUSES[query.status]];
  if (query.q) where.push(Prisma.sql`${DOCUMENT} @@ ${tsQuery(query.q)}`);
  if (query.tag.length) {
    // Any of the chosen TAGs.
    where.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "HelpWantedItemTag" t JOIN "Tag" g ON g."id" = t."tagId"
      WHERE t."itemId" = i."id" AND g."slug" = ANY(${query.tag}::text[]))`);
  }
  if (query.kind) where.push(Prisma.sql`i."kind" = ${query.kind}::"HelpWantedKind"`);
  // Any of the skills (the GIN index on "skills" serves `&&`); parsing already normalised them
  // to the curated spellings that items store.
  if (query.skill.length) where.push(Prisma.sql`i."skills" && ${query.skill}::text[]`);
  // An item without a region preference suits volunteers from every region.
  if (query.region) where.push(Prisma.sql`(i."region" = ${query.region}::"Region" OR i."region" IS NULL)`);
  if (query.effortMin !== undefined) where.push(Prisma.sql`i."effortHours" >= ${query.effortMin}`);
  if (query.effortMax !== undefined) where.push(Prisma.sql`i."effortHours" <= ${query.effortMax}`);
  return where;
}

/** Rows strictly after the cursor in the sort's order (keyset pagination). */
function after(cursor: BoardCursor, q: string): Prisma.Sql {
  const id = Prisma.sql`${cursor.id}::uuid`;
  switch (cursor.sort) {
    case "relevance": {
      const rank = Prisma.sql`${cursor.rank}::real`;
      return Prisma.sql`(${rankOf(q)} < ${rank} OR (${rankOf(q)} = ${rank} AND i."id" > ${id}))`;
    }
    case "newest": {
      const at = Prisma.sql`${cursor.createdAt}::timestamptz`;
      // The redundant bound lets the (status, createdAt) index start at the cursor.
      return Prisma.sql`(i."createdAt" <= ${at} AND (i."createdAt", i."id") < (${at}, ${id}))`;
    }
    case "due": {
      if (cursor.dueAt === null) return Prisma.sql`(i."dueAt" IS NULL AND i."id" > ${id})`;
      const at = Prisma.sql`${cursor.dueAt}::timestamptz`;
      return Prisma.sql`(i."dueAt" > ${at} OR (i."dueAt" = ${at} AND i."id" > ${id}) OR i."dueAt" IS NULL)`;
    }
    case "fewest":
      return Prisma.sql`((i."places" - i."placesTaken"), i."id") > (${cursor.left}::int, ${id})`;
  }
}

/** A row of the board's query: the card's own columns, then what the card's other fields come from. */
interface Row extends Omit<BoardItem, "excerpt" | "overdue" | "githubIssue"> {
  left: number;
  rank: number;
  bodyStart: string;
  githubIssueUrl: string | null;
  githubIssueState: string | null;
  githubIssueAssignees: string[] | null;
}

function cursorFor(row: Row, sort: ResolvedSort): string {
  switch (sort) {
    case "relevance":
      return encodeCursor({ sort, rank: row.rank, id: row.id });
    case "newest":
      return encodeCursor({ sort, createdAt: row.createdAt.toISOString(), id: row.id });
    case "due":
      return encodeCursor({ sort, dueAt: row.dueAt ? row.dueAt.toISOString() : null, id: row.id });
    case "fewest":
      return encodeCursor({ sort, left: row.left, id: row.id });
  }
}

/**
 * Cards: the listed columns, a body excerpt and the TAGs, for rows of `source` (aliased `i`)
 * matching `where` in `order`.
 */
/**
 * An item whose text its TAG's leads hid (lib/reports) leaves every list: its title would still show
 * on a card, and nobody should volunteer for work described by a text taken down. Its page stays,
 * with the reason in the text's place; showing it again brings it back.
 */
const NOT_HIDDEN = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM "HiddenText" x WHERE x."subjectType" = 'item' AND x."subjectId" = i."id")`;

function cardsSql(
  where: Prisma.Sql[],
  order: Prisma.Sql,
  limit: number,
  rank: Prisma.Sql = Prisma.sql`0::real`,
  source: Prisma.Sql = Prisma.sql`"HelpWantedItem" i`,
): Prisma.Sql {
  return Prisma.sql`
    SELECT p.*, left(h."body", 600) AS "bodyStart", h."githubIssueUrl", h."githubIssueState", h."githubIssueAssignees",
      coalesce((
        SELECT json_agg(json_build_object('slug', g."slug", 'name', g."name") ORDER BY g."name")
        FROM "HelpWantedItemTag" t JOIN "Tag" g ON g."id" = t."tagId"
        WHERE t."itemId" = p."id"
      ), '[]'::json) AS "tags"
    FROM (
      SELECT i."id", i."title", i."kind"::text AS "kind", i."status"::text AS "status", i."skills",
        i."effortHours", i."region"::text AS "region", i."dueAt", i."places", i."placesTaken",
        i."createdAt", (i."places" - i."placesTaken") AS "left", ${rank} AS "rank"
      FROM ${source}
      WHERE ${Prisma.join([...where, NOT_HIDDEN], " AND ")}
      ORDER BY ${order}
      LIMIT ${limit}
    ) p
    JOIN "HelpWantedItem" h ON h."id" = p."id"
    ORDER BY ${order}`;
}

/** The board's one SQL statement for a query (exported for the benchmark's EXPLAIN). */
export function boardSql(query: BoardQuery): Prisma.Sql {
  const sort = resolveSort(query);
  const cursor = decodeCursor(query.cursor, sort);
  const later = cursor ? [after(cursor, query.q)] : [];
  if (sort !== "relevance") return cardsSql([...filters(query), ...later], ORDER[sort], query.limit + 1);
  // The cursor applies after the pool is chosen, so every page ranks the same newest matches.
  const pool = Prisma.sql`(SELECT i.* FROM "HelpWantedItem" i WHERE ${Prisma.join(filters(query), " AND ")}
    ORDER BY i."createdAt" DESC, i."id" DESC LIMIT ${RANKED_POOL}) i`;
  return cardsSql(later, ORDER.relevance, query.limit + 1, rankOf(query.q), pool);
}

function toBoardItem(r: Row, now: Date): BoardItem {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    skills: r.skills,
    effortHours: r.effortHours,
    region: r.region,
    dueAt: r.dueAt,
    places: r.places,
    placesTaken: r.placesTaken,
    createdAt: r.createdAt,
    tags: r.tags,
    excerpt: plainExcerpt(r.bodyStart),
    overdue: r.dueAt !== null && r.dueAt.getTime() < now.getTime(),
    githubIssue: r.githubIssueUrl
      ? { url: r.githubIssueUrl, state: r.githubIssueState, assignees: r.githubIssueAssignees ?? [] }
      : null,
  };
}

/**
 * One page of the help-wanted board for a parsed query: full-text search ranked by relevance
 * (PostgreSQL `websearch_to_tsquery` over the indexed title+body document), filters, one of
 * the sorts with an id tie-break, keyset pagination. One SQL statement, TAGs included. Drafts
 * are never listed. `now` is the portal clock's time (lib/clock), for the overdue flag.
 */
export async function searchBoard(query: BoardQuery, now: Date): Promise<BoardPage> {
  const sort = resolveSort(query);
  const rows = await db.$queryRaw<Row[]>(boardSql(query));

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toBoardItem(r, now)),
    nextCursor: rows.length > query.limit && last ? cursorFor(last, sort) : null,
  };
}

/** Board cards for the given items (drafts never), in the order of `ids`. */
export async function findBoardItems(ids: readonly string[], now: Date): Promise<BoardItem[]> {
  if (!ids.length) return [];
  const rows = await db.$queryRaw<Row[]>(
    cardsSql([Prisma.sql`i."id" = ANY(${[...ids]}::uuid[])`, STATUSES.all], Prisma.sql`"id" ASC`, ids.length),
  );
  const byId = new Map(rows.map((r) => [r.id, toBoardItem(r, now)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Ids of open items matching a full-text search (at most `max`, in no particular order): `sort=match` ranks these. */
export async function findOpenItemIdsMatching(q: string, max: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT i."id" FROM "HelpWantedItem" i
    WHERE i."status" = 'open' AND ${DOCUMENT} @@ ${tsQuery(q)} AND ${NOT_HIDDEN} LIMIT ${max}`;
  return rows.map((r) => r.id);
}

/**
 * The start of a markdown body as plain text for a card or a feed summary: markup dropped,
 * whitespace collapsed, cut at a word boundary with an ellipsis.
 */
export function plainExcerpt(markdown: string, max = EXCERPT_LENGTH): string {
  const text = markdown
    .replace(/```[^\n]*\n?/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/\*\*|__|~~|[*`]/g, "")
    .replace(/(?<!\w)_|_(?!\w)/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
