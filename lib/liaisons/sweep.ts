import "server-only";
import { db } from "@/lib/db";
import { notify } from "@/lib/notify/send";
import { checkInDueAt } from "./overdue";
import { dayValue } from "./schemas";
import { onLeaveSql } from "@/lib/roles/seats";
import { LEAD_KINDS } from "@/lib/vocabulary";

// The worker imports this module: keep it free of the auth modules (they load Next's request APIs).

const liaisonLink = (id: string) => `/liaisons/${id}`;

async function leadIdsOf(tagId: string): Promise<string[]> {
  const leads = await db.roleAssignment.findMany({
    where: { tagId, status: "active", kind: { in: [...LEAD_KINDS] } },
    select: { userId: true },
    distinct: ["userId"],
  });
  return leads.map((l) => l.userId);
}

/**
 * Sweep: liaisons with no check-in within their cadence are flagged once per overdue period (until
 * a check-in or a change of cadence clears the flag); the liaison and the TAG's leads are told.
 * Ended liaisons are never chased. Seats on leave are not chased: reminders pause while a leave includes today (however it was recorded).
 */
export async function flagOverdueLiaisons(now: Date): Promise<number> {
  // The same rule as `isOverdue`, in SQL (GREATEST skips a NULL lastCheckInAt).
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT l."id"
      FROM "Liaison" l JOIN "RoleAssignment" a ON a."id" = l."assignmentId"
     WHERE l."overdueNotifiedAt" IS NULL AND l."endedAt" IS NULL
       AND a."status" = 'active' AND NOT ${onLeaveSql("a", now)}
       AND GREATEST(l."lastCheckInAt", l."createdAt") + make_interval(days => l."cadenceDays") < ${now}::timestamptz
     LIMIT 1000`;
  let flagged = 0;
  for (const { id } of due) {
    const { count } = await db.liaison.updateMany({
      where: { id, overdueNotifiedAt: null },
      data: { overdueNotifiedAt: now },
    });
    if (count === 0) continue;
    flagged++;
    const l = await db.liaison.findUnique({
      where: { id },
      include: { project: { select: { displayName: true } }, assignment: { select: { tagId: true, userId: true } } },
    });
    if (!l) continue;
    const dueDay = dayValue(checkInDueAt(l));
    const target = l.project?.displayName ?? l.foundation ?? "its target";
    const link = liaisonLink(id);
    const key = (userId: string) => `liaison-overdue:${id}:${dueDay}:${userId}`;
    await notify(
      {
        userId: l.assignment.userId,
        kind: "liaison.overdue",
        title: `Your check-in as liaison to ${target} is overdue`,
        body: `It was due on ${dueDay}. Log a check-in: how is the ${l.projectId ? "project" : "foundation"} doing?`,
        link,
        dedupeKey: key(l.assignment.userId),
      },
      now,
    );
    for (const userId of await leadIdsOf(l.assignment.tagId)) {
      if (userId === l.assignment.userId) continue;
      await notify(
        {
          userId,
          kind: "liaison.overdue",
          title: `A liaison check-in (${target}) is overdue`,
          body: `It was due on ${dueDay}.`,
          link,
          dedupeKey: key(userId),
        },
        now,
      );
    }
  }
  return flagged;
}
