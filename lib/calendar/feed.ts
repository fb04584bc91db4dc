import "server-only";
import ical, { ICalCalendarMethod } from "ical-generator";
import { db } from "@/lib/db";
import { addElectionEvents } from "@/lib/elections/calendar";
import { loadElection } from "@/lib/elections/context";
import { voterVerdictOf } from "@/lib/elections/load-eligibility";
import { checkInDueAt } from "@/lib/liaisons/overdue";
import { listLiaisonsOfPerson } from "@/lib/liaisons/queries";
import { DAY } from "@/lib/vocabulary";
import { calendarTokenHash } from "./tokens";

/** The person a calendar token belongs to, or null (unknown, reset, or the account was deleted). */
async function ownerOf(token: string): Promise<{ id: string; login: string } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db.calendarToken.findUnique({
    where: { tokenHash: calendarTokenHash(token) },
    select: { user: { select: { id: true, login: true, deletedAt: true } } },
  });
  return row && !row.user.deletedAt ? row.user : null;
}

/** The UTC calendar day of `d` as an all-day event's start and end (the next day). */
const dayOf = (d: Date) => {
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return { start, end: new Date(start.getTime() + DAY), allDay: true };
};

/**
 * A person's own calendar (RFC 5545, via ical-generator: CRLF line endings, lines folded at 75
 * octets): the due dates of items they hold, their liaison check-ins due, and the nomination and
 * voting windows of elections they may vote in. Fetched without a session by calendar apps, so it
 * holds nothing but that person's own commitments and what any visitor may read. Null for an
 * unknown or revoked token.
 */
export async function personalCalendar(token: string, baseUrl: string, at: Date): Promise<string | null> {
  const owner = await ownerOf(token);
  if (!owner) return null;
  const base = baseUrl.replace(/\/+$/, "");
  const cal = ical({
    name: "My TAG Portal commitments",
    description: `Due dates, check-ins and elections of @${owner.login} (TAG Portal)`,
    prodId: { company: "TAG Portal", product: "my-calendar", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });

  const claims = await db.claim.findMany({
    where: { userId: owner.id, status: { in: ["accepted", "done"] }, item: { dueAt: { not: null } } },
    select: { id: true, lastActivityAt: true, item: { select: { id: true, title: true, dueAt: true } } },
    take: 200,
  });
  for (const c of claims) {
    const url = `${base}/help-wanted/${c.item.id}`;
    cal.createEvent({
      id: `claim-${c.id}-due@tag-portal`,
      stamp: c.lastActivityAt,
      ...dayOf(c.item.dueAt!),
      summary: `Due: ${c.item.title}`,
      description: `Your help-wanted item is due: ${url}`,
      url,
    });
  }

  const liaisons = await listLiaisonsOfPerson(owner.id);
  for (const l of liaisons) {
    const subject = l.project?.displayName ?? l.foundation ?? l.assignment.tag.name;
    const url = `${base}/liaisons/${l.id}`;
    cal.createEvent({
      id: `liaison-${l.id}-check-in@tag-portal`,
      stamp: l.lastCheckInAt ?? l.createdAt,
      ...dayOf(checkInDueAt(l)),
      summary: `Liaison check-in due: ${subject}`,
      description: `Log your check-in for ${subject}: ${url}`,
      url,
    });
  }

  // Open elections are few; eligibility is the elections' own rule (the roll once voting opened).
  const open = await db.election.findMany({
    where: { phase: { in: ["nominations", "voting"] } },
    select: { id: true },
    take: 50,
  });
  for (const { id } of open) {
    const e = await loadElection(id);
    if (e && (await voterVerdictOf(e, owner.id, at)).eligible) addElectionEvents(cal, e, base);
  }
  return cal.toString();
}
