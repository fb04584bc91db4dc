import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { createAudited, recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { electionLink, lockElection, requireOfficer, requireOnElection } from "./context";
import type { DecideExceptionInput, RequestExceptionInput } from "./schemas";

/**
 * A person the rules leave out asks to vote (until voting closes) or to stand (while nominations
 * are open), and never after the election's exception deadline (`exceptionDueAt`) when it has one.
 */
export async function requestElectionException(
  actor: Actor | null,
  input: RequestExceptionInput,
): Promise<{ id: string }> {
  const { actor: a, election } = await requireOnElection(actor, "election.exception-request", input.electionId);
  const at = await now();
  const open =
    input.kind === "stand"
      ? election.phase === "draft" || (election.phase === "nominations" && at < election.nominationsCloseAt)
      : ["draft", "nominations", "voting"].includes(election.phase) && at < election.votingCloseAt;
  if (!open) throw new AppError("CONFLICT", input.kind === "stand" ? "Nominations have closed." : "Voting has closed.");
  if (election.exceptionDueAt && at >= election.exceptionDueAt)
    throw new AppError(
      "CONFLICT",
      `The deadline for exception requests passed on ${election.exceptionDueAt.toISOString().slice(0, 16).replace("T", " ")} UTC: the officers no longer take requests for this election.`,
    );
  if (input.kind === "stand" && election.officers.some((o) => o.userId === a.id))
    throw new AppError("FORBIDDEN", "Officers of an election cannot stand in it.");
  try {
    const created = await db.$transaction((tx) =>
      createAudited(
        tx,
        tx.electionException.create({
          data: { electionId: election.id, userId: a.id, kind: input.kind, reason: input.reason, createdAt: at },
          select: { id: true },
        }),
        {
          at,
          actorId: a.id,
          action: "election.exception-request",
          subjectType: "ElectionException",
          tagId: election.tagId,
          after: { electionId: election.id, kind: input.kind, reason: input.reason },
        },
      ),
    );
    for (const o of election.officers) {
      await notify(
        {
          userId: o.userId,
          kind: "election.exception",
          title: `An exception request for ${election.title}`,
          body: `Someone asks to ${input.kind} despite the rules.`,
          link: electionLink(election.id),
          dedupeKey: `election-exception:${created.id}:${o.userId}`,
        },
        at,
      );
    }
    return created;
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "You have already asked for this exception.");
    throw e;
  }
}

/**
 * An officer grants or denies an exception with a reason. A vote granted once the roll is frozen
 * (voting open) puts the person on the roll at once.
 */
export async function decideElectionException(
  actor: Actor | null,
  input: DecideExceptionInput,
): Promise<{ status: "granted" | "denied" }> {
  const x = await db.electionException.findUnique({
    where: { id: input.exceptionId },
    select: { id: true, electionId: true, userId: true, kind: true },
  });
  if (!x) {
    await requirePermission(actor, "election.exception-decide", {
      subjectType: "ElectionException",
      subjectId: input.exceptionId,
      tagId: null,
    });
    throw new AppError("NOT_FOUND", "That exception request does not exist.");
  }
  const { actor: a, election } = await requireOfficer(actor, x.electionId, "election.exception-decide");
  const at = await now();
  const status = input.grant ? "granted" : "denied";
  await db.$transaction(async (tx) => {
    const locked = await lockElection(tx, election.id, "update");
    const done = await tx.electionException.updateMany({
      where: { id: x.id, status: "pending" },
      data: { status, decidedById: a.id, decidedAt: at, decisionReason: input.reason },
    });
    if (done.count !== 1) throw new AppError("CONFLICT", "That request was already decided.");
    if (input.grant && x.kind === "vote") {
      if (!(["draft", "nominations", "voting"].includes(locked.phase) && at < locked.votingCloseAt))
        throw new AppError("CONFLICT", "Voting has closed: a vote can no longer be granted.");
      if (locked.phase === "voting")
        await tx.electionVoter.createMany({
          data: [{ electionId: election.id, userId: x.userId, source: "exception" }],
          skipDuplicates: true,
        });
    }
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "election.exception-decide",
      subjectType: "ElectionException",
      subjectId: x.id,
      tagId: election.tagId,
      before: { status: "pending" },
      after: { status, kind: x.kind, reason: input.reason },
    });
  });
  await notify(
    {
      userId: x.userId,
      kind: "election.exception-decided",
      title: `Your exception request for ${election.title} was ${status}`,
      body: input.reason,
      link: electionLink(election.id),
      dedupeKey: `election-exception-decided:${x.id}`,
    },
    at,
  );
  return { status };
}
