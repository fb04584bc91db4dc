import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { notifyTagChannel } from "@/lib/slack/notify";
import { AppError } from "@/lib/errors";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import { can, type Action, type Actor } from "@/lib/auth/permissions";
import { PHASES, type Phase, type SeatsByRegion } from "./schemas";
import { isSeatRegion, parseId } from "@/lib/vocabulary";

export const electionLink = (id: string) => `/elections/${id}`;

/** docs/security.md, "Ballot design": the database keeps sha256("<electionId>:<receipt>"), never the receipt. */
export function receiptHashOf(electionId: string, receipt: string): string {
  return createHash("sha256").update(`${electionId}:${receipt}`, "utf8").digest("hex");
}

/** The lifecycle in order; `cancelled` stands outside it (phaseIndex -1). */
export const PHASE_ORDER: readonly Phase[] = PHASES.filter((p) => p !== "cancelled");
export const phaseIndex = (p: string) => PHASE_ORDER.indexOf(p as Phase);

export async function loadElection(electionId: string, client: Tx = db) {
  const id = parseId(electionId);
  if (!id) return null;
  return client.election.findUnique({
    where: { id },
    include: { officers: { select: { userId: true } }, tag: { select: { id: true, slug: true, name: true } } },
  });
}
export type ElectionRow = NonNullable<Awaited<ReturnType<typeof loadElection>>>;

export function isOfficerOf(actor: Actor | null, election: { officers: { userId: string }[] }): boolean {
  return !!actor && election.officers.some((o) => o.userId === actor.id);
}

/** Loads an election and checks `action` against its stored TAG (a forged id of another TAG's fails). */
export async function requireOnElection(
  actor: Actor | null,
  action: Action,
  electionId: string,
): Promise<{ actor: Actor; election: ElectionRow }> {
  const election = await loadElection(electionId);
  const a = await requirePermission(actor, action, {
    subjectType: "Election",
    subjectId: electionId,
    tagId: election?.tagId ?? null,
  });
  if (!election) throw new AppError("NOT_FOUND", "That election does not exist.");
  return { actor: a, election };
}

/**
 * Officers run an election: the permission table's `election.run` in the election's TAG, and being
 * one of its officers (an admin may act on any election). A forged id of another TAG's election
 * fails the permission check, since it is made against the stored TAG.
 */
export async function requireOfficer(
  actor: Actor | null,
  electionId: string,
  action: Action = "election.run",
): Promise<{ actor: Actor; election: ElectionRow }> {
  const { actor: a, election } = await requireOnElection(actor, action, electionId);
  if (!can(a, "election.oversee") && !isOfficerOf(a, election)) {
    await refuseByGuard(
      a,
      action,
      { subjectType: "Election", subjectId: electionId, tagId: election.tagId },
      "Only this election's officers run it.",
    );
  }
  return { actor: a, election };
}

/** Requires a signed-in person (voting, nominating: eligibility is decided by the election's rules). */
export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return actor;
}

export function parseSeats(value: unknown): SeatsByRegion {
  const out: SeatsByRegion = {};
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (isSeatRegion(k) && typeof v === "number" && v > 0) out[k] = v;
    }
  }
  return out;
}

export const totalSeats = (s: SeatsByRegion) => Object.values(s).reduce<number>((a, b) => a + (b ?? 0), 0);

/** Locks the election row until the transaction ends (FOR UPDATE: phase changes, close; FOR SHARE: ballots). */
export async function lockElection(tx: Tx, electionId: string, mode: "update" | "share" = "update") {
  const rows =
    mode === "update"
      ? await tx.$queryRaw<
          { phase: string; votingCloseAt: Date }[]
        >`SELECT phase::text AS phase, "votingCloseAt" FROM "Election" WHERE id = ${electionId}::uuid FOR UPDATE`
      : await tx.$queryRaw<
          { phase: string; votingCloseAt: Date }[]
        >`SELECT phase::text AS phase, "votingCloseAt" FROM "Election" WHERE id = ${electionId}::uuid FOR SHARE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "That election does not exist.");
  return row;
}

/** Employers and regions compared as the tally compares them: trimmed, case-insensitive. */
export const normalizeEmployer = (e: string | null | undefined) => (e ?? "").trim().toLowerCase();

/**
 * Active nominations with the candidate's login, in the order the published files number them
 * (by login, case-insensitive); for the count, also those who withdrew during voting. Nomination has no relation to User, so logins are read apart.
 */
export async function candidatesOf(
  electionId: string,
  client: Tx = db,
  opts: { withdrawnDuringVoting?: boolean } = {},
) {
  const nominations = await client.nomination.findMany({
    where: {
      electionId,
      OR: [{ status: "active" }, ...(opts.withdrawnDuringVoting ? [{ withdrawnDuringVoting: true }] : [])],
    },
    select: { id: true, userId: true, region: true, employer: true, withdrawnDuringVoting: true },
  });
  const users = await client.user.findMany({
    where: { id: { in: nominations.map((n) => n.userId) } },
    select: { id: true, login: true },
  });
  const login = new Map(users.map((u) => [u.id, u.login]));
  return nominations
    .map((n) => ({ ...n, login: login.get(n.userId) ?? n.userId }))
    .sort((a, b) => {
      const x = a.login.toLowerCase();
      const y = b.login.toLowerCase();
      return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
    });
}

/** Who moves an election's phase: an officer with a reason, or the clock (no actor). */
export interface Mover {
  actorId?: string | null;
  reason?: string;
  at: Date;
}

/** The audit event of a phase move: who moved it and why, or that the clock did. */
export async function recordPhase(
  tx: Tx,
  m: Mover,
  e: { id: string; tagId: string },
  from: Phase,
  after: Record<string, Prisma.InputJsonValue>,
) {
  await notifyTagChannel(tx, e.tagId, { kind: "election.phase", electionId: e.id, phase: String(after.phase) }, m.at);
  return recordAudit(tx, {
    at: m.at,
    actorId: m.actorId ?? null,
    action: "election.phase",
    subjectType: "Election",
    subjectId: e.id,
    tagId: e.tagId,
    before: { phase: from },
    after: { ...after, ...(m.reason ? { reason: m.reason } : { by: "clock" }) },
  });
}
