import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import { giveSeat } from "@/lib/roles/appointments";
import { giveSeatForDecision } from "@/lib/roles/seat-decisions";
import { lockAssignment, lockRole } from "@/lib/roles/seats";
import { orderByLot, type Outcome } from "./tally/index.ts";
import { electionLink, loadElection, requireOfficer } from "./context";
import { runnersUpOf } from "./count";
import type { ElectionRefInput, OfferVacancyInput, SendBackInput } from "./schemas";
import { addMonths, isoDay, SEAT_TAKEN_STATUSES } from "@/lib/vocabulary";

/** The stored result.json, parsed (the CLI's --json shape). */
export async function storedOutcome(electionId: string): Promise<(Outcome & { seed: string }) | null> {
  const a = await db.electionArtifact.findUnique({
    where: { electionId_name: { electionId, name: "result.json" } },
    select: { content: true },
  });
  return a ? (JSON.parse(a.content) as Outcome & { seed: string }) : null;
}

/** TOC members decide results; a TOC member who stood in the election may not (docs/permissions.md, "Guards"). */
async function requireTocNotCandidate(actor: Actor | null, electionId: string, action: "election.approve") {
  const election = await loadElection(electionId);
  const a = await requirePermission(actor, action, {
    subjectType: "Election",
    subjectId: electionId,
    tagId: election?.tagId ?? null,
  });
  if (!election) throw new AppError("NOT_FOUND", "That election does not exist.");
  const stood = await db.nomination.count({ where: { electionId, userId: a.id } });
  if (stood)
    await refuseByGuard(
      a,
      action,
      { subjectType: "Election", subjectId: electionId, tagId: election.tagId },
      "A TOC member who stood in this election cannot decide its result.",
    );
  return { actor: a, election };
}

/**
 * A TOC member approves a tallied result. Compare-and-swap on the phase: two members acting at
 * once make one transition. In the same transaction the roster changes: winners take active seats
 * (terms from the role, starting on the cycle date; on a TAG's first election half the winners,
 * the later half in seat order, get half-length terms to start the stagger), the seats whose terms
 * end by the cycle date close, and the runners-up are kept in order.
 */
export async function approveElection(actor: Actor | null, input: ElectionRefInput) {
  const { actor: a, election } = await requireTocNotCandidate(actor, input.electionId, "election.approve");
  const at = await now();
  const outcome = await storedOutcome(election.id);
  const result = (election.result ?? {}) as { nominations?: Record<string, string> };
  if (!outcome || !result.nominations) throw new AppError("CONFLICT", "This election has not been counted.");
  const nominations = await db.nomination.findMany({
    where: { electionId: election.id },
    select: { id: true, userId: true, region: true },
  });
  const byName = (name: string) => nominations.find((n) => n.id === result.nominations![name]);
  const role = await db.roleDefinition.findFirst({
    where: { tagId: election.tagId, roleKey: election.roleKey, supersededAt: null },
    orderBy: { version: "desc" },
  });
  if (!role) throw new AppError("CONFLICT", "The role this election fills no longer exists.");
  const termMonths = role.termMonths ?? 24;
  const winners = outcome.winners.map((name) => byName(name)!).filter(Boolean);
  const runnersUp = runnersUpOf(outcome, (names) => orderByLot(outcome.seed, names))
    .map((name) => byName(name)?.userId)
    .filter((u): u is string => !!u);

  const seats = await db.$transaction(async (tx) => {
    const done = await tx.election.updateMany({
      where: { id: election.id, phase: "tallied" },
      data: { phase: "approved", approvedById: a.id, approvedAt: at, runnersUp, updatedAt: at },
    });
    if (done.count !== 1)
      throw new AppError("CONFLICT", "This result was already decided (or is not ready for a decision).");
    await lockRole(tx, election.roleKey);
    const ending = await tx.roleAssignment.findMany({
      where: {
        roleDefinition: { roleKey: election.roleKey },
        status: { in: [...SEAT_TAKEN_STATUSES] },
        termEndAt: { lte: election.cycleDate },
      },
      select: { id: true, userId: true, status: true },
    });
    if (ending.length)
      await tx.roleAssignment.updateMany({
        where: { id: { in: ending.map((s) => s.id) } },
        data: {
          status: "ended",
          endedAt: election.cycleDate,
          endReason: `Term ended; seat filled by election ${election.id}`,
        },
      });
    const full = Math.ceil(winners.length / 2);
    const created: { id: string; userId: string; termEndAt: Date }[] = [];
    for (const [i, w] of winners.entries()) {
      const months = election.staggerTerms && i >= full ? Math.max(1, Math.floor(termMonths / 2)) : termMonths;
      const person = await tx.user.findUniqueOrThrow({
        where: { id: w.userId },
        select: { id: true, login: true, employer: true },
      });
      // The one appointment path: the role's seat rules apply to election results too.
      const seat = await giveSeat(tx, {
        roleKey: election.roleKey,
        tagId: election.tagId,
        person: { ...person, region: w.region },
        by: a.id,
        at,
        obtainedBy: "elected",
        status: "active",
        startAt: election.cycleDate,
        termEndAt: addMonths(election.cycleDate, months),
        electionId: election.id,
        audit: { after: { electionId: election.id } },
      });
      created.push({ id: seat.id, userId: w.userId, termEndAt: seat.termEndAt! });
    }
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "election.approve",
      subjectType: "Election",
      subjectId: election.id,
      tagId: election.tagId,
      before: { phase: "tallied" },
      after: {
        phase: "approved",
        winners: outcome.winners,
        seats: created.map((s) => ({ assignmentId: s.id, userId: s.userId, termEndAt: s.termEndAt.toISOString() })),
        ended: ending.map((s) => s.id),
        runnersUp,
      },
    });
    return created;
  });
  for (const s of seats) {
    await notify(
      {
        userId: s.userId,
        kind: "election.elected",
        title: `You were elected: ${election.title}`,
        body: `Your term runs from ${isoDay(election.cycleDate)} to ${isoDay(s.termEndAt)}.`,
        link: electionLink(election.id),
        dedupeKey: `election-elected:${s.id}`,
      },
      at,
    );
  }
  for (const o of election.officers) {
    await notify(
      {
        userId: o.userId,
        kind: "election.approved",
        title: `The TOC approved ${election.title}`,
        body: "Publish the result when ready.",
        link: `${electionLink(election.id)}/results`,
        dedupeKey: `election-approved:${election.id}:${o.userId}`,
      },
      at,
    );
  }
  return { phase: "approved" as const, seats: seats.map((s) => s.id) };
}

/** A TOC member sends a tallied result back to the officers (tallied -> closed), with a reason. */
export async function sendBackElection(actor: Actor | null, input: SendBackInput) {
  const { actor: a, election } = await requireTocNotCandidate(actor, input.electionId, "election.approve");
  const at = await now();
  await db.$transaction(async (tx) => {
    const done = await tx.election.updateMany({
      where: { id: election.id, phase: "tallied" },
      data: { phase: "closed", sentBackReason: input.reason, updatedAt: at },
    });
    if (done.count !== 1)
      throw new AppError("CONFLICT", "This result was already decided (or is not ready for a decision).");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "election.send-back",
      subjectType: "Election",
      subjectId: election.id,
      tagId: election.tagId,
      before: { phase: "tallied" },
      after: { phase: "closed", reason: input.reason },
    });
  });
  for (const o of election.officers) {
    await notify(
      {
        userId: o.userId,
        kind: "election.sent-back",
        title: `The TOC sent back ${election.title}`,
        body: input.reason,
        link: electionLink(election.id),
        dedupeKey: `election-sent-back:${election.id}:${at.getTime()}:${o.userId}`,
      },
      at,
    );
  }
  return { phase: "closed" as const };
}

/** An officer or a TOC member publishes an approved result (approved -> published). */
export async function publishElection(actor: Actor | null, input: ElectionRefInput) {
  const byToc = can(actor, "election.approve");
  const toc = byToc ? await loadElection(input.electionId) : null;
  if (byToc && !toc) throw new AppError("NOT_FOUND", "That election does not exist.");
  const { actor: a, election: e } = toc
    ? { actor: actor!, election: toc }
    : await requireOfficer(actor, input.electionId);
  const at = await now();
  await db.$transaction(async (tx) => {
    const done = await tx.election.updateMany({
      where: { id: e.id, phase: "approved" },
      data: { phase: "published", publishedAt: at, updatedAt: at },
    });
    if (done.count !== 1)
      throw new AppError(
        "CONFLICT",
        e.phase === "published" ? "Already published." : "Only an approved result can be published.",
      );
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "election.publish",
      subjectType: "Election",
      subjectId: e.id,
      tagId: e.tagId,
      before: { phase: "approved" },
      after: { phase: "published" },
    });
  });
  const voters = await db.electionParticipation.findMany({ where: { electionId: e.id }, select: { userId: true } });
  const candidates = await db.nomination.findMany({ where: { electionId: e.id }, select: { userId: true } });
  for (const userId of new Set([...voters.map((v) => v.userId), ...candidates.map((c) => c.userId)])) {
    await notify(
      {
        userId,
        kind: "election.published",
        title: `Results published: ${e.title}`,
        body: "See the winners, the published files, and check your receipt.",
        link: `${electionLink(e.id)}/results`,
        dedupeKey: `election-published:${e.id}:${userId}`,
      },
      at,
    );
  }
  return { phase: "published" as const };
}

/**
 * An officer offers a vacated elected seat to the next runner-up of the election that filled it:
 * a pending seat for the rest of the term, which the TOC approves as any tech-lead change.
 */
export async function offerVacancy(actor: Actor | null, input: OfferVacancyInput) {
  const { actor: a, election } = await requireOfficer(actor, input.electionId);
  const at = await now();
  if (!["approved", "published"].includes(election.phase))
    throw new AppError("CONFLICT", "Vacancies are offered once the result is approved.");
  const offerLink = `${electionLink(election.id)}#vacancy-${input.assignmentId}`;
  return db.$transaction(async (tx) => {
    await lockRole(tx, election.roleKey);
    await lockAssignment(tx, input.assignmentId);
    const seat = await tx.roleAssignment.findUnique({ where: { id: input.assignmentId } });
    if (!seat || seat.electionId !== election.id)
      throw new AppError("NOT_FOUND", "That seat was not filled by this election.");
    if (
      !["ended", "emeritus"].includes(seat.status) ||
      !seat.termEndAt ||
      (seat.endedAt && seat.endedAt >= seat.termEndAt)
    ) {
      throw new AppError("CONFLICT", "That seat is not vacant before the end of its term.");
    }
    if (await tx.roleAssignment.count({ where: { decisionLink: offerLink } }))
      throw new AppError("CONFLICT", "This vacancy was already offered.");
    const taken = await tx.roleAssignment.findMany({
      where: {
        OR: [
          { electionId: election.id },
          { roleDefinition: { roleKey: election.roleKey }, status: { in: [...SEAT_TAKEN_STATUSES] } },
        ],
      },
      select: { userId: true },
    });
    const takenIds = new Set(taken.map((t) => t.userId));
    const next = election.runnersUp.find((u) => !takenIds.has(u));
    if (!next) throw new AppError("CONFLICT", "No runner-up is left: the seat waits for the next election.");
    const user = await tx.user.findUniqueOrThrow({
      where: { id: next },
      select: { id: true, region: true, login: true, employer: true },
    });
    // The one appointment path: pending until the TOC approves it by vote, within the role's seat rules.
    const offered = await giveSeatForDecision(tx, {
      roleKey: election.roleKey,
      tagId: election.tagId,
      person: user,
      by: a.id,
      at,
      obtainedBy: "elected",
      status: "pending",
      startAt: at,
      termEndAt: seat.termEndAt,
      decisionLink: offerLink,
      electionId: election.id,
      audit: { after: { electionId: election.id, vacated: seat.id } },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "election.offer-vacancy",
      subjectType: "RoleAssignment",
      subjectId: offered.id,
      tagId: election.tagId,
      after: {
        electionId: election.id,
        vacated: seat.id,
        offeredTo: user.login,
        status: "pending",
        termEndAt: seat.termEndAt.toISOString(),
      },
    });
    await notify(
      {
        userId: next,
        kind: "election.vacancy",
        title: `You are offered a seat from ${election.title}`,
        body: "As the next runner-up, you are offered a vacated seat; the TOC confirms it.",
        link: electionLink(election.id),
        dedupeKey: `election-vacancy:${offered.id}`,
      },
      at,
    );
    return { assignmentId: offered.id, userId: next };
  });
}
