import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createAudited, recordAudit } from "@/lib/audit/record";
import { requireFound, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { addDays, formatDate, parseLogins } from "@/lib/vocabulary";
import { TICK_DAYS, type AttendMeetingInput, type RecordMeetingInput } from "./schemas";

/** The contribution record of one person's attendance: one per meeting and person. */
export const attendanceId = (meetingId: string, userId: string) => `meeting:${meetingId}:${userId}`;
const titleOf = (heldOn: Date) => `TAG meeting of ${formatDate(heldOn)}`;

/**
 * A lead records a meeting with the logins pasted from its notes. Each known person gets a
 * verified `meeting` contribution (the lead vouches for the list); logins without a portal
 * account are returned, not stored. A malformed login or a future date refuses the whole record.
 */
export async function recordMeeting(actor: Actor | null, input: RecordMeetingInput) {
  const tag = await db.tag.findUnique({ where: { id: input.tagId }, select: { id: true, slug: true } });
  const a = await requirePermission(actor, "meeting.record", { subjectType: "Meeting", tagId: tag?.id ?? null });
  if (!tag) throw new AppError("NOT_FOUND", "That TAG does not exist.");
  const at = await now();
  if (input.heldOn.getTime() > at.getTime())
    throw new AppError("INVALID", "A meeting is recorded after it took place.", {
      heldOn: ["The date cannot be in the future"],
    });
  const { logins, invalid } = parseLogins(input.attendees);
  if (invalid.length)
    throw new AppError("INVALID", "Some attendees are not GitHub logins.", {
      attendees: [`Not GitHub logins: ${invalid.join(", ")}`],
    });
  const users = logins.length
    ? await db.user.findMany({
        where: { OR: logins.map((l) => ({ login: { equals: l, mode: "insensitive" as const } })), deletedAt: null },
        select: { id: true, login: true },
      })
    : [];
  const known = new Set(users.map((u) => u.login.toLowerCase()));
  const unknown = logins.filter((l) => !known.has(l.toLowerCase()));
  const meeting = await db.$transaction(async (tx) => {
    const m = await createAudited(
      tx,
      tx.meeting.create({
        data: { tagId: tag.id, heldOn: input.heldOn, notesUrl: input.notesUrl, recordedById: a.id, createdAt: at },
        select: { id: true },
      }),
      {
        at,
        actorId: a.id,
        action: "meeting.record",
        subjectType: "Meeting",
        tagId: tag.id,
        after: { heldOn: input.heldOn.toISOString(), notesUrl: input.notesUrl, attendees: users.map((u) => u.login) },
      },
    );
    await tx.contributionRecord.createMany({
      data: users.map((u) => ({
        userId: u.id,
        tagId: tag.id,
        kind: "meeting" as const,
        source: "self_reported" as const,
        verification: "verified" as const,
        verifiedById: a.id,
        verifiedAt: at,
        occurredAt: input.heldOn,
        title: titleOf(input.heldOn),
        link: input.notesUrl,
        externalId: attendanceId(m.id, u.id),
        createdAt: at,
      })),
    });
    return m;
  });
  return { id: meeting.id, slug: tag.slug, attendees: users.length, unknown };
}

/**
 * A person ticks their own attendance within {@link TICK_DAYS} days of the meeting: a pending
 * `meeting` contribution that counts once a lead of the TAG confirms it (as any self-report).
 */
export async function attendMeeting(actor: Actor | null, input: AttendMeetingInput) {
  const found = await db.meeting.findUnique({
    where: { id: input.meetingId },
    select: { id: true, tagId: true, heldOn: true, notesUrl: true, tag: { select: { slug: true } } },
  });
  const missing = "That meeting does not exist.";
  const subject = { subjectType: "Meeting", subjectId: input.meetingId, tagId: found?.tagId ?? null, missing };
  const { a, row: m } = await requireFound(actor, "meeting.attend", found, subject);
  const at = await now();
  if (at.getTime() > addDays(m.heldOn, TICK_DAYS).getTime())
    throw new AppError(
      "CONFLICT",
      `Attendance is ticked within ${TICK_DAYS} days of the meeting; ask a lead of the TAG to add you.`,
    );
  const externalId = attendanceId(m.id, a.id);
  return db.$transaction(async (tx) => {
    if (await tx.contributionRecord.findUnique({ where: { externalId }, select: { id: true } }))
      throw new AppError("CONFLICT", "Your attendance of this meeting is already recorded.");
    const r = await tx.contributionRecord.create({
      data: {
        userId: a.id,
        tagId: m.tagId,
        kind: "meeting",
        source: "self_reported",
        verification: "pending",
        occurredAt: m.heldOn,
        title: titleOf(m.heldOn),
        link: m.notesUrl,
        externalId,
        createdAt: at,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "meeting.attend",
      subjectType: "Meeting",
      subjectId: m.id,
      tagId: m.tagId,
      after: { recordId: r.id, verification: "pending" },
    });
    return { id: r.id, slug: m.tag.slug };
  });
}
