import "server-only";
import { db } from "@/lib/db";
import { monthsUpTo, quartersUpTo } from "@/lib/vocabulary";
import { stampedMemo } from "@/lib/cache/memo";
import { dateOf, epochMs as ms, type AsJson } from "./json-sql";
import { Prisma, type ClaimStatus, type RoleKind } from "@/lib/generated/prisma/client";
import {
  electionTurnout,
  helpWantedByMonth,
  leadershipByQuarter,
  type ElectionRow,
  type EmployerSpan,
  type HelpWantedMonth,
  type ItemRow,
  type LeadershipQuarter,
  type SeatSpan,
  type Turnout,
} from "./trends";

export const TREND_QUARTERS = 8;
export const TREND_MONTHS = 12;

/** Claims that a lead accepted at `decidedAt` (a release or completion came after acceptance). */
const ACCEPTED: readonly ClaimStatus[] = ["accepted", "done", "completed", "released"];

/**
 * Items opened since `since`, and older items with a claim made, accepted or completed since (the
 * item's creation is needed for the wait to its first volunteer), with their claims: one JSON
 * document in one statement (docs/decisions/018-render-speed.md; nested reads through the ORM took
 * seconds at 100,000 items).
 */
async function helpWantedRows(tagIds: readonly string[] | null, since: Date): Promise<ItemRow[]> {
  const scope = tagIds
    ? Prisma.sql`SELECT x."itemId" FROM "HelpWantedItemTag" x WHERE x."tagId" = ANY(${[...tagIds]}::uuid[])`
    : Prisma.sql`SELECT x."itemId" FROM "HelpWantedItemTag" x`;
  const accepted = Prisma.join(ACCEPTED.map((s) => Prisma.sql`${s}`));
  const [row] = await db.$queryRaw<{ doc: string }[]>`
    WITH touched AS (
      SELECT i."id", i."createdAt" FROM "HelpWantedItem" i WHERE i."createdAt" >= ${since} AND i."id" IN (${scope})
      UNION
      SELECT i."id", i."createdAt" FROM "Claim" c JOIN "HelpWantedItem" i ON i."id" = c."itemId"
       WHERE (c."createdAt" >= ${since} OR c."decidedAt" >= ${since} OR c."completedAt" >= ${since}) AND i."id" IN (${scope}))
    SELECT coalesce(json_agg(json_build_array(${ms(Prisma.sql`t."createdAt"`)}, coalesce(k."claims", '[]'::json))), '[]')::text AS "doc"
    FROM touched t LEFT JOIN LATERAL (
      SELECT json_agg(json_build_array(${ms(Prisma.sql`c."createdAt"`)},
        CASE WHEN c."status"::text IN (${accepted}) THEN ${ms(Prisma.sql`c."decidedAt"`)} END,
        CASE WHEN c."status" = 'completed' THEN ${ms(Prisma.sql`c."completedAt"`)} END,
        c."invitedById" IS NOT NULL)) AS "claims"
      FROM "Claim" c WHERE c."itemId" = t."id") k ON true`;
  const items = JSON.parse(row?.doc ?? "[]") as [number, [number, number | null, number | null, boolean][]][];
  return items.map(([createdAt, claims]) => ({
    createdAt: dateOf(createdAt),
    claims: claims.map(([at, acceptedAt, completedAt, invited]) => ({
      createdAt: dateOf(at),
      acceptedAt: dateOf(acceptedAt),
      completedAt: dateOf(completedAt),
      invited,
    })),
  }));
}

/**
 * The help-wanted months read a year of items and claims (seconds at 100,000 items) and are the
 * same for every viewer of the same TAGs: kept per process like the dashboard's flow (./load.ts).
 */
const helpWantedMemo = stampedMemo<HelpWantedMonth[]>(["help-wanted"], {
  freshMs: 60_000,
  staleMs: 5 * 60_000,
  maxEntries: 64,
});

export interface Trends {
  leadership: LeadershipQuarter[];
  helpWanted: HelpWantedMonth[];
  turnout: Turnout[];
}

/** The rows the trend functions read, for a report or a dashboard (lib/tag-reports draws on them too). */
export interface TrendRows {
  seats: (SeatSpan & { kind: RoleKind; login: string })[];
  employers: EmployerSpan[];
  items: ItemRow[];
  elections: (ElectionRow & { tagName: string })[];
}

/**
 * Loads, for the TAGs in `tagIds` (every TAG when null) as of `at`: chair and tech-lead seats held
 * at any time since `seatsFrom` (and those starting later: the figures count each from its start), help-wanted items with anything to count since `itemsFrom` (none when null), and
 * counted elections (closing within `elections`' bounds, or the latest `take`).
 * Callers check permission first.
 */
export async function loadTrendRows(
  tagIds: readonly string[] | null,
  at: Date,
  window: { seatsFrom: Date; itemsFrom: Date | null; elections: { from?: Date; to?: Date; take?: number } },
): Promise<TrendRows> {
  const since = window.itemsFrom;
  const [rows, items] = await Promise.all([
    docMemo.get(JSON.stringify([tagIds, window.seatsFrom, window.elections]), at, () => trendRowsDoc(tagIds, window)),
    since ? helpWantedRows(tagIds, since) : [],
  ]);
  const { seats, history, elections } = rows;
  // History starts with a person's first profile edit; imported and seeded people have only their
  // current employer, which is the best there is for every quarter.
  const recorded = new Set(history.map((h) => h.userId));
  const current = new Map(
    seats.flatMap((s) => (s.employer && !recorded.has(s.userId) ? [[s.userId, s.employer] as const] : [])),
  );
  const employers = [
    ...history,
    ...[...current].map(([userId, employer]) => ({ userId, employer, from: new Date(0), to: null })),
  ];
  return { seats: seats.map(({ employer: _, ...s }) => s), employers, items, elections };
}

/**
 * The document of {@link trendRowsDoc} per scope and window, kept while no governance or TAG change
 * is announced, as the dashboards' rows are (./load.ts). It holds seats that start later too (an
 * election's result starts its seats on the cycle date): the figures count a seat from its start
 * by the caller's clock, since no row changes, and nothing is announced, when that moment comes.
 */
const docMemo = stampedMemo<TrendRowsDoc>(["governance", "tags"], {
  freshMs: 60_000,
  staleMs: 5 * 60_000,
  maxEntries: 64,
});

interface TrendRowsDoc {
  seats: (TrendRows["seats"][number] & { employer: string | null })[];
  history: EmployerSpan[];
  elections: TrendRows["elections"];
}

/**
 * The seats, their holders' employer history and the elections of {@link loadTrendRows}: one
 * statement and one JSON document instead of five ORM reads (decision 018, as ./load.ts).
 */
async function trendRowsDoc(
  tagIds: readonly string[] | null,
  window: { seatsFrom: Date; elections: { from?: Date; to?: Date; take?: number } },
): Promise<TrendRowsDoc> {
  const inTags = (column: string) =>
    tagIds ? Prisma.sql`${Prisma.raw(column)} = ANY(${[...tagIds]}::uuid[])` : Prisma.sql`true`;
  const { from = null, to = null, take = null } = window.elections;
  const [row] = await db.$queryRaw<{ doc: string }[]>`
    WITH s AS (
      -- The stored kinds are spelled with "-" ("tech-lead"), the client's with "_".
      SELECT a."userId", replace(a."kind"::text, '-', '_') AS "kind", a."startAt", a."endedAt", a."regionAtStart",
             u."login", u."employer"
        FROM "RoleAssignment" a JOIN "User" u ON u."id" = a."userId"
       WHERE ${inTags(`a."tagId"`)} AND a."kind" IN ('chair'::"RoleKind", 'tech-lead'::"RoleKind")
         AND a."startAt" IS NOT NULL
         AND (a."endedAt" IS NULL OR a."endedAt" >= ${window.seatsFrom})),
    e AS (
      SELECT e."title", e."votingCloseAt", e."eligibleCount", e."participationCount", g."name" AS "tagName"
        FROM "Election" e JOIN "Tag" g ON g."id" = e."tagId"
       WHERE ${inTags(`e."tagId"`)} AND NOT e."isTest" AND e."eligibleCount" IS NOT NULL AND e."participationCount" IS NOT NULL
         AND (${from}::timestamptz IS NULL OR e."votingCloseAt" >= ${from}::timestamptz)
         AND (${to}::timestamptz IS NULL OR e."votingCloseAt" < ${to}::timestamptz)
       ORDER BY e."votingCloseAt" DESC LIMIT ${take}::int)
    SELECT json_build_object(
      'seats', (SELECT coalesce(json_agg(json_build_object('userId', s."userId", 'kind', s."kind",
          'startAt', ${ms(Prisma.sql`s."startAt"`)}, 'endedAt', ${ms(Prisma.sql`s."endedAt"`)},
          'regionAtStart', s."regionAtStart", 'login', s."login", 'employer', s."employer")), '[]'::json) FROM s),
      'history', (SELECT coalesce(json_agg(json_build_object('userId', h."userId", 'employer', h."employer",
          'from', ${ms(Prisma.sql`h."from"`)}, 'to', ${ms(Prisma.sql`h."to"`)})), '[]'::json)
        FROM "EmployerHistory" h WHERE h."userId" IN (SELECT s."userId" FROM s)),
      'elections', (SELECT coalesce(json_agg(json_build_object('title', e."title",
          'votingCloseAt', ${ms(Prisma.sql`e."votingCloseAt"`)}, 'eligibleCount', e."eligibleCount",
          'participationCount', e."participationCount", 'tagName', e."tagName") ORDER BY e."votingCloseAt" DESC), '[]'::json) FROM e)
    )::text AS "doc"`;
  const doc = JSON.parse(row!.doc) as AsJson<TrendRowsDoc>;
  return {
    seats: doc.seats.map((x) => ({ ...x, startAt: dateOf(x.startAt), endedAt: dateOf(x.endedAt) })),
    history: doc.history.map((h) => ({ ...h, from: dateOf(h.from), to: dateOf(h.to) })),
    elections: doc.elections.map((e) => ({ ...e, votingCloseAt: dateOf(e.votingCloseAt) })),
  };
}

/**
 * The trends of the TAGs in `tagIds` (every TAG when null), taken together, as of `at`.
 * Callers check permission first (./queries.ts decides which TAGs a viewer may see).
 */
export async function loadTrends(tagIds: readonly string[] | null, at: Date): Promise<Trends> {
  const quarters = quartersUpTo(at, TREND_QUARTERS);
  const months = monthsUpTo(at, TREND_MONTHS);
  const since = months[0]!.start;
  const [rows, helpWanted] = await Promise.all([
    loadTrendRows(tagIds, at, { seatsFrom: quarters[0]!.start, itemsFrom: null, elections: { take: 12 } }),
    helpWantedMemo.get(`${tagIds?.join(",") ?? "all"} ${since.toISOString()}`, at, async () =>
      helpWantedByMonth(await helpWantedRows(tagIds, since), months),
    ),
  ]);
  return {
    leadership: leadershipByQuarter(rows.seats, rows.employers, quarters, at),
    helpWanted,
    turnout: electionTurnout(
      rows.elections.map((e) => ({ ...e, title: tagIds?.length === 1 ? e.title : `${e.tagName}: ${e.title}` })),
    ),
  };
}
