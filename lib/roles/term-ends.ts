import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { notify } from "@/lib/notify/send";
import { leadSeatWhere } from "@/lib/auth/lead-seats";
import { isoDay, roleName, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";
import { seatSummarySelect } from "./seats";

/**
 * The clock sweep for terms: a held seat whose term end has passed (and was not renewed before it)
 * ends, or moves to emeritus when its role says so (the role's current version). Lead powers have
 * already stopped at the term end (loadActor reads `leadSeatWhere`); this records it, frees the seat
 * (the roster and figures show the vacancy, an election counts it), and tells the person and the
 * TAG's leads. Each seat changes once (compare-and-swap on its state); returns seats ended.
 */
export async function endFinishedTerms(now: Date): Promise<number> {
  const due = await db.roleAssignment.findMany({
    where: { status: { in: [...SITTING_SEAT_STATUSES] }, termEndAt: { lte: now } },
    orderBy: { termEndAt: "asc" },
    take: 1000,
    select: { ...seatSummarySelect, termEndAt: true, roleDefinition: { select: { roleKey: true, name: true } } },
  });
  if (due.length === 0) return 0;
  const current = await db.roleDefinition.findMany({
    where: {
      roleKey: { in: due.flatMap((s) => (s.roleDefinition ? [s.roleDefinition.roleKey] : [])) },
      supersededAt: null,
    },
    select: { roleKey: true, emeritusAfterTerm: true },
  });
  const emeritus = new Set(current.filter((d) => d.emeritusAfterTerm).map((d) => d.roleKey));
  let ended = 0;
  for (const s of due) {
    const to = s.roleDefinition && emeritus.has(s.roleDefinition.roleKey) ? "emeritus" : "ended";
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.roleAssignment.updateMany({
        where: { id: s.id, status: s.status, termEndAt: s.termEndAt },
        data: {
          status: to,
          endedAt: s.termEndAt,
          endReason: `Term ended on ${isoDay(s.termEndAt!)}`,
          renewRequestedAt: null,
          renewRequestedById: null,
          renewTermEndAt: null,
          endRequestedAt: null,
          endRequestedById: null,
        },
      });
      if (count === 0) return false;
      await recordAudit(tx, {
        at: now,
        actorId: null,
        action: "roster.term-end",
        subjectType: "RoleAssignment",
        subjectId: s.id,
        tagId: s.tagId,
        before: { status: s.status, termEndAt: s.termEndAt!.toISOString() },
        after: { status: to },
      });
      return true;
    });
    if (!done) continue;
    ended++;
    const role = roleName(s.kind, s.roleDefinition?.name);
    const leads = await db.roleAssignment.findMany({
      where: { tagId: s.tagId, ...leadSeatWhere(now) },
      select: { userId: true },
    });
    for (const userId of new Set([s.userId, ...leads.map((l) => l.userId)])) {
      await notify(
        {
          userId,
          kind: "roster.term-ended",
          title:
            userId === s.userId
              ? `Your term as ${role} of ${s.tag.name} ended on ${isoDay(s.termEndAt!)}`
              : `@${s.user.login}'s term as ${role} of ${s.tag.name} ended: the seat is vacant`,
          body:
            to === "emeritus"
              ? "The seat moved to emeritus, as the role says."
              : "Appoint or elect someone to the vacant seat.",
          link: `/tags/${s.tag.slug}`,
          dedupeKey: `term-ended:${s.id}:${userId}`,
        },
        now,
      );
    }
  }
  return ended;
}
