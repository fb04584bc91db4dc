/**
 * `/tags/[slug]/elections.ics`: a TAG's elections as an iCalendar feed (RFC 5545), one event per
 * phase people act in (nominations, voting) and the day the new terms begin. Drafts are left
 * out: their dates are not settled. Built with ical-generator; times are UTC instants, which
 * every calendar shows in its reader's zone.
 */
import ical, { ICalCalendarMethod, type ICalCalendar } from "ical-generator";
import { db } from "@/lib/db";
import { DAY } from "@/lib/vocabulary";

export interface CalendarElection {
  id: string;
  title: string;
  phase: string;
  nominationsOpenAt: Date;
  nominationsCloseAt: Date;
  votingOpenAt: Date;
  votingCloseAt: Date;
  cycleDate: Date;
  updatedAt: Date;
}

/** The feed's text for one TAG; `baseUrl` is the portal's public URL (links to each election). */
export function buildElectionCalendar(
  tag: { slug: string; name: string },
  elections: readonly CalendarElection[],
  baseUrl: string,
): string {
  const base = baseUrl.replace(/\/+$/, "");
  const cal = ical({
    name: `${tag.name} elections`,
    description: `Nomination and voting windows of ${tag.name}'s elections (TAG Portal)`,
    prodId: { company: "TAG Portal", product: "elections", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    url: `${base}/tags/${tag.slug}/elections.ics`,
    ttl: 60 * 60,
  });
  for (const e of elections) if (e.phase !== "draft") addElectionEvents(cal, e, base);
  return cal.toString();
}

/**
 * One election's events (nominations, voting, the day terms begin), with UIDs stable across
 * feeds: the TAG's feed and a person's own calendar (lib/calendar) name the same events alike.
 */
export function addElectionEvents(cal: ICalCalendar, e: Omit<CalendarElection, "phase">, base: string): void {
  const url = `${base}/elections/${e.id}`;
  const common = { stamp: e.updatedAt, url };
  cal.createEvent({
    ...common,
    id: `${e.id}-nominations@tag-portal`,
    start: e.nominationsOpenAt,
    end: e.nominationsCloseAt,
    summary: `Nominations: ${e.title}`,
    description: `Self-nominate or endorse a candidate: ${url}`,
  });
  cal.createEvent({
    ...common,
    id: `${e.id}-voting@tag-portal`,
    start: e.votingOpenAt,
    end: e.votingCloseAt,
    summary: `Voting: ${e.title}`,
    description: `Cast or replace your ranked ballot: ${url}/vote`,
  });
  cal.createEvent({
    ...common,
    id: `${e.id}-terms@tag-portal`,
    start: e.cycleDate,
    end: new Date(e.cycleDate.getTime() + DAY),
    allDay: true,
    summary: `New terms begin: ${e.title}`,
    description: `Results: ${url}/results`,
  });
}

/** The feed of the TAG with this slug, or null when there is no such TAG. */
export async function electionCalendarForTag(slug: string, baseUrl: string): Promise<string | null> {
  const tag = await db.tag.findUnique({ where: { slug }, select: { slug: true, name: true } });
  if (!tag) return null;
  const elections = await db.election.findMany({
    where: { tag: { slug }, phase: { not: "draft" } },
    orderBy: [{ nominationsOpenAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      phase: true,
      nominationsOpenAt: true,
      nominationsCloseAt: true,
      votingOpenAt: true,
      votingCloseAt: true,
      cycleDate: true,
      updatedAt: true,
    },
  });
  return buildElectionCalendar(tag, elections, baseUrl);
}
