// Not server-only, relative imports: the tags.yaml import (a tsx script) gives seats through here too.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { recordAudit } from "../audit/record.ts";
import type { AuditInput } from "../audit/record.ts";
import { addMonths, type Region } from "../vocabulary/index.ts";
import { checkSeat } from "./seat-rules.ts";
import { loadHolders, lockRole, needsTocApproval, rulesOf } from "./seats.ts";

/** Who gets a seat: a person of the portal (identity is their GitHub id; the login is for messages). */
export interface SeatPerson {
  id: string;
  login: string;
  region: Region | null;
  employer: string | null;
}

export interface SeatRequest {
  /** The role (any version's key): the seat takes its current version. */
  roleKey: string;
  tagId: string;
  person: SeatPerson;
  /** Who gives the seat (null: a script, or the TOC's own record). */
  by: string | null;
  at: Date;
  obtainedBy: "appointed" | "elected" | "imported";
  /** `auto`: pending when the role needs the TOC, else active. Election results and the TOC's record are `active`. */
  status?: "auto" | "active" | "pending";
  startAt?: Date | null;
  termEndAt?: Date | null;
  decisionLink?: string | null;
  electionId?: string | null;
  subprojectId?: string | null;
  /** The version the form showed: a different current version means the rules changed meanwhile. */
  expectVersionId?: string;
  /** `report`: a breach of the seat rules is returned and the seat still given (the TOC's own record). */
  rules?: "enforce" | "report";
  audit?: { action?: AuditInput["action"]; after?: Record<string, Prisma.InputJsonValue | null> };
}

const defSelect = {
  id: true,
  tagId: true,
  roleKey: true,
  name: true,
  kind: true,
  termMonths: true,
  needsTocApproval: true,
  totalSeats: true,
  maxPerRegion: true,
  minPerRegion: true,
  maxPerEmployer: true,
  retiredAt: true,
  tag: { select: { leaveCountsTowardCaps: true } },
} as const;

/** The current version of a role in a TAG (a role key of another TAG matches nothing). */
export function currentVersion(tx: Tx | Pick<Tx, "roleDefinition">, tagId: string, roleKey: string) {
  return tx.roleDefinition.findFirst({ where: { tagId, roleKey, supersededAt: null }, select: defSelect });
}

/**
 * The one way a seat is given: the appointment form, the tags.yaml import, election results and
 * vacancy offers all come here. Inside the caller's transaction, with the role locked: the role
 * must exist and not be retired, nobody appoints themselves, a person holds one seat of a role
 * (per subproject), and the seat rules (total, regional and employer caps, regional minimums)
 * hold against the role's seats as they are now, pending ones included. Audited.
 */
export async function giveSeat(tx: Tx, req: SeatRequest) {
  await lockRole(tx, req.roleKey);
  const def = await currentVersion(tx, req.tagId, req.roleKey);
  if (!def) throw new AppError("NOT_FOUND", "That role does not exist in this TAG.");
  if (req.expectVersionId && req.expectVersionId !== def.id)
    throw new AppError("CONFLICT", "The role's rules changed since you opened the page. Reload and try again.");
  if (def.retiredAt) throw new AppError("CONFLICT", `${def.name} is retired: it takes no new seats.`);
  if (req.by !== null && req.by === req.person.id && req.obtainedBy !== "elected")
    throw new AppError("FORBIDDEN", "Nobody appoints themselves.");
  const holders = await loadHolders(tx, def.roleKey, req.at);
  const same = await tx.roleAssignment.count({
    where: {
      roleDefinition: { roleKey: def.roleKey },
      userId: req.person.id,
      status: { in: ["pending", "active", "on_leave"] },
      subprojectId: req.subprojectId ?? null,
    },
  });
  if (same > 0) throw new AppError("CONFLICT", `@${req.person.login} already holds or awaits a seat in ${def.name}.`);
  const decision = checkSeat(
    rulesOf(def),
    holders,
    { who: `@${req.person.login}`, region: req.person.region, employer: req.person.employer },
    def.tag.leaveCountsTowardCaps,
  );
  const breaches = decision.allowed ? [] : [decision.reason];
  if (!decision.allowed && req.rules !== "report") throw new AppError("CONFLICT", decision.reason);
  const pending = (req.status ?? "auto") === "auto" ? needsTocApproval(def.kind, def) : req.status === "pending";
  const startAt = req.startAt !== undefined ? req.startAt : pending ? null : req.at;
  const termEndAt =
    req.termEndAt !== undefined ? req.termEndAt : def.termMonths ? addMonths(startAt ?? req.at, def.termMonths) : null;
  if (startAt && termEndAt && termEndAt <= startAt)
    throw new AppError("INVALID", "The term ends before it starts.", { termEndAt: ["The term ends before it starts"] });
  const seat = await tx.roleAssignment.create({
    data: {
      tagId: def.tagId,
      userId: req.person.id,
      kind: def.kind,
      status: pending ? "pending" : "active",
      regionAtStart: req.person.region,
      startAt,
      termEndAt,
      decisionLink: req.decisionLink ?? null,
      requestedById: req.by,
      requestedAt: req.at,
      ...(pending ? {} : { decidedById: req.by, decidedAt: req.at }),
      roleDefinitionId: def.id,
      obtainedBy: req.obtainedBy,
      electionId: req.electionId ?? null,
      subprojectId: req.subprojectId ?? null,
    },
    select: { id: true, status: true, termEndAt: true },
  });
  await recordAudit(tx, {
    at: req.at,
    actorId: req.by,
    action: req.audit?.action ?? "roster.appoint",
    subjectType: "RoleAssignment",
    subjectId: seat.id,
    tagId: def.tagId,
    after: {
      userId: req.person.id,
      login: req.person.login,
      role: def.name,
      roleKey: def.roleKey,
      roleDefinitionId: def.id,
      kind: def.kind,
      status: seat.status,
      obtainedBy: req.obtainedBy,
      termEndAt: termEndAt?.toISOString() ?? null,
      decisionLink: req.decisionLink ?? null,
      ...(breaches.length ? { breaches } : {}),
      ...req.audit?.after,
    },
  });
  // A pending seat awaits a TOC vote: the portal's paths open it through giveSeatForDecision
  // (./seat-decisions.ts), which this file cannot import (the import scripts run it outside the server).
  return { id: seat.id, status: seat.status, termEndAt: seat.termEndAt, role: def, breaches };
}

/**
 * Makes a pending seat held (the TOC approved it). The rules are checked again against the seats
 * held now: another approval may have taken the last seat meanwhile. Compare-and-swap on `pending`.
 */
export async function activatePendingSeat(tx: Tx, seatId: string, by: { id: string | null; at: Date }) {
  const seat = await tx.roleAssignment.findUnique({
    where: { id: seatId },
    select: {
      id: true,
      status: true,
      tagId: true,
      startAt: true,
      userId: true,
      regionAtStart: true,
      user: { select: { login: true, region: true, employer: true } },
      roleDefinition: { select: { roleKey: true } },
    },
  });
  if (!seat || !seat.roleDefinition) throw new AppError("NOT_FOUND", "That seat does not exist.");
  await lockRole(tx, seat.roleDefinition.roleKey);
  const def = await currentVersion(tx, seat.tagId, seat.roleDefinition.roleKey);
  if (!def) throw new AppError("NOT_FOUND", "That role does not exist in this TAG.");
  const held = (await loadHolders(tx, def.roleKey, by.at)).filter((h) => !h.pending);
  const decision = checkSeat(
    rulesOf(def),
    held,
    {
      who: `@${seat.user.login}`,
      region: seat.regionAtStart ?? seat.user.region,
      employer: seat.user.employer,
    },
    def.tag.leaveCountsTowardCaps,
  );
  if (!decision.allowed)
    throw new AppError("CONFLICT", `This appointment cannot take its seat now: ${decision.reason}`);
  const { count } = await tx.roleAssignment.updateMany({
    where: { id: seat.id, status: "pending" },
    data: { status: "active", startAt: seat.startAt ?? by.at, decidedById: by.id, decidedAt: by.at },
  });
  if (count === 0) throw new AppError("CONFLICT", "This change was already decided.");
  return { id: seat.id, tagId: seat.tagId, userId: seat.userId };
}

/** A pending seat that will not be held: the TOC said no, or a lead cancelled it. */
export async function closePendingSeat(tx: Tx, seatId: string, by: { id: string | null; at: Date; reason: string }) {
  const { count } = await tx.roleAssignment.updateMany({
    where: { id: seatId, status: "pending" },
    data: { status: "rejected", decidedById: by.id, decidedAt: by.at, endReason: by.reason },
  });
  if (count === 0) throw new AppError("CONFLICT", "This change was already decided.");
}
