import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission, requireSeat } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { servingWhere } from "@/lib/auth/lead-seats";
import { quartersUpTo, type Period } from "@/lib/vocabulary";
import { notify } from "@/lib/notify/send";
import { DAY, isoDay, roleName } from "@/lib/vocabulary";
import { seatSummarySelect } from "./seats";

/**
 * Seat holders' quarterly reports (issue 21, point 4; docs/decisions/016). A seat is expected to
 * report when its role (the role's current version) names deliverables per term: the report says
 * how the holder is doing against them. One report per seat and UTC calendar quarter, written and
 * edited by the holder while the quarter runs; it may link help-wanted items, liaison check-ins and
 * contributions the portal already knows about the holder in that TAG.
 */

/** Days before a quarter ends when holders who have not reported are reminded (once per seat and quarter). */
export const HOLDER_REPORT_REMINDER_DAYS = 14;
/** How far back the pick lists reach: the quarter and the one before it. */
const CHOICES_SINCE_DAYS = 183;
const MAX_CHOICES = 25;

export const currentQuarter = (at: Date): Period => quartersUpTo(at, 1)[0]!;

export const HOLDER_LINK_KINDS = ["item", "checkin", "contribution"] as const;
const LINK_KEY = new RegExp(`^(${HOLDER_LINK_KINDS.join("|")}):[0-9a-f-]{36}$`, "i");

export const HolderReportSchema = z.strictObject({
  assignmentId: z.uuid("Unknown seat"),
  body: z
    .string()
    .trim()
    .min(20, "Write at least a sentence or two (20 characters)")
    .max(5000, "Keep the report under 5,000 characters"),
  /** Checkboxes send one value, several, or none. */
  links: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().regex(LINK_KEY, "Pick from the lists")).max(30, "Link at most 30 records"),
  ),
});
export type HolderReportInput = z.infer<typeof HolderReportSchema>;

/** Serving seats whose role's current version names deliverables, in the given TAGs (all: null). */
export async function seatsExpectedToReport(tagIds: readonly string[] | null, at: Date) {
  const seats = await db.roleAssignment.findMany({
    where: {
      ...servingWhere(at),
      startAt: { not: null, lte: at },
      roleDefinitionId: { not: null },
      ...(tagIds ? { tagId: { in: [...tagIds] } } : {}),
    },
    select: { ...seatSummarySelect, roleDefinition: { select: { name: true, roleKey: true } } },
    orderBy: [{ tagId: "asc" }, { startAt: "asc" }],
  });
  const current = await db.roleDefinition.findMany({
    where: { roleKey: { in: [...new Set(seats.map((s) => s.roleDefinition!.roleKey))] }, supersededAt: null },
    select: { roleKey: true, name: true, deliverables: true },
  });
  const byKey = new Map(current.filter((d) => d.deliverables.trim()).map((d) => [d.roleKey, d]));
  return seats.flatMap((s) => {
    const def = byKey.get(s.roleDefinition!.roleKey);
    return def ? [{ ...s, role: roleName(s.kind, def.name), deliverables: def.deliverables }] : [];
  });
}

/** For a TAG's leads: this quarter's reports and the seats that have not reported yet. */
export async function holderReportsOfTag(actor: Actor | null, tagId: string) {
  await requirePermission(actor, "roster.manage", { subjectType: "HolderReport", subjectId: tagId, tagId });
  const at = await now();
  const quarter = currentQuarter(at);
  const [seats, reports] = await Promise.all([
    seatsExpectedToReport([tagId], at),
    db.holderReport.findMany({ where: { tagId, quarter: quarter.key }, orderBy: { updatedAt: "desc" } }),
  ]);
  const bySeat = new Map(reports.map((r) => [r.assignmentId, r]));
  const links = await describeLinks(reports.flatMap((r) => r.links));
  return {
    quarter,
    reported: seats.flatMap((s) => {
      const r = bySeat.get(s.id);
      return r ? [{ seat: s, report: { ...r, links: r.links.flatMap((k) => links.get(k) ?? []) } }] : [];
    }),
    missing: seats.filter((s) => !bySeat.has(s.id)),
  };
}

/** How many of a TAG's expected seats reported for `quarterKey` (for its TAG report). */
export async function holderReportCounts(tagId: string, quarterKey: string, at: Date) {
  const seats = await seatsExpectedToReport([tagId], at);
  const filed = await db.holderReport.count({
    where: { tagId, quarter: quarterKey, assignmentId: { in: seats.map((s) => s.id) } },
  });
  return { expected: seats.length, filed };
}

export interface LinkChoice {
  key: string;
  label: string;
  href: string | null;
}

const itemChoice = (i: { id: string; title: string }): LinkChoice => ({
  key: `item:${i.id}`,
  label: i.title,
  href: `/help-wanted/${i.id}`,
});
const checkInChoice = (c: { id: string; date: Date; liaisonId: string }): LinkChoice => ({
  key: `checkin:${c.id}`,
  label: `Liaison check-in of ${isoDay(c.date)}`,
  href: `/liaisons/${c.liaisonId}`,
});
const contributionChoice = (c: {
  id: string;
  title: string;
  kind: string;
  occurredAt: Date;
  link: string | null;
}): LinkChoice => ({
  key: `contribution:${c.id}`,
  label: `${c.title || c.kind} (${isoDay(c.occurredAt)})`,
  href: c.link,
});

/** What a holder may link from a TAG: their items, their liaison check-ins, their contributions, newest first. */
async function linkChoices(userId: string, tagId: string, since: Date): Promise<LinkChoice[]> {
  const [claims, checkIns, contributions] = await Promise.all([
    db.claim.findMany({
      where: {
        userId,
        status: { in: ["accepted", "done", "completed"] },
        lastActivityAt: { gte: since },
        item: { tags: { some: { tagId } } },
      },
      orderBy: { lastActivityAt: "desc" },
      take: MAX_CHOICES,
      select: { item: { select: { id: true, title: true } } },
    }),
    db.liaisonCheckIn.findMany({
      where: { authorId: userId, date: { gte: since }, liaison: { assignment: { tagId } } },
      orderBy: { date: "desc" },
      take: MAX_CHOICES,
      select: { id: true, date: true, liaisonId: true },
    }),
    db.contributionRecord.findMany({
      where: { userId, tagId, verification: "verified", occurredAt: { gte: since } },
      orderBy: { occurredAt: "desc" },
      take: MAX_CHOICES,
      select: { id: true, title: true, kind: true, occurredAt: true, link: true },
    }),
  ]);
  return [
    ...claims.map((c) => itemChoice(c.item)),
    ...checkIns.map(checkInChoice),
    ...contributions.map(contributionChoice),
  ];
}

/** Labels and links for stored link keys (a record since deleted is left out). */
async function describeLinks(keys: readonly string[]): Promise<Map<string, LinkChoice>> {
  const ids = (kind: string) => keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));
  const [items, checkIns, contributions] = await Promise.all([
    db.helpWantedItem.findMany({ where: { id: { in: ids("item") } }, select: { id: true, title: true } }),
    db.liaisonCheckIn.findMany({
      where: { id: { in: ids("checkin") } },
      select: { id: true, date: true, liaisonId: true },
    }),
    db.contributionRecord.findMany({
      where: { id: { in: ids("contribution") } },
      select: { id: true, title: true, kind: true, occurredAt: true, link: true },
    }),
  ]);
  const all = [...items.map(itemChoice), ...checkIns.map(checkInChoice), ...contributions.map(contributionChoice)];
  return new Map(all.map((c) => [c.key, c]));
}

/** The signed-in holder's seats that report, each with this quarter's report (if any), its pick lists and past reports. */
export async function myHolderReports(userId: string) {
  const at = await now();
  const quarter = currentQuarter(at);
  const seats = (await seatsExpectedToReport(null, at)).filter((s) => s.userId === userId);
  const since = new Date(at.getTime() - CHOICES_SINCE_DAYS * DAY);
  return {
    quarter,
    seats: await Promise.all(
      seats.map(async (s) => {
        const reports = await db.holderReport.findMany({
          where: { assignmentId: s.id },
          orderBy: { quarter: "desc" },
          take: 8,
        });
        return {
          seat: s,
          current: reports.find((r) => r.quarter === quarter.key) ?? null,
          past: reports.filter((r) => r.quarter !== quarter.key),
          choices: await linkChoices(userId, s.tagId, since),
        };
      }),
    ),
  };
}

/**
 * The holder posts (or, within the same quarter, rewrites) the seat's report for the current
 * quarter. Only the seat's own holder, while the seat serves and its role expects reports; links
 * must be the holder's own records in the seat's TAG.
 */
export async function postHolderReport(actor: Actor | null, input: HolderReportInput) {
  const found = await db.roleAssignment.findUnique({
    where: { id: input.assignmentId },
    select: { id: true, tagId: true, userId: true },
  });
  const { a, row: seat } = await requireSeat(actor, "holder-report.post", input.assignmentId, found);
  if (seat.userId !== a.id) throw new AppError("FORBIDDEN", "Only the seat's holder reports on it.");
  const at = await now();
  const expected = await seatsExpectedToReport([seat.tagId], at);
  if (!expected.some((s) => s.id === seat.id))
    throw new AppError("CONFLICT", "This seat does not report: it is not serving, or its role names no deliverables.");
  const links = [...new Set(input.links)];
  if (links.length) {
    const known = new Set(
      (await linkChoices(a.id, seat.tagId, new Date(at.getTime() - CHOICES_SINCE_DAYS * DAY))).map((c) => c.key),
    );
    if (links.some((k) => !known.has(k)))
      throw new AppError("INVALID", "Link only your own items, check-ins and contributions in this TAG.", {
        links: ["Pick from the lists"],
      });
  }
  const quarter = currentQuarter(at).key;
  return db.$transaction(async (tx) => {
    const before = await tx.holderReport.findUnique({
      where: { assignmentId_quarter: { assignmentId: seat.id, quarter } },
      select: { body: true, links: true },
    });
    const saved = await tx.holderReport.upsert({
      where: { assignmentId_quarter: { assignmentId: seat.id, quarter } },
      create: {
        assignmentId: seat.id,
        tagId: seat.tagId,
        userId: a.id,
        quarter,
        body: input.body,
        links,
        createdAt: at,
        updatedAt: at,
      },
      update: { body: input.body, links, updatedAt: at },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "holder-report.post",
      subjectType: "HolderReport",
      subjectId: saved.id,
      tagId: seat.tagId,
      before: before ?? undefined,
      after: { quarter, body: input.body, links },
    });
    return { id: saved.id, quarter, updated: before !== null };
  });
}

/**
 * Near each quarter's end, reminds holders of seats that report and have not reported for it:
 * once per seat and quarter (the dedupe key names both), so running it again sends nothing new.
 */
export async function remindHolderReports(at: Date): Promise<number> {
  const quarter = currentQuarter(at);
  if (quarter.end.getTime() - at.getTime() > HOLDER_REPORT_REMINDER_DAYS * DAY) return 0;
  const seats = await seatsExpectedToReport(null, at);
  if (seats.length === 0) return 0;
  const done = new Set(
    (
      await db.holderReport.findMany({
        where: { quarter: quarter.key, assignmentId: { in: seats.map((s) => s.id) } },
        select: { assignmentId: true },
      })
    ).map((r) => r.assignmentId),
  );
  let sent = 0;
  for (const s of seats.filter((x) => !done.has(x.id))) {
    const created = await notify(
      {
        userId: s.userId,
        kind: "roster.report-due",
        title: `Your ${quarter.label} report as ${s.role} of ${s.tag.name} is due`,
        body: `The quarter ends on ${isoDay(new Date(quarter.end.getTime() - 1))}. Say in a few lines how your deliverables are going.`,
        link: "/me/reports",
        dedupeKey: `holder-report:${s.id}:${quarter.key}`,
      },
      at,
    );
    if (created) sent++;
  }
  return sent;
}
