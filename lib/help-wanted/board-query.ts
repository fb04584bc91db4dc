/**
 * The board's query parameters (docs/architecture.md, "Board parameters"), shared by `/help-wanted`,
 * `/help-wanted/feed.xml` and `/api/v1/help-wanted`: `q`, `tag` (repeatable), `kind`, `skill`
 * (repeatable), `region`, `effortMin`, `effortMax`, `status`, `sort`, `cursor`, `limit`.
 * Pure: parsing, defaults, URLs and the opaque cursor. Every filter lives in the URL.
 */
import { z } from "zod";
import { BOARD_KINDS, CURATED_SKILLS, REGIONS, UUID_PATTERN } from "@/lib/vocabulary";

/** `open` lists open items only; `all` adds filled and closed ones. Drafts are never listed. */
export const BOARD_STATUSES = ["open", "filled", "closed", "all"] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

/** `match` ranks open items for the signed-in person (lib/matching); anonymous visitors get `newest`. */
export const BOARD_SORTS = ["newest", "due", "fewest", "match"] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
/** The order actually used: with a search and no explicit sort, results are ranked by relevance. */
export type ResolvedSort = "relevance" | "newest" | "due" | "fewest";

export const BOARD_DEFAULT_LIMIT = 20;
export const BOARD_MAX_LIMIT = 100;
export const BOARD_MAX_TAGS = 10;
export const BOARD_MAX_SKILLS = 10;
const MAX_Q = 200;
const MAX_SKILL = 40;
const MAX_EFFORT = 10_000;
const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;
const CURSOR_RE = /^[A-Za-z0-9_-]{1,512}$/;

/** Any of: URLSearchParams, Next.js `searchParams`, or a plain record. */
export type BoardQueryInput = URLSearchParams | Record<string, string | readonly string[] | undefined>;

/**
 * The first value, with control characters taken out: PostgreSQL refuses a NUL in any text
 * parameter (a 500 from `?skill=%00`), and no search or filter means one.
 */
const clean = (v: unknown) => (typeof v === "string" ? v.replace(/[\u0000-\u001f\u007f]/g, " ") : v);
const first = (v: unknown) => clean(Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => {
  const s = first(v);
  return typeof s === "string" && s.trim() === "" ? undefined : typeof s === "string" ? s.trim() : s;
};
/** Repeatable values, also accepting commas inside one value (a text box: `skill=go, rust`). */
const many = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .flatMap((s) => (typeof s === "string" ? (clean(s) as string).split(",") : []))
    .map((s) => s.trim())
    .filter(Boolean);

const curated = new Map(CURATED_SKILLS.map((s) => [s.toLowerCase(), s as string]));
/** A skill as items store it: the curated spelling when it is one (lib/vocabulary/skills.ts), else as typed. */
export function normalizeSkill(skill: string): string {
  const s = skill.trim().replace(/\s+/g, " ");
  return curated.get(s.toLowerCase()) ?? s;
}

function dedupe(values: string[], key: (s: string) => string = (s) => s): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const effort = z.preprocess(
  blankToUndefined,
  z.coerce.number().int("Effort is whole hours").min(0).max(MAX_EFFORT).optional(),
);

/**
 * The strict form of each parameter: what `/api/v1/help-wanted` reports as errors. Pages use
 * {@link BoardQuerySchema}, which falls back to the default for each bad value instead.
 */
const fields = {
  q: z.preprocess(
    (v) => (typeof first(v) === "string" ? (first(v) as string).trim() : ""),
    z.string().max(MAX_Q, `Search at most ${MAX_Q} characters`),
  ),
  tag: z.preprocess(
    (v) => dedupe(many(v).map((s) => s.toLowerCase())),
    z
      .array(z.string().regex(SLUG_RE, "A TAG slug is lower-case letters, digits and dashes"))
      .max(BOARD_MAX_TAGS, `At most ${BOARD_MAX_TAGS} TAGs`),
  ),
  kind: z.preprocess(
    (v) => {
      const s = blankToUndefined(v);
      return typeof s === "string" ? s.replaceAll("_", "-") : s;
    },
    z.enum(BOARD_KINDS, { message: `kind is one of ${BOARD_KINDS.join(", ")}` }).optional(),
  ),
  skill: z.preprocess(
    (v) => dedupe(many(v).map(normalizeSkill), (s) => s.toLowerCase()),
    z
      .array(z.string().max(MAX_SKILL, `Each skill at most ${MAX_SKILL} characters`))
      .max(BOARD_MAX_SKILLS, `At most ${BOARD_MAX_SKILLS} skills`),
  ),
  region: z.preprocess(
    blankToUndefined,
    z.enum(REGIONS, { message: `region is one of ${REGIONS.join(", ")}` }).optional(),
  ),
  effortMin: effort,
  effortMax: effort,
  status: z.preprocess(
    blankToUndefined,
    z.enum(BOARD_STATUSES, { message: `status is one of ${BOARD_STATUSES.join(", ")}` }).default("open"),
  ),
  sort: z.preprocess(
    blankToUndefined,
    z.enum(BOARD_SORTS, { message: `sort is one of ${BOARD_SORTS.join(", ")}` }).optional(),
  ),
  cursor: z.preprocess(blankToUndefined, z.string().regex(CURSOR_RE, "Not a cursor from this board").optional()),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int("limit is a whole number")
      .min(1, "limit is at least 1")
      .max(BOARD_MAX_LIMIT, `limit is at most ${BOARD_MAX_LIMIT}`)
      .default(BOARD_DEFAULT_LIMIT),
  ),
};

/** Validates every parameter and reports each bad one (for the API's 400 answer). */
export const BoardQueryStrictSchema = z.object(fields);

/**
 * The board's parameters for pages and the feed: a hand-edited or stale link still shows the
 * board, so each invalid value falls back to its default (a list keeps its valid entries).
 * `sort` stays undefined when absent: {@link resolveSort} then picks relevance for a search and
 * `newest` otherwise.
 */
export const BoardQuerySchema = z.object({
  q: fields.q.catch(({ value }) =>
    typeof first(value) === "string" ? (first(value) as string).trim().slice(0, MAX_Q) : "",
  ),
  tag: z.preprocess(
    (v) =>
      dedupe(many(v).map((s) => s.toLowerCase()))
        .filter((s) => SLUG_RE.test(s))
        .slice(0, BOARD_MAX_TAGS),
    z.array(z.string()),
  ),
  kind: fields.kind.catch(undefined),
  skill: z.preprocess(
    (v) =>
      dedupe(many(v).map(normalizeSkill), (s) => s.toLowerCase())
        .filter((s) => s.length <= MAX_SKILL)
        .slice(0, BOARD_MAX_SKILLS),
    z.array(z.string()),
  ),
  region: fields.region.catch(undefined),
  effortMin: fields.effortMin.catch(undefined),
  effortMax: fields.effortMax.catch(undefined),
  status: fields.status.catch("open"),
  sort: fields.sort.catch(undefined),
  cursor: fields.cursor.catch(undefined),
  limit: z
    .preprocess((v) => {
      // An over-large limit is clamped rather than reset: the caller clearly wanted many.
      const n = Number(blankToUndefined(v));
      return Number.isInteger(n) && n > BOARD_MAX_LIMIT ? BOARD_MAX_LIMIT : v;
    }, fields.limit)
    .catch(BOARD_DEFAULT_LIMIT),
});

export type BoardQuery = z.infer<typeof BoardQuerySchema>;

/** Parameters into a record of string lists, whatever shape they came in. */
export function toParamRecord(input: BoardQueryInput): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (input instanceof URLSearchParams) {
    for (const [k, v] of input) (out[k] ??= []).push(v);
    return out;
  }
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    out[k] = typeof v === "string" ? [v] : [...v];
  }
  return out;
}

/** Lists for repeatable keys, a single value for the others. */
function shape(record: Record<string, string[]>): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    const v = record[key];
    if (!v) continue;
    out[key] = key === "tag" || key === "skill" ? v : v[0];
  }
  return out;
}

/**
 * The board query from URL parameters, never failing: bad values fall back to defaults.
 * `errors` names each parameter that was rejected (null when all were fine), for the API.
 */
export function parseBoardQuery(input: BoardQueryInput): {
  query: BoardQuery;
  errors: Record<string, string[]> | null;
} {
  const params = shape(toParamRecord(input));
  const query = BoardQuerySchema.parse(params);
  const strict = BoardQueryStrictSchema.safeParse(params);
  const errors: Record<string, string[]> = strict.success ? {} : { ...z.flattenError(strict.error).fieldErrors };
  if (query.effortMin !== undefined && query.effortMax !== undefined && query.effortMin > query.effortMax) {
    (errors.effortMax ??= []).push("effortMax is at least effortMin");
  }
  return { query, errors: Object.keys(errors).length ? errors : null };
}

/** The defaults: every open item, newest first (relevance first when searching). */
export const DEFAULT_BOARD_QUERY: BoardQuery = BoardQuerySchema.parse({});

/** The order the board SQL uses: relevance for a search without a chosen sort; `match` is `newest` here (pages rank matches through lib/matching for signed-in people). */
export function resolveSort(query: Pick<BoardQuery, "q" | "sort">): ResolvedSort {
  if (!query.sort) return query.q ? "relevance" : "newest";
  return query.sort === "match" ? "newest" : query.sort;
}

/** The fields that narrow the board (status and sort are views, not filters). */
const FILTER_KEYS = ["q", "tag", "kind", "skill", "region", "effortMin", "effortMax"] as const;

/** What "Clear filters" sets: every filter as the defaults have it, the view left as it is. */
export const NO_FILTERS = Object.fromEntries(FILTER_KEYS.map((k) => [k, DEFAULT_BOARD_QUERY[k]])) as Pick<
  BoardQuery,
  (typeof FILTER_KEYS)[number]
>;

/** True when any filter narrows the board. */
export function hasFilters(query: BoardQuery): boolean {
  return FILTER_KEYS.some((k) => {
    const v = query[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== "";
  });
}

/**
 * URL parameters for a query, defaults left out so links stay short and cacheable. A change of
 * any filter starts from the first page: the cursor is kept only when `overrides` sets it.
 */
export function boardSearchParams(query: BoardQuery, overrides: Partial<BoardQuery> = {}): URLSearchParams {
  const q: BoardQuery = { ...query, cursor: undefined, ...overrides };
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  for (const t of q.tag) p.append("tag", t);
  if (q.kind) p.set("kind", q.kind);
  for (const s of q.skill) p.append("skill", s);
  if (q.region) p.set("region", q.region);
  if (q.effortMin !== undefined) p.set("effortMin", String(q.effortMin));
  if (q.effortMax !== undefined) p.set("effortMax", String(q.effortMax));
  if (q.status !== "open") p.set("status", q.status);
  if (q.sort) p.set("sort", q.sort);
  if (q.cursor) p.set("cursor", q.cursor);
  if (q.limit !== BOARD_DEFAULT_LIMIT) p.set("limit", String(q.limit));
  return p;
}

/** `/help-wanted?...` for this query with some parameters changed. */
export function boardUrl(query: BoardQuery, overrides: Partial<BoardQuery> = {}, path = "/help-wanted"): string {
  const s = boardSearchParams(query, overrides).toString();
  return s ? `${path}?${s}` : path;
}

/** The Atom feed with the same filters (always from the newest entries, no cursor or page size). */
export function boardFeedUrl(query: BoardQuery): string {
  return boardUrl(query, { cursor: undefined, limit: BOARD_DEFAULT_LIMIT }, "/help-wanted/feed.xml");
}

/**
 * Where the next page starts: the sort it belongs to, the last row's sort key and its id.
 * Opaque to clients (base64url JSON); a cursor from another sort or a damaged one is ignored.
 */
export type BoardCursor =
  | { sort: "relevance"; rank: number; id: string }
  | { sort: "newest"; createdAt: string; id: string }
  | { sort: "due"; dueAt: string | null; id: string }
  | { sort: "fewest"; left: number; id: string };

const id = z.string().regex(UUID_PATTERN);
const isoDate = z.iso.datetime({ offset: true });
const CursorSchema = z.discriminatedUnion("s", [
  z.object({ s: z.literal("relevance"), k: z.number().finite(), i: id }),
  z.object({ s: z.literal("newest"), k: isoDate, i: id }),
  z.object({ s: z.literal("due"), k: isoDate.nullable(), i: id }),
  z.object({ s: z.literal("fewest"), k: z.number().int(), i: id }),
]);

// The payload is ASCII (sort names, numbers, ISO dates, UUIDs), so btoa/atob suffice and the
// module stays usable in the browser too.
const toBase64Url = (s: string) => btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
const fromBase64Url = (s: string) => atob(s.replaceAll("-", "+").replaceAll("_", "/"));

export function encodeCursor(c: BoardCursor): string {
  const key = c.sort === "relevance" ? c.rank : c.sort === "newest" ? c.createdAt : c.sort === "due" ? c.dueAt : c.left;
  return toBase64Url(JSON.stringify({ s: c.sort, k: key, i: c.id }));
}

/** The cursor, or null when it is absent, damaged or from another sort than `sort`. */
export function decodeCursor(cursor: string | undefined, sort: ResolvedSort): BoardCursor | null {
  if (!cursor || !CURSOR_RE.test(cursor)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(cursor));
  } catch {
    return null;
  }
  const parsed = CursorSchema.safeParse(raw);
  if (!parsed.success || parsed.data.s !== sort) return null;
  const c = parsed.data;
  switch (c.s) {
    case "relevance":
      return { sort: c.s, rank: c.k, id: c.i };
    case "newest":
      return { sort: c.s, createdAt: c.k, id: c.i };
    case "due":
      return { sort: c.s, dueAt: c.k, id: c.i };
    case "fewest":
      return { sort: c.s, left: c.k, id: c.i };
  }
}
