import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { recordRefusal } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/permissions";
import { consumeRateLimit } from "@/lib/rate-limit";
import { loadElection, lockElection, receiptHashOf, requireSignedIn } from "./context";
import type { CastBallotInput, CheckReceiptInput, ReplaceBallotInput } from "./schemas";

/**
 * Ballots (docs/security.md, "Ballot design"). Casting writes a participation row (who voted) and a
 * ballot row (what, with no user, time or serial) in one transaction; the voter gets a receipt
 * that only its SHA-256 (salted with the election id) is kept of. Nothing here logs or audits a
 * ballot's content or a receipt.
 */

/** Per person: casting, replacing and receipt checks (docs/security.md, "Rate limits"). */
export const VOTE_LIMIT = { limit: 20, windowMs: 10_000 };

/** Holds the election (shared lock) while a ballot is written; refuses outside the voting window. */
async function lockVoting(tx: Tx, electionId: string, at: Date): Promise<void> {
  const { phase, votingCloseAt } = await lockElection(tx, electionId, "share");
  if (phase === "voting" && at < votingCloseAt) return;
  if (phase === "draft" || phase === "nominations") throw new AppError("CONFLICT", "Voting has not opened yet.");
  throw new AppError("CONFLICT", "Voting has closed; ballots can no longer be cast or replaced.");
}

/** Checks a ranking against the election's candidates: known, active, each once; ties only for Schulze. */
async function checkRanking(
  tx: Tx,
  election: { id: string; method: string },
  ranking: string[][],
): Promise<string[][]> {
  const ids = ranking.flat();
  if (new Set(ids).size !== ids.length)
    throw new AppError("INVALID", "A candidate appears more than once on the ballot.", {
      ranking: ["Rank each candidate at most once"],
    });
  if (election.method === "stv" && ranking.some((level) => level.length > 1)) {
    throw new AppError("INVALID", "This election counts by STV: rank candidates one per place, without ties.", {
      ranking: ["No ties in an STV ballot"],
    });
  }
  const found = await tx.nomination.findMany({
    where: { electionId: election.id, id: { in: ids } },
    select: { id: true, status: true },
  });
  for (const id of ids) {
    const n = found.find((f) => f.id === id);
    if (!n)
      throw new AppError("INVALID", "The ballot names someone who is not a candidate in this election.", {
        ranking: ["Unknown candidate"],
      });
    if (n.status !== "active")
      throw new AppError("INVALID", "The ballot names a candidate who is no longer standing.", {
        ranking: ["Withdrawn candidate"],
      });
  }
  return ranking.map((level) => [...level]);
}

async function refuse(actor: Actor, election: { id: string; tagId: string }, reason: string, at: Date) {
  await recordRefusal(db, {
    at,
    actorId: actor.id,
    action: "election.vote",
    subjectType: "Election",
    subjectId: election.id,
    tagId: election.tagId,
    reason,
  });
}

/** The signed-in voter, within the voting rate limit, and the election they vote in. */
async function voterOn(actor: Actor | null, electionId: string) {
  const a = requireSignedIn(actor);
  const at = await now();
  await consumeRateLimit(`vote:${a.id}`, VOTE_LIMIT.limit, VOTE_LIMIT.windowMs, at);
  const election = await loadElection(electionId);
  if (!election) throw new AppError("NOT_FOUND", "That election does not exist.");
  return { a, at, election };
}

/**
 * Casts the signed-in voter's ballot; returns the receipt (shown once, never stored). A second
 * ballot from the same voter fails on the participation row's primary key: exactly one counts,
 * however many arrive at once.
 */
export async function castBallot(actor: Actor | null, input: CastBallotInput): Promise<{ receipt: string }> {
  const { a, at, election } = await voterOn(actor, input.electionId);
  const receipt = randomBytes(16).toString("hex");
  const receiptHash = receiptHashOf(election.id, receipt);
  let refusal: string | null = null;
  try {
    await db.$transaction(async (tx) => {
      await lockVoting(tx, election.id, at);
      const onRoll = await tx.electionVoter.findUnique({
        where: { electionId_userId: { electionId: election.id, userId: a.id } },
        select: { userId: true },
      });
      if (!onRoll) {
        refusal = "not on the voter roll";
        throw new AppError(
          "FORBIDDEN",
          "You are not eligible to vote in this election. You can ask the officers for an exception.",
        );
      }
      const choices = await checkRanking(tx, election, input.ranking);
      try {
        await tx.electionParticipation.create({ data: { electionId: election.id, userId: a.id } });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new AppError(
            "CONFLICT",
            "You have already voted. To change your ballot, replace it with your receipt.",
          );
        throw e;
      }
      await tx.ballot.create({ data: { electionId: election.id, choices, receiptHash } });
    });
  } catch (e) {
    if (refusal) await refuse(a, election, refusal, at);
    throw e;
  }
  return { receipt };
}

/**
 * Replaces a ballot before close. The receipt finds the ballot (the server never knows whose it
 * is); the caller must have voted in this election.
 */
export async function replaceBallot(actor: Actor | null, input: ReplaceBallotInput): Promise<{ replaced: true }> {
  const { a, at, election } = await voterOn(actor, input.electionId);
  const receiptHash = receiptHashOf(election.id, input.receipt);
  await db.$transaction(async (tx) => {
    await lockVoting(tx, election.id, at);
    const voted = await tx.electionParticipation.findUnique({
      where: { electionId_userId: { electionId: election.id, userId: a.id } },
      select: { userId: true },
    });
    if (!voted) throw new AppError("CONFLICT", "You have not voted in this election yet: cast a ballot instead.");
    const choices = await checkRanking(tx, election, input.ranking);
    const updated = await tx.ballot.updateMany({ where: { electionId: election.id, receiptHash }, data: { choices } });
    if (updated.count !== 1)
      throw new AppError("NOT_FOUND", "No ballot matches that receipt. Check it and try again.", {
        receipt: ["No ballot with this receipt"],
      });
  });
  return { replaced: true };
}

/**
 * Found / not found for a receipt, once results are published (docs/security.md, "Ballot design":
 * receipts). When the election publishes its ballots, also which entry of ballots.json (sorted by
 * receipt hash, counted from 1) carries the receipt's hash, so the voter can find it there; never
 * the ranking itself, which would let a receipt prove how someone voted.
 */
export async function checkReceipt(
  actor: Actor | null,
  input: CheckReceiptInput,
): Promise<{ found: boolean; ballotsJson?: { entry: number; receiptHash: string } }> {
  // Signed in, as the page's form is: the rate limit counts per person, and one shared count for
  // everyone signed out would let one guesser lock every voter out.
  const a = requireSignedIn(actor);
  const at = await now();
  await consumeRateLimit(`receipt:${a.id}`, VOTE_LIMIT.limit, VOTE_LIMIT.windowMs, at);
  const election = await db.election.findUnique({ where: { id: input.electionId }, select: { id: true, phase: true } });
  if (!election) throw new AppError("NOT_FOUND", "That election does not exist.");
  if (election.phase !== "published")
    throw new AppError("CONFLICT", "Receipts can be checked once the results are published.");
  const receiptHash = receiptHashOf(election.id, input.receipt);
  const n = await db.ballot.count({ where: { electionId: election.id, receiptHash } });
  if (n !== 1) return { found: false };
  const published = await db.electionArtifact.count({ where: { electionId: election.id, name: "ballots.json" } });
  if (!published) return { found: true };
  // ballots.json lists the ballots by receipt hash (lower-case hex, so byte order is text order).
  const before = await db.ballot.count({ where: { electionId: election.id, receiptHash: { lt: receiptHash } } });
  return { found: true, ballotsJson: { entry: before + 1, receiptHash } };
}
