import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { activityFor } from "@/lib/contributions/activity";
import { decisionLink, openDecision } from "@/lib/decisions/decisions";
import { notify } from "@/lib/notify/send";
import type { OpenRemovalInput } from "./schemas";
import { requireHeldSeat } from "./roster";
import { lockAssignment, seatSummarySelect } from "./seats";
import { addMonths, roleName } from "@/lib/vocabulary";

/**
 * A TOC member opens a vote to remove an inactive leader: a TOC decision of kind `removal`
 * (lib/decisions), passed by the TAG's supermajority of the votes cast with the TOC's quorum
 * within the decision period; nobody closes it early by hand. "Inactive" is the TAG's activity
 * rule (fewer than `activityMinRecords` records in the last `activityWindowMonths`, via
 * activityFor). One open vote per seat; the holder is recused.
 */
export async function openRemovalProposal(actor: Actor | null, input: OpenRemovalInput) {
  const found = await db.roleAssignment.findUnique({
    where: { id: input.assignmentId },
    select: {
      ...seatSummarySelect,
      tag: { select: { name: true, slug: true, activityMinRecords: true, activityWindowMonths: true } },
    },
  });
  const { a, seat } = await requireHeldSeat(actor, "leadership.remove-vote", input.assignmentId, found, {
    own: "Nobody proposes their own removal.",
    notHeld: "Only a held seat can be removed.",
  });
  const at = await now();
  const activity = await activityFor(seat.userId, seat.tagId, {
    from: addMonths(at, -seat.tag.activityWindowMonths),
    to: at,
  });
  if (activity.total >= seat.tag.activityMinRecords) {
    throw new AppError(
      "CONFLICT",
      `@${seat.user.login} is active in ${seat.tag.name}: ${activity.total} contribution records in the last ${seat.tag.activityWindowMonths} months (the TAG's rule is at least ${seat.tag.activityMinRecords}).`,
    );
  }
  const decision = await db.$transaction(async (tx) => {
    await lockAssignment(tx, seat.id);
    return openDecision(tx, {
      kind: "removal",
      tagId: seat.tagId,
      subjectId: seat.id,
      subjectUserIds: [seat.userId],
      title: `Remove @${seat.user.login} as ${roleName(seat.kind, seat.roleDefinition?.name)} of ${seat.tag.name}`,
      openedById: a.id,
      body: `${input.reason}\n\n${activity.total} contribution records in the last ${seat.tag.activityWindowMonths} months (the TAG's rule is at least ${seat.tag.activityMinRecords}).`,
    });
  });
  await notify(
    {
      userId: seat.userId,
      kind: "leadership.remove-open",
      title: `The TOC opened a vote on your seat in ${seat.tag.name}`,
      body: input.reason,
      link: decisionLink(decision.id),
    },
    at,
  );
  return decision;
}
