import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { notifyTagChannel } from "@/lib/slack/notify";
import { can, type Actor } from "@/lib/auth/permissions";
import { notify, type NotificationInput } from "@/lib/notify/send";
import { openDecisionAt } from "@/lib/decisions/open";
import { giveSeat } from "@/lib/roles/appointments";
import { lockRole } from "@/lib/roles/seats";
import { orderByLot, type Outcome } from "./tally/index.ts";
import { electionLink, loadElection, requireOfficer } from "./context";
import { runnersUpOf } from "./count";
import type { ElectionRefInput } from "./schemas";
import { addMonths, isoDay, SEAT_TAKEN_STATUSES } from "@/lib/vocabulary";

/** The stored result.json, parsed (the CLI's --json shape). */
export async function storedOutcome(electionId: string): Promise<(Outcome & { seed: string }) | null> {
  const a = await db.electionArtifact.findUnique({
    where: { electionId_name: { electionId, name: "result.json" } },
    select: { content: true },
  });
  return a ? (JSON.parse(a.content) as Outcome & { seed: string }) : null;
}

/**
 * The tally's result in words, frozen on the TOC decision when the count is done (a re-count makes
 * a new decision): winners in seat order, every tie and how the lot ordered it, the lot's seed.
 */
export function resultInWords(outcome: Outcome & { seed: string }): string {
  const at = (names: readonly string[]) => names.map((n) => `@${n}`).join(", ");
  const lines = [
    outcome.winners.length
      ? `Winners, in seat order: ${at(outcome.winners)}.`
      : "No seat was filled: nobody reached a seat.",
  ];
  for (const x of outcome.excluded)
    lines.push(
      x.reason === "withdrawn"
        ? `Withdrew during voting, so the count passed over them: @${x.name}.`
        : `Passed over by the constraints: @${x.name} (${x.reason}).`,
    );
  for (const u of outcome.unmet) lines.push(`Regional minimum not met: ${u.region} is ${u.missing} short.`);
  if (outcome.ties.length === 0) lines.push("No tie had to be broken: no lot was drawn.");
  for (const t of outcome.ties)
    lines.push(`Tie between ${at(t.names)}${t.stage ? ` at stage ${t.stage}` : ""}, broken by lot: ${at(t.order)}.`);
  if (outcome.ties.length)
    lines.push(`The lot's seed (anyone re-counting the published files draws the same lot): ${outcome.seed}.`);
  return lines.join("\n");
}

/**
 * Opens the TOC's decision on a counted result, inside the count's transaction: the candidates are
 * recused (a TOC member who stood does not decide), and the decision carries the result in words.
 */
export async function openResultDecision(
  tx: Tx,
  e: { id: string; tagId: string; title: string },
  outcome: Outcome & { seed: string },
  by: { actorId: string | null; at: Date },
) {
  const candidates = await tx.nomination.findMany({ where: { electionId: e.id }, select: { userId: true } });
  return openDecisionAt(tx, {
    kind: "election-result",
    tagId: e.tagId,
    subjectId: e.id,
    subjectUserIds: candidates.map((c) => c.userId),
    title: `Approve the result of ${e.title}`,
    body: resultInWords(outcome),
    link: `${electionLink(e.id)}/results`,
    openedById: by.actorId,
    at: by.at,
  });
}

/**
 * The TOC approved a tallied result by vote (lib/decision-outcomes/effects.ts, inside the decision's
 * transaction): the phase moves to approved (compare-and-swap: a result is seated once) and the
 * roster changes. Winners take active seats through the one appointment path (terms from the role,
 * starting on the cycle date; on a TAG's first election half the winners, the later half in seat
 * order, get half-length terms to start the stagger), the seats whose terms end by the cycle date
 * close, and the runners-up are kept in order. A seat rule that refuses a winner throws, and the
 * decision says the approval could not take effect.
 */
export async function seatElectionResult(tx: Tx, electionId: string, ctx: { at: Date; actorId: string | null }) {
  const { at, actorId } = ctx;
  const election = await tx.election.findUnique({
    where: { id: electionId },
    include: { officers: { select: { userId: true } } },
  });
  const outcome = await storedOutcome(electionId);
  const result = (election?.result ?? {}) as { nominations?: Record<string, string> };
  if (!election || !outcome || !result.nominations)
    return { applied: "Nothing changed: the election has no count to seat.", notices: [] };
  const nominations = await tx.nomination.findMany({
    where: { electionId: election.id },
    select: { id: true, userId: true, region: true },
  });
  const byName = (name: string) => nominations.find((n) => n.id === result.nominations![name]);
  const role = await tx.roleDefinition.findFirst({
    where: { tagId: election.tagId, roleKey: election.roleKey, supersededAt: null },
    orderBy: { version: "desc" },
  });
  if (!role) throw new AppError("CONFLICT", "The role this election fills no longer exists.");
  const termMonths = role.termMonths ?? 24;
  const winners = outcome.winners.map((name) => byName(name)!).filter(Boolean);
  const runnersUp = runnersUpOf(outcome, (names) => orderByLot(outcome.seed, names))
    .map((name) => byName(name)?.userId)
    .filter((u): u is string => !!u);

  const done = await tx.election.updateMany({
    where: { id: election.id, phase: "tallied" },
    data: { phase: "approved", approvedById: actorId, approvedAt: at, runnersUp, updatedAt: at },
  });
  if (done.count !== 1) return { applied: "Nothing changed: the result is no longer awaiting the TOC.", notices: [] };
  await notifyTagChannel(tx, election.tagId, { kind: "election.phase", electionId, phase: "approved" }, at);
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
      by: actorId,
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
    actorId,
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
  const notices: NotificationInput[] = [
    ...created.map((s) => ({
      userId: s.userId,
      kind: "election.elected",
      title: `You were elected: ${election.title}`,
      body: `Your term runs from ${isoDay(election.cycleDate)} to ${isoDay(s.termEndAt)}.`,
      link: electionLink(election.id),
      dedupeKey: `election-elected:${s.id}`,
    })),
    ...election.officers.map((o) => ({
      userId: o.userId,
      kind: "election.approved",
      title: `The TOC approved ${election.title}`,
      body: "Publish the result when ready.",
      link: `${electionLink(election.id)}/results`,
      dedupeKey: `election-approved:${election.id}:${o.userId}`,
    })),
  ];
  const seated = outcome.winners.map((n) => `@${n}`).join(", ");
  return { applied: created.length ? `Seated: ${seated}.` : "No seat was filled.", notices };
}

/**
 * The TOC did not approve a tallied result (tallied -> closed): the roster is unchanged and the
 * officers are told; they may re-count (a new decision opens) or rerun the election.
 */
export async function sendBackElectionResult(tx: Tx, electionId: string, ctx: { at: Date; actorId: string | null }) {
  const { at, actorId } = ctx;
  const reason = "The TOC did not approve the result.";
  const done = await tx.election.updateMany({
    where: { id: electionId, phase: "tallied" },
    data: { phase: "closed", sentBackReason: reason, updatedAt: at },
  });
  if (done.count !== 1) return { applied: "Nothing changed: the result is no longer awaiting the TOC.", notices: [] };
  const e = await tx.election.findUniqueOrThrow({
    where: { id: electionId },
    select: { tagId: true, title: true, officers: { select: { userId: true } } },
  });
  await recordAudit(tx, {
    at,
    actorId,
    action: "election.send-back",
    subjectType: "Election",
    subjectId: electionId,
    tagId: e.tagId,
    before: { phase: "tallied" },
    after: { phase: "closed", reason },
  });
  return {
    applied: "The roster is unchanged; the officers may re-count or rerun the election.",
    notices: e.officers.map((o) => ({
      userId: o.userId,
      kind: "election.sent-back",
      title: `The TOC did not approve ${e.title}`,
      body: "Re-count it (a new TOC vote opens) or rerun the election.",
      link: electionLink(electionId),
      dedupeKey: `election-sent-back:${electionId}:${at.getTime()}:${o.userId}`,
    })),
  };
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
    await notifyTagChannel(tx, e.tagId, { kind: "election.result", electionId: e.id }, at);
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
