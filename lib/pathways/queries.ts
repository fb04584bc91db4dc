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

/**
 * Where a person stands in each TAG that has a ladder and where they contribute, are signed off
 * or are mentored: their profile's "Leadership pathway" section. Logins match as on the profile.
 */
export async function personPathways(login: string, at: Date): Promise<PersonPathway[]> {
  if (!GITHUB_LOGIN_RE.test(login)) return [];
  const user = await db.user.findFirst({
    where: { login: { equals: login, mode: "insensitive" }, deletedAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  if (!user) return [];
  const [contributed, signed, mentored] = await Promise.all([
    tagsWithActivity(user.id, at),
    db.pathwaySignOff.findMany({ where: { userId: user.id }, select: { tagId: true } }),
    activePairings({ menteeId: user.id }),
  ]);
  const tagIds = [...new Set([...contributed, ...signed.map((s) => s.tagId), ...mentored.map((p) => p.tagId)])];
  const tags = await db.tag.findMany({
    where: { id: { in: tagIds }, pathwayLadder: { isNot: null } },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true },
  });
  return Promise.all(
    tags.map(async (t) => {
      const { ladder } = (await loadLadder(t.id))!;
      const facts = (await loadPathwayFacts(t.id, ladder, [user.id], at)).get(user.id)!;
      return {
        tag: { slug: t.slug, name: t.name },
        ladder,
        standing: pathwayStanding(ladder, facts, at),
        mentors: mentored.filter((p) => p.tagId === t.id),
      };
    }),
  );
}
