import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { activityFor } from "@/lib/contributions/activity";
import { notify } from "@/lib/notify/send";
import { openSeatDecision } from "@/lib/decisions/decisions";
import type { AppointToRoleInput, AssignmentChangeInput, MoveToFellowInput } from "./schemas";
import { checkSeat } from "./seat-rules";
import { EMERITUS_PREFIX, loadHolders, lockRole, needsTocApproval, rulesOf } from "./seats";
import { addMonths, type Region, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";

const defSelect = {
  id: true,
  tagId: true,
  roleKey: true,
  name: true,
  kind: true,
  supersededAt: true,
  termMonths: true,
  needsTocApproval: true,
  totalSeats: true,
  maxPerRegion: true,
  minPerRegion: true,
  maxPerEmployer: true,
  eligibilityMinRecords: true,
  eligibilityWindowMonths: true,
  tag: { select: { name: true, slug: true, leaveCountsTowardCaps: true } },
} as const;

type Def = NonNullable<Awaited<ReturnType<typeof findDef>>>;
type Person = { id: string; login: string; region: Region | null; employer: string | null };

function findDef(id: string) {
  return db.roleDefinition.findUnique({ where: { id }, select: defSelect });
}

async function findPerson(login: string): Promise<Person> {
  const person = await db.user.findFirst({
    where: { login: { equals: login, mode: "insensitive" } },
    orderBy: { updatedAt: "desc" },
    select: { id: true, login: true, region: true, employer: true },
  });
  if (!person)
    throw new AppError("NOT_FOUND", `Nobody with the GitHub login ${login} has a TAG Portal account yet.`, {
      login: ["No such person here yet"],
    });
  return person;
}

/** Eligibility from the role's rule (at least N records in the last M months), through activityFor. */
async function checkEligible(def: Def, person: Person, at: Date) {
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
 * Gives `person` a seat of `def` inside `tx`, with the role locked: the seat rules are checked
 * against the holders as they are now, so two leads racing for the last seat cannot both win.
 */
async function appointInTx(tx: Tx, a: Actor, def: Def, person: Person, decisionLink: string | null, at: Date) {
  await lockRole(tx, def.roleKey);
  const current = await tx.roleDefinition.findFirst({
    where: { roleKey: def.roleKey, supersededAt: null },
    select: { id: true },
  });
  if (current?.id !== def.id)
    throw new AppError("CONFLICT", "The role's rules changed since you opened the page. Reload and try again.");
  const holders = await loadHolders(tx, def.roleKey, at);
  if (holders.some((h) => h.userId === person.id))
    throw new AppError("CONFLICT", `@${person.login} already holds or awaits a seat in ${def.name}.`);
  const decision = checkSeat(
    rulesOf(def),
    holders,
    { who: `@${person.login}`, region: person.region, employer: person.employer },
    def.tag.leaveCountsTowardCaps,
  );
  if (!decision.allowed) throw new AppError("CONFLICT", decision.reason);
  const pending = needsTocApproval(def.kind, def);
  const seat = await tx.roleAssignment.create({
    data: {
      tagId: def.tagId,
      userId: person.id,
      kind: def.kind,
      status: pending ? "pending" : "active",
      startAt: pending ? null : at,
      regionAtStart: person.region,
      termEndAt: def.termMonths ? addMonths(at, def.termMonths) : null,
      decisionLink,
      requestedById: a.id,
      requestedAt: at,
      ...(pending ? {} : { decidedById: a.id, decidedAt: at }),
      roleDefinitionId: def.id,
      obtainedBy: "appointed",
    },
    select: { id: true, status: true },
  });
  await recordAudit(tx, {
    at,
    actorId: a.id,
    action: "roster.appoint",
    subjectType: "RoleAssignment",
    subjectId: seat.id,
    tagId: def.tagId,
    after: {
      userId: person.id,
      login: person.login,
      role: def.name,
      roleDefinitionId: def.id,
      kind: def.kind,
      status: seat.status,
      decisionLink,
    },
  });
  if (pending)
    await openSeatDecision(tx, { kind: "appointment", assignmentId: seat.id, openedById: a.id, link: decisionLink });
  return seat;
}

/**
 * A lead of the role's TAG (or an admin) appoints someone into a defined role. Seat rules and
 * eligibility are enforced; chair, tech-lead and TOC-approval roles stay `pending` until a TOC
 * member approves (a TOC decision, lib/decisions); nobody appoints themselves.
 */
export async function appointToRole(actor: Actor | null, input: AppointToRoleInput) {
  const def = await findDef(input.roleDefinitionId);
  const subject = { subjectType: "RoleDefinition", subjectId: input.roleDefinitionId, tagId: def?.tagId ?? null };
  const a = await requirePermission(actor, "roster.appoint", subject);
  if (!def) throw new AppError("NOT_FOUND", "That role does not exist.");
  const person = await findPerson(input.login);
  if (person.id === a.id) await refuseByGuard(a, "roster.appoint", subject, "Nobody appoints themselves.");
  const at = await now();
  await checkEligible(def, person, at);
  const seat = await db.$transaction((tx) => appointInTx(tx, a, def, person, input.decisionLink ?? null, at));
  await notify(
    {
      userId: person.id,
      kind: seat.status === "pending" ? "roster.appoint-pending" : "roster.appointed",
      title:
        seat.status === "pending"
          ? `You were proposed as ${def.name} of ${def.tag.name}; the TOC will vote on it`
          : `You are now ${def.name} of ${def.tag.name}`,
      link: `/tags/${def.tag.slug}`,
    },
    at,
  );
  return { id: seat.id, status: seat.status };
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

/** Loads a seat and checks the actor may change it (lead of its TAG or admin), and that it is not their own. */
async function seatForChange(actor: Actor | null, assignmentId: string, what: string) {
  const seat = await db.roleAssignment.findUnique({ where: { id: assignmentId }, select: seatSelect });
  const subject = { subjectType: "RoleAssignment", subjectId: assignmentId, tagId: seat?.tagId ?? null };
  const a = await requirePermission(actor, "roster.appoint", subject);
  if (!seat) throw new AppError("NOT_FOUND", "That seat does not exist.");
  if (seat.userId === a.id) await refuseByGuard(a, "roster.appoint", subject, `Nobody ${what} themselves.`);
  if (seat.status !== "active" && seat.status !== "on_leave")
    throw new AppError("CONFLICT", "Only a held seat can be changed.");
  return { a, seat };
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
  return db.$transaction(async (tx) => {
    const fellow = await appointInTx(tx, a, def, person, input.decisionLink ?? null, at);
    const old = await endInTx(tx, a, seat, "ended", `Moved to ${def.name}`, at);
    return { id: fellow.id, status: fellow.status, oldSeat: old };
  });
}
