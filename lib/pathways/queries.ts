import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { tagsWithActivity } from "@/lib/contributions/activity";
import { GITHUB_LOGIN_RE } from "@/lib/vocabulary";
import { ladderText, type Ladder } from "./ladder";
import { loadLadder, loadPathwayFacts } from "./load-standing";
import { pathwayStanding, type Standing } from "./standing";

const person = { select: { id: true, login: true, name: true } } as const;
const activePairings = (where: Prisma.MentorPairingWhereInput) =>
  db.mentorPairing.findMany({
    where: { ...where, endedAt: null },
    orderBy: { startedAt: "asc" },
    select: { id: true, tagId: true, startedAt: true, mentor: person, mentee: person },
  });
export type Pairing = Awaited<ReturnType<typeof activePairings>>[number];

export interface TagPathway {
  tag: { id: string; slug: string; name: string; activityWindowMonths: number };
  ladder: Ladder | null;
  version: number;
  /** The ladder as the editor writes it. */
  text: string;
  /** Everyone with a counted record in the ladder's windows or a sign-off: ready ones first, then highest step. */
  people: { user: { id: string; login: string; name: string | null }; standing: Standing }[];
  pairings: Pairing[];
}

/** A TAG's ladder, everyone's standing on it and the mentor pairings: the leads' pathway page. */
export async function getTagPathway(slug: string, at: Date): Promise<TagPathway | null> {
  const tag = await db.tag.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, activityWindowMonths: true },
  });
  if (!tag) return null;
  const [stored, pairings] = await Promise.all([loadLadder(tag.id), activePairings({ tagId: tag.id })]);
  if (!stored) return { tag, ladder: null, version: 0, text: "", people: [], pairings };
  const facts = await loadPathwayFacts(tag.id, stored.ladder, null, at);
  const users = await db.user.findMany({
    where: { id: { in: [...facts.keys()] }, deletedAt: null },
    select: person.select,
  });
  const rank = (s: Standing) => (s.reached ? stored.ladder.findIndex((l) => l.name === s.reached) : -1);
  const people = users
    .map((user) => ({ user, standing: pathwayStanding(stored.ladder, facts.get(user.id)!, at) }))
    .sort(
      (a, b) =>
        Number(b.standing.ready) - Number(a.standing.ready) ||
        rank(b.standing) - rank(a.standing) ||
        a.user.login.localeCompare(b.user.login),
    );
  return { tag, ladder: stored.ladder, version: stored.version, text: ladderText(stored.ladder), people, pairings };
}

export interface PersonPathway {
  tag: { slug: string; name: string };
  ladder: Ladder;
  standing: Standing;
  mentors: Pairing[];
}

/** Where a person stands in each TAG with a ladder, by login as the profile matches it (public profile). */
export async function personPathwaysByLogin(login: string, at: Date): Promise<PersonPathway[]> {
  if (!GITHUB_LOGIN_RE.test(login)) return [];
  const user = await db.user.findFirst({
    where: { login: { equals: login, mode: "insensitive" }, deletedAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  return user ? personPathways(user.id, at) : [];
}

/**
 * Where a person stands in each TAG that has a ladder and where they contribute, are signed off
 * or are mentored, with their current mentors there.
 */
export async function personPathways(userId: string, at: Date): Promise<PersonPathway[]> {
  const [contributed, signed, mentored] = await Promise.all([
    tagsWithActivity(userId, at),
    db.pathwaySignOff.findMany({ where: { userId }, select: { tagId: true } }),
    activePairings({ menteeId: userId }),
  ]);
  const tagIds = [...new Set([...contributed, ...signed.map((s) => s.tagId), ...mentored.map((p) => p.tagId)])];
  const tags = await db.tag.findMany({
    where: { id: { in: tagIds }, pathwayLadder: { isNot: null } },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true },
  });
  return Promise.all(
    tags.map(async (t) => ({
      ...(await standingIn(t, userId, at)),
      mentors: mentored.filter((p) => p.tagId === t.id),
    })),
  );
}

async function standingIn(tag: { id: string; slug: string; name: string }, userId: string, at: Date) {
  const { ladder } = (await loadLadder(tag.id))!;
  const facts = (await loadPathwayFacts(tag.id, ladder, [userId], at)).get(userId)!;
  return { tag: { slug: tag.slug, name: tag.name }, ladder, standing: pathwayStanding(ladder, facts, at) };
}

export interface Mentoring {
  pairing: Pairing;
  tag: { slug: string; name: string };
  /** Null while the TAG has no ladder. */
  ladder: Ladder | null;
  standing: Standing | null;
}

/** The people a person mentors now, each with their standing in the pairing's TAG: what a mentor signs off. */
export async function mentoringOf(userId: string, at: Date): Promise<Mentoring[]> {
  const pairings = await activePairings({ mentorId: userId });
  const tags = new Map(
    (
      await db.tag.findMany({
        where: { id: { in: pairings.map((p) => p.tagId) } },
        select: { id: true, slug: true, name: true, pathwayLadder: { select: { tagId: true } } },
      })
    ).map((t) => [t.id, t]),
  );
  return Promise.all(
    pairings.map(async (pairing) => {
      const tag = tags.get(pairing.tagId)!;
      if (!tag.pathwayLadder) return { pairing, tag: { slug: tag.slug, name: tag.name }, ladder: null, standing: null };
      return { pairing, ...(await standingIn(tag, pairing.mentee.id, at)) };
    }),
  );
}
