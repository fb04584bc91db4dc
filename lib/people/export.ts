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
  const [
    user,
    employers,
    notifications,
    contributions,
    seats,
    claims,
    claimUpdates,
    initiatives,
    initiativeCheckIns,
    liaisonCheckIns,
    hiddenItems,
    nominations,
    endorsements,
    electionExceptions,
    electionsVotedIn,
    electionsOfficiated,
    voterRolls,
    decisionVotes,
    decisionElectorships,
    removalVotes,
    auditEvents,
  ] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      omit: { deletedAt: true },
    }),
    db.employerHistory.findMany({ where, orderBy: { from: "asc" }, omit: { userId: true } }),
    db.notification.findMany({ where, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
    db.contributionRecord.findMany({
      where,
      orderBy: { occurredAt: "asc" },
      omit: { userId: true },
      include: { tag: { select: { slug: true } } },
    }),
    db.roleAssignment.findMany({
      where,
      orderBy: { requestedAt: "asc" },
      omit: { userId: true },
      include: { tag: { select: { slug: true } }, leaves: true, roleDefinition: { select: { name: true } } },
    }),
    db.claim.findMany({
      where,
      orderBy: { createdAt: "asc" },
      omit: { userId: true },
      include: { item: { select: { id: true, title: true, kind: true } } },
    }),
    db.claimUpdate.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" } }),
    db.initiativeParticipant.findMany({ where, include: { initiative: { select: { name: true } } } }),
    db.initiativeCheckIn.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" } }),
    db.liaisonCheckIn.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" } }),
    db.hiddenItem.findMany({ where, omit: { userId: true } }),
    db.nomination.findMany({ where, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
    db.endorsement.findMany({ where: { endorserId: userId }, orderBy: { createdAt: "asc" } }),
    db.electionException.findMany({ where, orderBy: { createdAt: "asc" }, omit: { userId: true } }),
    db.electionParticipation.findMany({ where, select: { electionId: true } }),
    db.electionOfficer.findMany({ where, select: { electionId: true } }),
    db.electionVoter.findMany({ where, select: { electionId: true, source: true } }),
    db.decisionVote.findMany({ where, omit: { userId: true } }),
    db.decisionElector.findMany({ where, omit: { userId: true } }),
    db.removalVote.findMany({ where, omit: { userId: true } }),
    db.auditEvent.findMany({
      where: { actorId: userId },
      orderBy: { at: "asc" },
      select: { at: true, action: true, subjectType: true, subjectId: true, outcome: true, reason: true },
    }),
  ]);
  if (!user) return null;
  // Mail the portal sent them (the outbox keeps an address, not a person).
  const mail = user.email
    ? await db.mailMessage.findMany({ where: { to: user.email }, orderBy: { createdAt: "asc" } })
    : [];
  return {
    exportedAt: at.toISOString(),
    profile: { ...user, githubId: String(user.githubId) },
    employers,
    notifications,
    contributions,
    seats,
    claims,
    claimUpdates,
    initiatives,
    initiativeCheckIns,
    liaisonCheckIns,
    hiddenItems,
    elections: {
      nominations,
      endorsements,
      exceptions: electionExceptions,
      votedIn: electionsVotedIn.map((e) => e.electionId),
      officerOf: electionsOfficiated.map((e) => e.electionId),
      voterRolls,
    },
    decisionVotes,
    decisionElectorships,
    removalVotes,
    mail,
    auditEvents,
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
