import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit, recordRefusal } from "@/lib/audit/record";
import { refuseByGuard, requirePermission, requireSeat } from "@/lib/auth/actor";
import type { Action, Actor } from "@/lib/auth/permissions";
import { activityFor } from "@/lib/contributions/activity";
import { notify } from "@/lib/notify/send";
import { findPersonByLogin } from "@/lib/people/resolve";
import type { PermissionSubject } from "@/lib/auth/actor";
import type {
  AppointLeaderInput,
  AppointToRoleInput,
  AssignmentChangeInput,
  CancelPendingInput,
  MoveToFellowInput,
  ResignInput,
} from "./schemas";
import { openSeatDecision } from "@/lib/decisions/decisions";
import type { SeatPerson } from "./appointments";
import { giveSeatForDecision, withdrawPendingSeat } from "./seat-decisions";
import { giveSeatByConsensus } from "./consensus";
import { leadSeatWhere } from "@/lib/auth/lead-seats";
import { EMERITUS_PREFIX, needsTocApproval, seatSummarySelect } from "./seats";
import { addMonths, formatDateTime, roleName, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";

/** A role version of any TAG, for the permission check (its TAG) and messages. */
function findDef(id: string) {
  return db.roleDefinition.findUnique({
    where: { id },
    select: {
      id: true,
      tagId: true,
      roleKey: true,
      name: true,
      kind: true,
      eligibilityMinRecords: true,
      eligibilityWindowMonths: true,
      tag: { select: { name: true, slug: true, leadershipModel: true } },
    },
  });
}
type Def = NonNullable<Awaited<ReturnType<typeof findDef>>>;

/** Eligibility from the role's rule (at least N records in the last M months), through activityFor. */
async function checkEligible(def: Def, person: SeatPerson, at: Date) {
  if (!def.eligibilityMinRecords || !def.eligibilityWindowMonths) return;
  const activity = await activityFor(person.id, def.tagId, {
    from: addMonths(at, -def.eligibilityWindowMonths),
    to: at,
  });
  if (activity.total < def.eligibilityMinRecords) {
    throw new AppError(
      "CONFLICT",
      `@${person.login} is not eligible: ${activity.total} of at least ${def.eligibilityMinRecords} contribution records in the last ${def.eligibilityWindowMonths} months.`,
    );
  }
}

/**
 * Tells the person what their new seat means: held now; pending a TOC vote; or, in a consensus
 * TAG, waiting out its objection window (whether the TOC votes after that depends on the role).
 */
async function notifyAppointed(seat: { status: string; closesAt?: Date }, def: Def, userId: string, at: Date) {
  await notify(
    {
      userId,
      kind: seat.status === "pending" ? "roster.appoint-pending" : "roster.appointed",
      title: seat.closesAt
        ? `You were proposed as ${def.name} of ${def.tag.name}; people active in the TAG may object until ${formatDateTime(seat.closesAt)}`
        : seat.status === "pending"
          ? `You were proposed as ${def.name} of ${def.tag.name}; the TOC will decide`
          : `You are now ${def.name} of ${def.tag.name}`,
      link: `/tags/${def.tag.slug}`,
    },
    at,
  );
}

/**
 * A lead of the role's TAG (or an admin) appoints someone into a role of the TAG, Chair and Tech
 * Lead included. Everything about the seat is decided by giveSeat (the one appointment path);
 * eligibility is checked here; nobody appoints themselves (refused and audited).
 */
export async function appointToRole(actor: Actor | null, input: AppointToRoleInput) {
  const def = await findDef(input.roleDefinitionId);
  const subject = { subjectType: "RoleDefinition", subjectId: input.roleDefinitionId, tagId: def?.tagId ?? null };
  const a = await requirePermission(actor, "roster.appoint", subject);
  if (!def) throw new AppError("NOT_FOUND", "That role does not exist.");
  return appointAs(a, def, input, subject);
}

/** The TAG's Chair or Tech Lead role (a forged TAG id matches nothing), for appointLeader. */
export async function appointByKind(actor: Actor | null, input: AppointLeaderInput) {
  const subject = { subjectType: "Tag", subjectId: input.tagId, tagId: input.tagId };
  const a = await requirePermission(actor, "roster.appoint", subject);
  const current = await db.roleDefinition.findFirst({
    where: { tagId: input.tagId, kind: input.kind, supersededAt: null, retiredAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const def = current ? await findDef(current.id) : null;
  if (!def) throw new AppError("NOT_FOUND", "That TAG does not exist.");
  return appointAs(a, def, input, subject, input.termMonths);
}

/** A refused appointment (a rule, eligibility) rolls back, and the attempt stays on record. */
async function refusalsAudited<T>(a: Actor, subject: PermissionSubject, at: Date, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError && e.code !== "FORBIDDEN")
      await recordRefusal(db, {
        at,
        actorId: a.id,
        action: "roster.appoint",
        subjectType: subject.subjectType,
        subjectId: subject.subjectId ?? null,
        tagId: subject.tagId ?? null,
        reason: e.message,
      });
    throw e;
  }
}

async function appointAs(
  a: Actor,
  def: Def,
  input: { login: string; decisionLink?: string },
  subject: PermissionSubject,
  termMonths?: number,
) {
  const person = await findPersonByLogin(input.login, "login");
  if (person.id === a.id) await refuseByGuard(a, "roster.appoint", subject, "Nobody appoints themselves.");
  const at = await now();
  const consensus = def.tag.leadershipModel === "consensus";
  if (consensus && !input.decisionLink)
    throw new AppError("INVALID", "A consensus appointment links the meeting notes that record the decision.", {
      decisionLink: ["Link the meeting notes that record the decision"],
    });
  const seat = await refusalsAudited(a, subject, at, async () => {
    await checkEligible(def, person, at);
    const req = {
      roleKey: def.roleKey,
      tagId: def.tagId,
      person,
      by: a.id,
      at,
      obtainedBy: "appointed" as const,
      expectVersionId: def.id,
      decisionLink: input.decisionLink ?? null,
      ...(termMonths ? { termEndAt: addMonths(at, termMonths) } : {}),
      audit: { after: { githubId: String(person.githubId) } },
    };
    // A consensus TAG's appointment waits out its objection window before any TOC step (./consensus.ts).
    return db.$transaction((tx) =>
      consensus && input.decisionLink
        ? giveSeatByConsensus(tx, { ...req, decisionLink: input.decisionLink })
        : giveSeatForDecision(tx, req),
    );
  });
  await notifyAppointed(seat, def, person.id, at);
  // A consensus appointment says until when it is open to objections (its form says so).
  return { id: seat.id, status: seat.status, objectionsUntil: "closesAt" in seat ? seat.closesAt : null };
}

const seatSelect = {
  id: true,
  tagId: true,
  userId: true,
  kind: true,
  status: true,
  termEndAt: true,
  endRequestedAt: true,
  roleDefinition: { select: { name: true, termMonths: true, needsTocApproval: true } },
} as const;

/**
 * Checks a loaded seat before someone changes it: `action` allows the actor in its TAG, it is held
 * (active or on leave), and it is not the actor's own (`refusal.own` says why, audited as refused).
 */
export async function requireHeldSeat<T extends { tagId: string; userId: string; status: string }>(
  actor: Actor | null,
  action: Action,
  assignmentId: string,
  found: T | null,
  refusal: { own: string; notHeld: string },
) {
  const { a, row: seat, subject } = await requireSeat(actor, action, assignmentId, found);
  if (seat.userId === a.id) await refuseByGuard(a, action, subject, refusal.own);
  if (seat.status !== "active" && seat.status !== "on_leave") throw new AppError("CONFLICT", refusal.notHeld);
  return { a, seat };
}

/** Loads a seat and checks the actor may change it (lead of its TAG or admin), and that it is not their own. */
async function seatForChange(actor: Actor | null, assignmentId: string, what: string) {
  const found = await db.roleAssignment.findUnique({ where: { id: assignmentId }, select: seatSelect });
  return requireHeldSeat(actor, "roster.appoint", assignmentId, found, {
    own: `Nobody ${what} themselves.`,
    notHeld: "Only a held seat can be changed.",
  });
}

/**
 * Files a request to end a held seat (to `emeritus`, or plainly) and opens the TOC vote on it;
 * refused while another end request of the seat waits.
 */
export async function requestSeatEnd(
  tx: Tx,
  a: Actor,
  seat: { id: string; tagId: string },
  reason: string,
  at: Date,
  to: "ended" | "emeritus" = "ended",
) {
  const { count } = await tx.roleAssignment.updateMany({
    where: { id: seat.id, status: { in: [...SITTING_SEAT_STATUSES] }, endRequestedAt: null },
    data: {
      endRequestedById: a.id,
      endRequestedAt: at,
      endReason: to === "emeritus" ? `${EMERITUS_PREFIX}${reason}` : reason,
    },
  });
  if (count === 0) throw new AppError("CONFLICT", "An end of this seat is already awaiting approval.");
  await recordAudit(tx, {
    at,
    actorId: a.id,
    action: "roster.end-request",
    subjectType: "RoleAssignment",
    subjectId: seat.id,
    tagId: seat.tagId,
    after: { reason, to },
  });
  await openSeatDecision(tx, { kind: "seat-end", assignmentId: seat.id, openedById: a.id, body: reason });
}

/** Ends a seat now (roles without TOC approval) or files an end request the TOC decides. */
async function endInTx(
  tx: Tx,
  a: Actor,
  seat: Awaited<ReturnType<typeof seatForChange>>["seat"],
  to: "ended" | "emeritus",
  reason: string,
  at: Date,
) {
  if (needsTocApproval(seat.kind, seat.roleDefinition)) {
    await requestSeatEnd(tx, a, seat, reason, at, to);
    return "pending" as const;
  }
  const { count } = await tx.roleAssignment.updateMany({
    where: { id: seat.id, status: { in: [...SITTING_SEAT_STATUSES] } },
    data: { status: to, endedAt: at, endReason: reason, decidedById: a.id, decidedAt: at },
  });
  if (count === 0) throw new AppError("CONFLICT", "This seat was just changed by someone else.");
  await recordAudit(tx, {
    at,
    actorId: a.id,
    action: to === "emeritus" ? "roster.emeritus" : "roster.end",
    subjectType: "RoleAssignment",
    subjectId: seat.id,
    tagId: seat.tagId,
    before: { status: seat.status },
    after: { status: to, reason },
  });
  return to;
}

/**
 * Renew (extend the term by the role's term length), end, or move to emeritus. Renewals and
 * ends of seats that need TOC approval become requests the TOC votes on.
 */
export async function changeAssignment(actor: Actor | null, input: AssignmentChangeInput) {
  const verb = input.change === "renew" ? "renews" : "removes";
  const { a, seat } = await seatForChange(actor, input.assignmentId, verb);
  const at = await now();
  if (input.change === "renew") {
    // Chair and tech-lead terms (and roles marked so) are two years by CNCF default.
    const months = seat.roleDefinition?.termMonths ?? (seat.roleDefinition ? null : 24);
    if (!months) throw new AppError("CONFLICT", "This role has no term to renew.");
    const termEndAt = addMonths(seat.termEndAt ?? at, months);
    if (needsTocApproval(seat.kind, seat.roleDefinition)) {
      // A renewal of such a seat waits for a TOC decision (lib/decisions).
      return db.$transaction(async (tx) => {
        const { count } = await tx.roleAssignment.updateMany({
          where: {
            id: seat.id,
            status: { in: [...SITTING_SEAT_STATUSES] },
            renewRequestedAt: null,
            endRequestedAt: null,
          },
          data: { renewRequestedAt: at, renewRequestedById: a.id, renewTermEndAt: termEndAt },
        });
        if (count === 0) throw new AppError("CONFLICT", "A change to this seat is already awaiting TOC approval.");
        await recordAudit(tx, {
          at,
          actorId: a.id,
          action: "roster.renew-request",
          subjectType: "RoleAssignment",
          subjectId: seat.id,
          tagId: seat.tagId,
          before: { termEndAt: seat.termEndAt?.toISOString() ?? null },
          after: { termEndAt: termEndAt.toISOString(), pending: true },
        });
        await openSeatDecision(tx, { kind: "renewal", assignmentId: seat.id, openedById: a.id });
        return { id: seat.id, outcome: "pending" as const, termEndAt };
      });
    }
    return db.$transaction(async (tx) => {
      const { count } = await tx.roleAssignment.updateMany({
        where: { id: seat.id, status: { in: [...SITTING_SEAT_STATUSES] }, termEndAt: seat.termEndAt },
        data: { termEndAt },
      });
      if (count === 0) throw new AppError("CONFLICT", "This seat was just changed by someone else.");
      await recordAudit(tx, {
        at,
        actorId: a.id,
        action: "roster.renew",
        subjectType: "RoleAssignment",
        subjectId: seat.id,
        tagId: seat.tagId,
        before: { termEndAt: seat.termEndAt?.toISOString() ?? null },
        after: { termEndAt: termEndAt.toISOString() },
      });
      return { id: seat.id, outcome: "renewed" as const, termEndAt };
    });
  }
  const reason = input.reason ?? (input.change === "emeritus" ? "Moved to emeritus" : "Ended by the TAG");
  const outcome = await db.$transaction((tx) =>
    endInTx(tx, a, seat, input.change === "emeritus" ? "emeritus" : "ended", reason, at),
  );
  return { id: seat.id, outcome };
}

/**
 * Moves a holder to an Advisory Fellow role of the same TAG (cncf/tag-security#1342: significant
 * contributors who cannot engage day to day): a seat in the fellow role, and the old seat ended
 * (or an end request, when the old role needs TOC approval). One transaction.
 */
export async function moveToAdvisoryFellow(actor: Actor | null, input: MoveToFellowInput) {
  const { a, seat } = await seatForChange(actor, input.assignmentId, "moves");
  const def = await findDef(input.roleDefinitionId);
  if (!def || def.tagId !== seat.tagId || def.kind !== "advisory_fellow")
    throw new AppError("NOT_FOUND", "That Advisory Fellow role does not exist in this TAG.");
  const person = await db.user.findUniqueOrThrow({
    where: { id: seat.userId },
    select: { id: true, login: true, region: true, employer: true },
  });
  const at = await now();
  const result = await db.$transaction(async (tx) => {
    const fellow = await giveSeatForDecision(tx, {
      roleKey: def.roleKey,
      tagId: def.tagId,
      person,
      by: a.id,
      at,
      obtainedBy: "appointed",
      expectVersionId: def.id,
      decisionLink: input.decisionLink ?? null,
    });
    const old = await endInTx(tx, a, seat, "ended", `Moved to ${def.name}`, at);
    return { id: fellow.id, status: fellow.status, oldSeat: old };
  });
  await notifyAppointed(result, def, person.id, at);
  return result;
}

/** The TAG's serving leads and the TOC members, told of a resignation (never the person who resigned). */
async function leadsAndToc(tagId: string, except: string, at: Date): Promise<string[]> {
  const [leads, toc] = await Promise.all([
    db.roleAssignment.findMany({ where: { tagId, ...leadSeatWhere(at) }, select: { userId: true } }),
    db.user.findMany({ where: { isTocMember: true }, select: { id: true } }),
  ]);
  return [...new Set([...leads.map((l) => l.userId), ...toc.map((t) => t.id)])].filter((id) => id !== except);
}

/**
 * Anyone may resign their own seat: the one exception to "nobody removes themselves". It ends at
 * once (nobody is kept serving against their will), audited; the TAG's leads and the TOC are told.
 */
export async function resignSeat(actor: Actor | null, input: ResignInput) {
  const found = await db.roleAssignment.findUnique({ where: { id: input.assignmentId }, select: seatSummarySelect });
  const { a, row: seat, subject } = await requireSeat(actor, "roster.resign", input.assignmentId, found);
  if (seat.userId !== a.id) await refuseByGuard(a, "roster.resign", subject, "Only its holder resigns a seat.");
  const at = await now();
  await db.$transaction(async (tx) => {
    const { count } = await tx.roleAssignment.updateMany({
      where: { id: seat.id, status: { in: [...SITTING_SEAT_STATUSES] } },
      data: {
        status: "ended",
        endedAt: at,
        endReason: `Resigned: ${input.reason}`,
        decidedById: a.id,
        decidedAt: at,
        endRequestedAt: null,
        endRequestedById: null,
        renewRequestedAt: null,
        renewRequestedById: null,
        renewTermEndAt: null,
      },
    });
    if (count === 0) throw new AppError("CONFLICT", "Only a held seat can be resigned.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "roster.resign",
      subjectType: "RoleAssignment",
      subjectId: seat.id,
      tagId: seat.tagId,
      before: { status: seat.status },
      after: { status: "ended", reason: input.reason },
    });
  });
  const role = roleName(seat.kind, seat.roleDefinition?.name);
  for (const userId of await leadsAndToc(seat.tagId, a.id, at)) {
    await notify(
      {
        userId,
        kind: "roster.resigned",
        title: `@${seat.user.login} resigned as ${role} of ${seat.tag.name}`,
        body: input.reason,
        link: `/tags/${seat.tag.slug}`,
      },
      at,
    );
  }
  return { id: seat.id, status: "ended" as const };
}

/** A lead of the TAG (or an admin) withdraws an appointment still awaiting the TOC; the nominee is told. */
export async function cancelPendingAppointment(actor: Actor | null, input: CancelPendingInput) {
  const found = await db.roleAssignment.findUnique({ where: { id: input.assignmentId }, select: seatSummarySelect });
  const { a, row: seat } = await requireSeat(actor, "roster.appoint", input.assignmentId, found);
  if (seat.status !== "pending")
    throw new AppError("CONFLICT", "Only an appointment awaiting the TOC can be cancelled.");
  const at = await now();
  const reason = input.reason ?? "Cancelled by the TAG";
  await db.$transaction(async (tx) => {
    await withdrawPendingSeat(tx, seat.id, { id: a.id, at, reason });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "roster.cancel",
      subjectType: "RoleAssignment",
      subjectId: seat.id,
      tagId: seat.tagId,
      before: { status: "pending" },
      after: { status: "rejected", reason },
    });
  });
  await notify(
    {
      userId: seat.userId,
      kind: "roster.appointment-cancelled",
      title: `Your appointment as ${roleName(seat.kind, seat.roleDefinition?.name)} of ${seat.tag.name} was withdrawn`,
      body: reason,
      link: `/tags/${seat.tag.slug}`,
    },
    at,
  );
  return { id: seat.id, status: "rejected" as const };
}
