import "server-only";
import { db } from "@/lib/db";
import type { ClaimStatus } from "@/lib/generated/prisma/client";
import {
  electionTurnout,
  helpWantedByMonth,
  leadershipByQuarter,
  monthsUpTo,
  quartersUpTo,
  type HelpWantedMonth,
  type LeadershipQuarter,
  type Turnout,
} from "./trends";

export const TREND_QUARTERS = 8;
export const TREND_MONTHS = 12;

/** Claims that a lead accepted at `decidedAt` (a release or completion came after acceptance). */
const ACCEPTED: readonly ClaimStatus[] = ["accepted", "done", "completed", "released"];

export interface Trends {
  leadership: LeadershipQuarter[];
  helpWanted: HelpWantedMonth[];
  turnout: Turnout[];
}

/**
 * The trends of the TAGs in `tagIds` (every TAG when null), taken together, as of `at`.
 * Callers check permission first (./queries.ts decides which TAGs a viewer may see).
 */
export async function loadTrends(tagIds: readonly string[] | null, at: Date): Promise<Trends> {
  const quarters = quartersUpTo(at, TREND_QUARTERS);
  const months = monthsUpTo(at, TREND_MONTHS);
  const since = months[0]!.start;
  const inTags = tagIds ? { in: [...tagIds] } : undefined;
  const [seats, items, elections] = await Promise.all([
    db.roleAssignment.findMany({
      where: {
        tagId: inTags,
        kind: { in: ["chair", "tech_lead"] },
        startAt: { not: null, lte: at },
        OR: [{ endedAt: null }, { endedAt: { gte: quarters[0]!.start } }],
      },
      select: { userId: true, startAt: true, endedAt: true, regionAtStart: true, user: { select: { employer: true } } },
    }),
    // Items opened in the window, and older items with a claim made, accepted or completed in it
    // (the item's creation is needed for the wait to its first volunteer).
    db.helpWantedItem.findMany({
      where: {
        tags: { some: { tagId: inTags } },
        OR: [
          { createdAt: { gte: since } },
          {
            claims: {
              some: {
                OR: [{ createdAt: { gte: since } }, { decidedAt: { gte: since } }, { completedAt: { gte: since } }],
              },
            },
          },
        ],
      },
      select: {
        createdAt: true,
        claims: { select: { createdAt: true, status: true, decidedAt: true, completedAt: true, invitedById: true } },
      },
    }),
    db.election.findMany({
      where: { tagId: inTags, isTest: false, eligibleCount: { not: null }, participationCount: { not: null } },
      orderBy: { votingCloseAt: "desc" },
      take: 12,
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
    leadership: leadershipByQuarter(seats, employers, quarters, at),
    helpWanted: helpWantedByMonth(
      items.map((i) => ({
        createdAt: i.createdAt,
        claims: i.claims.map((c) => ({
          createdAt: c.createdAt,
          acceptedAt: ACCEPTED.includes(c.status) ? c.decidedAt : null,
          completedAt: c.status === "completed" ? c.completedAt : null,
          invited: c.invitedById !== null,
        })),
      })),
      months,
    ),
    turnout: electionTurnout(
      elections.map((e) => ({ ...e, title: tagIds?.length === 1 ? e.title : `${e.tag.name}: ${e.title}` })),
    ),
  };
}
