import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { createAudited, recordAudit, recordRefusal } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { electionLink, loadElection, lockElection, normalizeEmployer, requireSignedIn } from "./context";
import { candidateVerdictOf, voterVerdictOf } from "./load-eligibility";
import type { NominationRefInput, SelfNominateInput } from "./schemas";

/**
 * Endorsement rule (as Kubernetes' steering elections do it): `endorsementsRequired` eligible
 * voters, from at least `endorsementEmployers` distinct employers (an empty employer or
 * "Independent" never counts as an employer).
 */
export function endorsementStanding(
  rule: { endorsementsRequired: number; endorsementEmployers: number },
  endorsements: readonly { employer: string | null }[],
): { met: boolean; count: number; employers: number } {
  const employers = new Set(
    endorsements.map((e) => normalizeEmployer(e.employer)).filter((e) => e !== "" && e !== "independent"),
  ).size;
  return {
    met: endorsements.length >= rule.endorsementsRequired && employers >= rule.endorsementEmployers,
    count: endorsements.length,
    employers,
  };
}

function nominationsOpen(e: { phase: string; nominationsCloseAt: Date }, at: Date) {
  if (e.phase === "draft") throw new AppError("CONFLICT", "Nominations have not opened yet.");
  if (e.phase !== "nominations" || at >= e.nominationsCloseAt)
    throw new AppError("CONFLICT", "Nominations have closed.");
}

/**
 * Records a refused election step (a guard, not the permission table, said no) and throws FORBIDDEN.
 * The step is on the nomination when one is named, else on the election; either way in its TAG.
 */
async function refuse(
  at: Date,
  a: Actor,
  action: "election.nominate" | "election.endorse" | "election.withdraw",
  on: { election: { id: string; tagId: string }; nomination?: { id: string } },
  reason: string,
  message = reason,
): Promise<never> {
  await recordRefusal(db, {
    at,
    actorId: a.id,
    action,
    subjectType: on.nomination ? "Nomination" : "Election",
    subjectId: on.nomination?.id ?? on.election.id,
    tagId: on.election.tagId,
    reason,
  });
  throw new AppError("FORBIDDEN", message);
}

/** The signed-in person stands in the election, with a statement (markdown, rendered sanitized). */
export async function selfNominate(actor: Actor | null, input: SelfNominateInput): Promise<{ id: string }> {
  const a = requireSignedIn(actor);
  const at = await now();
  const election = await loadElection(input.electionId);
  if (!election) throw new AppError("NOT_FOUND", "That election does not exist.");
  nominationsOpen(election, at);
  const verdict = await candidateVerdictOf(election, a.id, at);
  if (!verdict.eligible) return refuse(at, a, "election.nominate", { election }, verdict.reason);
  const me = await db.user.findUniqueOrThrow({ where: { id: a.id }, select: { region: true, employer: true } });
  try {
    return await db.$transaction(async (tx) => {
      const locked = await lockElection(tx, election.id, "share");
      nominationsOpen({ phase: locked.phase, nominationsCloseAt: election.nominationsCloseAt }, at);
      const n = await createAudited(
        tx,
        tx.nomination.create({
          data: {
            electionId: election.id,
            userId: a.id,
            statement: input.statement,
            region: me.region,
            employer: me.employer,
            createdAt: at,
          },
          select: { id: true },
        }),
        {
          at,
          actorId: a.id,
          action: "election.nominate",
          subjectType: "Nomination",
          tagId: election.tagId,
          after: { electionId: election.id, region: me.region, employer: me.employer, via: verdict.via },
        },
      );
      return n;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "You have already stood in this election.");
    throw e;
  }
}

async function loadNomination(nominationId: string) {
  const n = await db.nomination.findUnique({
    where: { id: nominationId },
    select: { id: true, userId: true, status: true, electionId: true },
  });
  if (!n) throw new AppError("NOT_FOUND", "That nomination does not exist.");
  const election = await loadElection(n.electionId);
  if (!election) throw new AppError("NOT_FOUND", "That election does not exist.");
  return { nomination: n, election };
}

/** An eligible voter endorses someone else's active nomination while nominations are open. */
export async function endorseNomination(
  actor: Actor | null,
  input: NominationRefInput,
): Promise<{ endorsements: number; met: boolean }> {
  const a = requireSignedIn(actor);
  const at = await now();
  const { nomination, election } = await loadNomination(input.nominationId);
  nominationsOpen(election, at);
  if (nomination.status !== "active") throw new AppError("CONFLICT", "That nomination was withdrawn.");
  if (nomination.userId === a.id) throw new AppError("FORBIDDEN", "Nobody endorses their own nomination.");
  const verdict = await voterVerdictOf(election, a.id, at);
  if (!verdict.eligible)
    return refuse(
      at,
      a,
      "election.endorse",
      { election, nomination },
      verdict.reason,
      `Only eligible voters endorse. ${verdict.reason}`,
    );
  const me = await db.user.findUniqueOrThrow({ where: { id: a.id }, select: { employer: true } });
  try {
    return await db.$transaction(async (tx) => {
      await tx.endorsement.create({
        data: { nominationId: nomination.id, endorserId: a.id, employer: me.employer, createdAt: at },
      });
      const all = await tx.endorsement.findMany({ where: { nominationId: nomination.id }, select: { employer: true } });
      const standing = endorsementStanding(election, all);
      await recordAudit(tx, {
        at,
        actorId: a.id,
        action: "election.endorse",
        subjectType: "Nomination",
        subjectId: nomination.id,
        tagId: election.tagId,
        after: { employer: me.employer, ...standing },
      });
      return { endorsements: standing.count, met: standing.met };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "You have already endorsed this nomination.");
    throw e;
  }
}

/**
 * A candidate withdraws while nominations are open or during voting, never once voting has closed
 * (the close time counts even before the sweep moves the phase). Withdrawn during voting, they stay
 * in the count as withdrawn: ballots that ranked them count for the next candidates ranked, and the
 * results say so.
 */
export async function withdrawNomination(actor: Actor | null, input: NominationRefInput): Promise<{ withdrawn: true }> {
  const a = requireSignedIn(actor);
  const at = await now();
  const { nomination, election } = await loadNomination(input.nominationId);
  if (nomination.userId !== a.id)
    return refuse(
      at,
      a,
      "election.withdraw",
      { election, nomination },
      "not the candidate",
      "Only the candidate can withdraw a nomination.",
    );
  const duringVoting = await db.$transaction(async (tx) => {
    const locked = await lockElection(tx, election.id, "share");
    const voting = locked.phase === "voting" && at < locked.votingCloseAt;
    if (locked.phase !== "nominations" && !voting)
      throw new AppError(
        "CONFLICT",
        locked.phase === "draft"
          ? "Nominations have not opened yet."
          : "Voting has closed: a candidate can no longer withdraw, and the count stands as cast.",
      );
    const done = await tx.nomination.updateMany({
      where: { id: nomination.id, status: "active" },
      data: { status: "withdrawn", withdrawnAt: at, withdrawnDuringVoting: voting },
    });
    if (done.count !== 1) throw new AppError("CONFLICT", "That nomination was already withdrawn.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "election.withdraw",
      subjectType: "Nomination",
      subjectId: nomination.id,
      tagId: election.tagId,
      before: { status: "active" },
      after: { status: "withdrawn", duringVoting: voting },
    });
    return voting;
  });
  for (const o of election.officers) {
    await notify(
      {
        userId: o.userId,
        kind: "election.withdrawn",
        title: `A candidate withdrew from ${election.title}${duringVoting ? " during voting" : ""}`,
        link: electionLink(election.id),
        dedupeKey: `election-withdraw:${nomination.id}:${o.userId}`,
      },
      at,
    );
  }
  return { withdrawn: true };
}
