import "server-only";
import { db } from "@/lib/db";

/**
 * Everything the portal holds about one person, as they may download it ("export my data",
 * the privacy page). Their own rows only: records of other people appear as ids at most.
 * Sign-in sessions are left out (their tokens are secrets, not data about the person); ballots
 * hold no person, so only *that* they voted is theirs. Audit entries are their own acts, without
 * the before/after snapshots, which describe other people as well.
 */
export async function exportPersonData(userId: string, at: Date) {
  const where = { userId };
  const user = await db.user.findUnique({
    where: { id: userId },
    omit: { deletedAt: true },
  });
  if (!user) return null;
  // One query after another: an export is rare, and the database serves page loads meanwhile.
  return {
    exportedAt: at.toISOString(),
    profile: { ...user, githubId: String(user.githubId) },
    employers: await db.employerHistory.findMany({ where, orderBy: { from: "asc" }, omit: { userId: true } }),
    notifications: await db.notification.findMany({ where, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
    textReports: await db.textReport.findMany({
      where: { reporterId: userId },
      orderBy: { createdAt: "asc" },
      omit: { reporterId: true, resolvedById: true },
    }),
    contributions: await db.contributionRecord.findMany({
      where,
      orderBy: { occurredAt: "asc" },
      omit: { userId: true },
      include: { tag: { select: { slug: true } } },
    }),
    seats: await db.roleAssignment.findMany({
      where,
      orderBy: { requestedAt: "asc" },
      omit: { userId: true },
      include: { tag: { select: { slug: true } }, leaves: true, roleDefinition: { select: { name: true } } },
    }),
    claims: await db.claim.findMany({
      where,
      orderBy: { createdAt: "asc" },
      omit: { userId: true },
      include: { item: { select: { id: true, title: true, kind: true } } },
    }),
    claimUpdates: await db.claimUpdate.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" } }),
    initiatives: await db.initiativeParticipant.findMany({
      where,
      include: { initiative: { select: { name: true } } },
    }),
    initiativeCheckIns: await db.initiativeCheckIn.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
    }),
    liaisonCheckIns: await db.liaisonCheckIn.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" } }),
    hiddenItems: await db.hiddenItem.findMany({ where, omit: { userId: true } }),
    elections: {
      nominations: await db.nomination.findMany({ where, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
      endorsements: await db.endorsement.findMany({ where: { endorserId: userId }, orderBy: { createdAt: "asc" } }),
      exceptions: await db.electionException.findMany({ where, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
      votedIn: (await db.electionParticipation.findMany({ where, select: { electionId: true } })).map(
        (e) => e.electionId,
      ),
      officerOf: (await db.electionOfficer.findMany({ where, select: { electionId: true } })).map((e) => e.electionId),
      voterRolls: await db.electionVoter.findMany({ where, select: { electionId: true, source: true } }),
    },
    decisionVotes: await db.decisionVote.findMany({ where, omit: { userId: true } }),
    decisionElectorships: await db.decisionElector.findMany({ where, omit: { userId: true } }),
    // Mail the portal sent them (the outbox keeps an address, not a person).
    mail: user.email ? await db.mailMessage.findMany({ where: { to: user.email }, orderBy: { createdAt: "asc" } }) : [],
    auditEvents: await db.auditEvent.findMany({
      where: { actorId: userId },
      orderBy: { at: "asc" },
      select: { at: true, action: true, subjectType: true, subjectId: true, outcome: true, reason: true },
    }),
  };
}

/** Help-wanted work a person delivered (completed claims), newest first: evidence for an Ambassador renewal. */
export function listDeliveredWork(userId: string) {
  return db.claim.findMany({
    where: { userId, status: "completed" },
    orderBy: [{ completedAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      completedAt: true,
      evidenceUrl: true,
      item: {
        select: {
          id: true,
          title: true,
          kind: true,
          tags: { select: { tag: { select: { slug: true, name: true } } } },
        },
      },
    },
  });
}
