import "server-only";
import { db } from "@/lib/db";
import { monthsUpTo, quartersUpTo } from "@/lib/vocabulary";
import { stampedMemo } from "@/lib/cache/memo";
import { dateOf, epochMs as ms } from "./json-sql";
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
 * at any time since `seatsFrom`, help-wanted items with anything to count since `itemsFrom` (none when null), and
 * counted elections (closing within `elections`' bounds, or the latest `take`).
 * Callers check permission first.
 */
export async function loadTrendRows(
  tagIds: readonly string[] | null,
  at: Date,
  window: { seatsFrom: Date; itemsFrom: Date | null; elections: { from?: Date; to?: Date; take?: number } },
): Promise<TrendRows> {
  const since = window.itemsFrom;
  const inTags = tagIds ? { in: [...tagIds] } : undefined;
  const [seats, items, elections] = await Promise.all([
    db.roleAssignment.findMany({
      where: {
        tagId: inTags,
        kind: { in: ["chair", "tech_lead"] },
        startAt: { not: null, lte: at },
        OR: [{ endedAt: null }, { endedAt: { gte: window.seatsFrom } }],
      },
      select: {
        userId: true,
        kind: true,
        startAt: true,
        endedAt: true,
        regionAtStart: true,
        user: { select: { employer: true, login: true } },
      },
    }),
    since ? helpWantedRows(tagIds, since) : [],
    db.election.findMany({
      where: {
        tagId: inTags,
        isTest: false,
        eligibleCount: { not: null },
        participationCount: { not: null },
        votingCloseAt: { gte: window.elections.from, lt: window.elections.to },
      },
      orderBy: { votingCloseAt: "desc" },
      take: window.elections.take,
      select: {
        title: true,
        votingCloseAt: true,
        eligibleCount: true,
        participationCount: true,
        tag: { select: { name: true } },
      },
    }),
  ]);
  const history = await db.employerHistory.findMany({
    where: { userId: { in: [...new Set(seats.map((s) => s.userId))] } },
    select: { userId: true, employer: true, from: true, to: true },
  });
  // History starts with a person's first profile edit; imported and seeded people have only their
  // current employer, which is the best there is for every quarter.
  const recorded = new Set(history.map((h) => h.userId));
  const current = new Map(
    seats.flatMap((s) => (s.user.employer && !recorded.has(s.userId) ? [[s.userId, s.user.employer] as const] : [])),
  );
  const employers = [
    ...history,
    ...[...current].map(([userId, employer]) => ({ userId, employer, from: new Date(0), to: null })),
  ];
  return {
    seats: seats.map(({ user, ...s }) => ({ ...s, login: user.login })),
    employers,
    items,
    elections: elections.map(({ tag, ...e }) => ({ ...e, tagName: tag.name })),
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
