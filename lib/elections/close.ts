import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { openResultDecision } from "./results";
import { recordAudit, recordRefusal } from "@/lib/audit/record";
import { notify } from "@/lib/notify/send";
import { notifyTagChannel } from "@/lib/slack/notify";
import { decisionLink } from "@/lib/decisions/decisions";
import { TallyInputError } from "./tally/index.ts";
import { candidatesOf, electionLink, lockElection, parseSeats, recordPhase, totalSeats } from "./context";
import { countElection } from "./count";
import { heldSeats } from "./elections";
import { ConstraintsSchema } from "./schemas";
import { compactBallots, oweCompaction } from "./compaction";

/**
 * docs/security.md, "At close": the ballot rows of the election are copied, in receipt-hash order, into
 * new rows written by this (the closing) transaction and the originals deleted, so no ballot row
 * keeps the transaction id of the transaction that cast it (which a participation row shares).
 */
async function rewriteBallots(tx: Tx, electionId: string): Promise<void> {
  await tx.$executeRaw`CREATE TEMP TABLE "BallotRewrite" ON COMMIT DROP AS SELECT "electionId", choices, "receiptHash" FROM "Ballot" WHERE "electionId" = ${electionId}::uuid`;
  await tx.$executeRaw`DELETE FROM "Ballot" WHERE "electionId" = ${electionId}::uuid`;
  await tx.$executeRaw`INSERT INTO "Ballot" (id, "electionId", choices, "receiptHash")
    SELECT gen_random_uuid(), "electionId", choices, "receiptHash" FROM "BallotRewrite" ORDER BY "receiptHash" COLLATE "C"`;
}

/**
 * Closes voting (from `voting`, or re-counts from `closed` after a send-back), rewrites the
 * ballots, checks that roll, participation and ballots agree, counts with the tally module, stores
 * the published files with their SHA-256 and moves the election to `tallied`. Called by the phase
 * sweep at votingCloseAt and by officers moving the phase.
 */
export async function closeAndCount(
  electionId: string,
  opts: { actorId?: string | null; reason?: string; at?: Date } = {},
): Promise<{ phase: "tallied"; winners: string[] }> {
  const at = opts.at ?? (await now());
  const counts = await db.$transaction(async (tx) => {
    const locked = await lockElection(tx, electionId, "update");
    const e = await tx.election.findUniqueOrThrow({ where: { id: electionId }, select: { tagId: true } });
    if (locked.phase === "voting") {
      await tx.election.update({ where: { id: electionId }, data: { phase: "closed", updatedAt: at } });
      await recordPhase(tx, { ...opts, at }, { id: electionId, tagId: e.tagId }, "voting", { phase: "closed" });
    } else if (locked.phase !== "closed") {
      throw new AppError("CONFLICT", "Only an election whose voting has closed can be counted.");
    }
    await rewriteBallots(tx, electionId);
    await oweCompaction(tx, at);
    const [eligible, participated, ballots, strays] = await Promise.all([
      tx.electionVoter.count({ where: { electionId } }),
      tx.electionParticipation.count({ where: { electionId } }),
      tx.ballot.count({ where: { electionId } }),
      tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "ElectionParticipation" p
        WHERE p."electionId" = ${electionId}::uuid
          AND NOT EXISTS (SELECT 1 FROM "ElectionVoter" v WHERE v."electionId" = p."electionId" AND v."userId" = p."userId")`,
    ]);
    await tx.election.update({
      where: { id: electionId },
      data: { eligibleCount: eligible, participationCount: participated, ballotCount: ballots },
    });
    return { tagId: e.tagId, eligible, participated, ballots, strays: Number(strays[0]?.n ?? 0) };
  });
  // Waits a few seconds for older snapshots, and two for the table's lock; if a snapshot or a
  // backup outlasts that, the count goes on and the compaction sweep removes the copies left once
  // it ends (lib/elections/compaction.ts).
  await compactBallots();
  // Only now is the close complete: until then the phase sweep closes this election again.
  await db.election.update({ where: { id: electionId }, data: { ballotsCompactedAt: at } });

  // The refused count and the count itself are recorded as the same event, one outcome or the other.
  const countEvent = {
    at,
    actorId: opts.actorId ?? null,
    action: "election.count" as const,
    subjectType: "Election",
    subjectId: electionId,
    tagId: counts.tagId,
  };
  if (counts.participated !== counts.ballots || counts.strays > 0 || counts.participated > counts.eligible) {
    await recordRefusal(db, {
      ...countEvent,
      reason: `counts disagree: ${counts.eligible} eligible, ${counts.participated} voted, ${counts.ballots} ballots, ${counts.strays} voters not on the roll`,
    });
    throw new AppError(
      "CONFLICT",
      "The counts of eligible voters, participations and ballots disagree; the result is not counted.",
    );
  }

  const election = await db.election.findUniqueOrThrow({ where: { id: electionId } });
  const nominations = await candidatesOf(electionId, db, { withdrawnDuringVoting: true });
  if (!nominations.some((n) => !n.withdrawnDuringVoting))
    throw new AppError("CONFLICT", "Nobody stood in this election: there is nothing to count.");
  const ballots = await db.$queryRaw<{ receiptHash: string; choices: string[][] }[]>`
    SELECT "receiptHash", choices FROM "Ballot" WHERE "electionId" = ${electionId}::uuid ORDER BY "receiptHash" COLLATE "C"`;
  const seats = parseSeats(election.seatsByRegion);
  const continuing = (await heldSeats(election.roleKey)).filter(
    (s) => !s.termEndAt || s.termEndAt > election.cycleDate,
  );
  const constraints = ConstraintsSchema.safeParse(election.constraints);
  let files;
  try {
    files = countElection({
      title: election.title,
      method: election.method,
      seats: totalSeats(seats),
      candidates: nominations.map((n) => ({
        id: n.id,
        name: n.login,
        employer: n.employer,
        region: n.region,
        withdrawn: n.withdrawnDuringVoting,
      })),
      ballots: ballots.map((b) => ({ receiptHash: b.receiptHash, ranking: b.choices })),
      sitting: continuing.map((s) => ({ employer: s.user.employer, region: s.region })),
      seatsByRegion: seats,
      constraints: constraints.success
        ? {
            ...(constraints.data.maxPerEmployer !== undefined
              ? { maxPerEmployer: constraints.data.maxPerEmployer }
              : {}),
            ...(constraints.data.maxPerRegion ? { maxPerRegion: definedOnly(constraints.data.maxPerRegion) } : {}),
            ...(constraints.data.minPerRegion ? { minPerRegion: definedOnly(constraints.data.minPerRegion) } : {}),
          }
        : {},
      publishBallots: election.publishBallots,
    });
  } catch (e) {
    if (e instanceof TallyInputError) throw new AppError("INVALID", `The count failed: ${e.message}`);
    throw e;
  }
  const nameToNomination = Object.fromEntries(files.names.map((name, i) => [name, nominations[i]!.id]));
  const decision = await db.$transaction(async (tx) => {
    const locked = await lockElection(tx, electionId, "update");
    if (locked.phase !== "closed") throw new AppError("CONFLICT", "The election moved on while it was being counted.");
    await tx.electionArtifact.deleteMany({ where: { electionId } });
    // A test election's ballots are discarded once counted: neither the rows nor their files stay.
    const kept = election.isTest ? files.files.filter((f) => !BALLOT_FILES.has(f.name)) : files.files;
    await tx.electionArtifact.createMany({
      data: kept.map((f) => ({ electionId, name: f.name, content: f.content, sha256: f.sha256 })),
    });
    if (election.isTest) {
      await tx.ballot.deleteMany({ where: { electionId } });
      await oweCompaction(tx, at);
    }
    await tx.election.update({
      where: { id: electionId },
      data: {
        phase: "tallied",
        sentBackReason: null,
        updatedAt: at,
        result: {
          seed: files.seed,
          seedSource: files.seedSource,
          winners: files.outcome.winners,
          nominations: nameToNomination,
          countedAt: at.toISOString(),
        },
      },
    });
    await recordAudit(tx, {
      ...countEvent,
      before: { phase: "closed" },
      after: {
        phase: "tallied",
        winners: files.outcome.winners,
        seed: files.seed,
        eligible: counts.eligible,
        voted: counts.participated,
        ballots: counts.ballots,
        artifacts: kept.map((f) => ({ name: f.name, sha256: f.sha256 })),
        ...(election.isTest ? { test: true, ballotsDiscarded: counts.ballots } : {}),
      },
    });
    await notifyTagChannel(tx, election.tagId, { kind: "election.phase", electionId, phase: "tallied" }, at);
    // A test seats nobody, so it never reaches the TOC.
    if (election.isTest) return null;
    // The result goes to the TOC as a decision, in the same transaction: no count waits without one.
    return openResultDecision(
      tx,
      election,
      { ...files.outcome, seed: files.seed },
      { actorId: opts.actorId ?? null, at },
    );
  });
  if (election.isTest) await compactBallots();
  await notifyTallied(electionId, decision?.id ?? null, election.title, at);
  return { phase: "tallied", winners: files.outcome.winners };
}

const BALLOT_FILES = new Set(["ballots.json", "ballots.blt"]);

function definedOnly(m: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(m).filter((e): e is [string, number] => e[1] !== undefined));
}

/** The election's officers and every TOC member: who hears about its count. */
async function officersAndToc(electionId: string): Promise<Set<string>> {
  const officers = await db.electionOfficer.findMany({ where: { electionId }, select: { userId: true } });
  const toc = await db.user.findMany({ where: { isTocMember: true }, select: { id: true } });
  return new Set([...officers.map((o) => o.userId), ...toc.map((t) => t.id)]);
}

/**
 * Officers and TOC members hear that a result awaits approval, with a link to the TOC's decision
 * on it; a test count (no decision) is told to the officers only, with a link to its results.
 */
async function notifyTallied(electionId: string, decisionId: string | null, title: string, at: Date) {
  const ids = decisionId
    ? await officersAndToc(electionId)
    : (await db.electionOfficer.findMany({ where: { electionId }, select: { userId: true } })).map((o) => o.userId);
  const counted = await db.election.findUniqueOrThrow({ where: { id: electionId }, select: { updatedAt: true } });
  for (const userId of ids) {
    await notify(
      {
        userId,
        kind: "election.tallied",
        title: decisionId
          ? `${title}: the count is ready for TOC approval`
          : `${title}: the test count is ready (ballots discarded; nothing goes to the TOC)`,
        link: decisionId ? decisionLink(decisionId) : `${electionLink(electionId)}/results`,
        dedupeKey: `election-tallied:${electionId}:${counted.updatedAt.getTime()}:${userId}`,
      },
      at,
    );
  }
}

/**
 * Officers and TOC members hear that the automatic close or count of an election failed: once
 * while closing keeps failing (the sweep retries it every run), and once for each different
 * reason a count fails. Only an AppError's own words are passed on, never anything from a ballot.
 */
export async function notifyCountFailed(electionId: string, error: unknown, at: Date): Promise<void> {
  const e = await db.election.findUnique({
    where: { id: electionId },
    select: { title: true, phase: true, ballotsCompactedAt: true },
  });
  if (!e || (e.phase !== "voting" && e.phase !== "closed")) return;
  const closing = e.ballotsCompactedAt === null;
  const reason = error instanceof AppError ? error.message : "an unexpected error (see the server log)";
  const body = closing
    ? `Voting closed, but the portal could not finish closing ${e.title}: ${reason} It tries again every minute; the count follows once closing completes.`
    : `The count of ${e.title} failed: ${reason} An officer can count again once the cause is fixed.`;
  const key = closing ? "close" : `count:${createHash("sha256").update(reason).digest("hex").slice(0, 16)}`;
  for (const userId of await officersAndToc(electionId)) {
    await notify(
      {
        userId,
        kind: "election.count-failed",
        title: `${e.title}: the automatic count failed`,
        body,
        link: electionLink(electionId),
        dedupeKey: `election-count-failed:${electionId}:${key}:${userId}`,
      },
      at,
    );
  }
}
