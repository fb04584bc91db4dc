import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createAudited, recordAudit } from "@/lib/audit/record";
import { actorFlagsSelect, requirePermission } from "@/lib/auth/actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { githubLookupApi } from "@/lib/github-access/tokens";
import { githubLoginResolver } from "@/lib/auth/github-logins";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockElection, parseSeats, requireOfficer, totalSeats } from "./context";
import { computeRoll } from "./load-eligibility";
import { parseLogins } from "@/lib/vocabulary";
import {
  ruleProblems,
  type CreateElectionInput,
  type ExtendWindowInput,
  type PublishRollInput,
  type SeatsByRegion,
  type UpdateRulesInput,
  type UploadVotersInput,
} from "./schemas";
import { isoDay, LEAD_KINDS, SEAT_TAKEN_STATUSES, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";

/** The role being filled: its current definition in the TAG. */
export async function currentRole(tagId: string, roleKey: string, client: Tx = db) {
  return client.roleDefinition.findFirst({
    where: { tagId, roleKey, supersededAt: null },
    orderBy: { version: "desc" },
  });
}

/** Seats of the role held now (any version), with the region each counts for. */
export async function heldSeats(roleKey: string, client: Tx = db) {
  const rows = await client.roleAssignment.findMany({
    where: { roleDefinition: { roleKey }, status: { in: [...SEAT_TAKEN_STATUSES] } },
    select: {
      id: true,
      userId: true,
      status: true,
      termEndAt: true,
      regionAtStart: true,
      user: { select: { region: true, employer: true, login: true } },
    },
  });
  return rows.map((r) => ({ ...r, region: r.regionAtStart ?? r.user.region ?? null }));
}

/**
 * Seats this cycle fills by default: those whose terms end on or before the cycle date, by the
 * region they were held for, so each cycle fills about half (cncf/tag-security#1342); plus the
 * role's vacant seats (total seats not held) as seats without a region.
 */
export async function defaultSeatsForCycle(tagId: string, roleKey: string, cycleDate: Date): Promise<SeatsByRegion> {
  const seats: SeatsByRegion = {};
  const held = await heldSeats(roleKey);
  for (const s of held) {
    if (s.termEndAt && s.termEndAt <= cycleDate) {
      const r = s.region ?? "any";
      seats[r] = (seats[r] ?? 0) + 1;
    }
  }
  const role = await currentRole(tagId, roleKey);
  // A pending appointment holds no seat: it takes no vacancy (lib/roles/figures.ts).
  const vacant = (role?.totalSeats ?? 0) - held.filter((s) => s.status !== "pending").length;
  if (vacant > 0) seats.any = (seats.any ?? 0) + vacant;
  return seats;
}

/**
 * An election fills vacancies: the role's total seats less the seats held past the cycle date
 * (pending appointments are not held, so they take no vacancy). A role without a total has no
 * limit. Refuses more seats than that, with the figures, as a field error.
 */
async function checkSeatsAgainstVacancies(
  role: { name: string; roleKey: string; totalSeats: number | null },
  seats: number,
  cycleDate: Date,
  client: Tx = db,
): Promise<void> {
  if (role.totalSeats === null) return;
  const continuing = (await heldSeats(role.roleKey, client)).filter(
    (s) => s.status !== "pending" && (!s.termEndAt || s.termEndAt > cycleDate),
  ).length;
  const vacancies = Math.max(0, role.totalSeats - continuing);
  if (seats <= vacancies) return;
  const message =
    `This election would fill ${seats} ${seats === 1 ? "seat" : "seats"}, but ${role.name} has ` +
    `${vacancies} ${vacancies === 1 ? "vacancy" : "vacancies"} by the cycle date ${isoDay(cycleDate)} ` +
    `(${role.totalSeats} ${role.totalSeats === 1 ? "seat" : "seats"}, ${continuing} held beyond it).`;
  throw new AppError("INVALID", message, {
    seatsByRegion: [vacancies ? `At most ${vacancies} this cycle` : "No seat is vacant this cycle"],
  });
}

/** Officers must be able to run elections in the TAG (`election.run`): its leads (on leave too), or admins. */
async function checkOfficers(tagId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const users = await db.user.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      ...actorFlagsSelect,
      roles: {
        where: { tagId, status: { in: [...SITTING_SEAT_STATUSES] }, kind: { in: [...LEAD_KINDS] } },
        select: { tagId: true, kind: true },
      },
    },
  });
  for (const id of ids) {
    const u = users.find((x) => x.id === id);
    const officer = u && {
      ...u,
      leadTagIds: u.roles.map((r) => r.tagId),
      chairTagIds: u.roles.filter((r) => r.kind === "chair").map((r) => r.tagId),
    };
    if (!officer || !can(officer, "election.run", tagId)) {
      throw new AppError("INVALID", "Officers must be leads of this TAG or admins.", {
        officerIds: ["Officers must be leads of this TAG or admins"],
      });
    }
  }
}

function constraintsJson(c: CreateElectionInput["constraints"]): Prisma.InputJsonValue {
  if (!c) return {};
  const clean = (m?: Record<string, number | undefined>) =>
    m ? Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) : undefined;
  return JSON.parse(
    JSON.stringify({
      maxPerEmployer: c.maxPerEmployer,
      maxPerRegion: clean(c.maxPerRegion),
      minPerRegion: clean(c.minPerRegion),
    }),
  ) as Prisma.InputJsonValue;
}

const seatsJson = (s: SeatsByRegion): Prisma.InputJsonValue =>
  Object.fromEntries(Object.entries(s).filter(([, v]) => (v ?? 0) > 0));

/** An officer (a lead of the TAG or an admin) sets up an election in `draft`; they become its officer. */
export async function createElection(actor: Actor | null, input: CreateElectionInput): Promise<{ id: string }> {
  const a = await requirePermission(actor, "election.run", {
    subjectType: "Tag",
    subjectId: input.tagId,
    tagId: input.tagId,
  });
  const at = await now();
  const role = await currentRole(input.tagId, input.roleKey);
  if (!role)
    throw new AppError("NOT_FOUND", "That role is not defined in this TAG.", { roleKey: ["No such role in this TAG"] });
  const officerIds = [...new Set([a.id, ...(input.officerIds ?? [])])];
  await checkOfficers(
    input.tagId,
    officerIds.filter((id) => id !== a.id),
  );
  const seats = input.seatsByRegion
    ? parseSeats(input.seatsByRegion)
    : await defaultSeatsForCycle(input.tagId, input.roleKey, input.cycleDate);
  if (totalSeats(seats) === 0) {
    throw new AppError(
      "INVALID",
      "No seats of this role end by the cycle date: say how many seats this election fills.",
      { seatsByRegion: ["Give the seats this cycle"] },
    );
  }
  await checkSeatsAgainstVacancies(role, totalSeats(seats), input.cycleDate);
  const earlier = await db.election.count({
    where: { tagId: input.tagId, roleKey: input.roleKey, phase: { in: ["approved", "published"] } },
  });
  const { tagId, roleKey, officerIds: _o, seatsByRegion: _s, constraints, ...rules } = input;
  return db.$transaction(async (tx) => {
    const e = await createAudited(
      tx,
      tx.election.create({
        data: {
          ...rules,
          tagId,
          roleKey,
          seatsByRegion: seatsJson(seats),
          constraints: constraintsJson(constraints),
          staggerTerms: earlier === 0,
          createdById: a.id,
          createdAt: at,
          updatedAt: at,
          officers: { create: officerIds.map((userId) => ({ userId })) },
        },
        select: { id: true },
      }),
      {
        at,
        actorId: a.id,
        action: "election.create",
        subjectType: "Election",
        tagId,
        after: JSON.parse(
          JSON.stringify({ ...input, seatsByRegion: seats, officerIds, staggerTerms: earlier === 0 }),
        ) as Prisma.InputJsonValue,
      },
    );
    return { id: e.id };
  });
}

const RULE_KEYS = [
  "title",
  "cycleDate",
  "nominationsOpenAt",
  "nominationsCloseAt",
  "votingOpenAt",
  "votingCloseAt",
  "method",
  "candidateRule",
  "candidateMinRecords",
  "candidateWindowMonths",
  "endorsementsRequired",
  "endorsementEmployers",
  "votersIncludeLeaders",
  "voterMinRecords",
  "voterWindowMonths",
  "publishBallots",
  "isTest",
  "exceptionDueAt",
  "description",
  "votingGuide",
] as const;

/** Officers change rules while the election is a draft; rules freeze when nominations open. */
export async function updateElectionRules(actor: Actor | null, input: UpdateRulesInput): Promise<{ id: string }> {
  const { actor: a, election } = await requireOfficer(actor, input.electionId);
  const at = await now();
  if (input.officerIds)
    await checkOfficers(
      election.tagId,
      input.officerIds.filter((id) => id !== a.id),
    );
  return db.$transaction(async (tx) => {
    const locked = await lockElection(tx, election.id);
    const current = await tx.election.findUniqueOrThrow({ where: { id: election.id } });
    if (locked.phase !== "draft" || current.rulesFrozenAt) {
      throw new AppError(
        "CONFLICT",
        "The rules froze when nominations opened. Officers may only extend an open window or move a phase, with a reason.",
      );
    }
    const data: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    for (const k of RULE_KEYS) {
      if (input[k] !== undefined) {
        data[k] = input[k];
        before[k] = current[k];
      }
    }
    if (input.seatsByRegion) {
      const seats = parseSeats(input.seatsByRegion);
      const role = await currentRole(current.tagId, current.roleKey, tx);
      if (role) await checkSeatsAgainstVacancies(role, totalSeats(seats), input.cycleDate ?? current.cycleDate, tx);
      data.seatsByRegion = seatsJson(seats);
      before.seatsByRegion = current.seatsByRegion;
    }
    if (input.constraints) {
      data.constraints = constraintsJson(input.constraints);
      before.constraints = current.constraints;
    }
    const merged = { ...current, ...data } as typeof current;
    const problems = ruleProblems({
      ...merged,
      candidateMinRecords: merged.candidateMinRecords ?? undefined,
      candidateWindowMonths: merged.candidateWindowMonths ?? undefined,
      voterMinRecords: merged.voterMinRecords ?? undefined,
      voterWindowMonths: merged.voterWindowMonths ?? undefined,
    });
    if (problems.length)
      throw new AppError(
        "INVALID",
        problems[0]!.message,
        Object.fromEntries(problems.map((p) => [p.path, [p.message]])),
      );
    await tx.election.update({ where: { id: election.id }, data: { ...data, updatedAt: at } });
    if (input.officerIds) {
      const ids = [...new Set([a.id, ...input.officerIds])];
      before.officerIds = election.officers.map((o) => o.userId);
      data.officerIds = ids;
      await tx.electionOfficer.deleteMany({ where: { electionId: election.id } });
      await tx.electionOfficer.createMany({ data: ids.map((userId) => ({ electionId: election.id, userId })) });
    }
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "election.update-rules",
      subjectType: "Election",
      subjectId: election.id,
      tagId: election.tagId,
      before: JSON.parse(JSON.stringify(before)) as Prisma.InputJsonValue,
      after: JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue,
    });
    return { id: election.id };
  });
}

/** Officers extend an open (or upcoming) window, with a reason; windows never shrink. */
export async function extendElectionWindow(actor: Actor | null, input: ExtendWindowInput): Promise<{ id: string }> {
  const { actor: a, election } = await requireOfficer(actor, input.electionId);
  const at = await now();
  return db.$transaction(async (tx) => {
    const locked = await lockElection(tx, election.id);
    const current = await tx.election.findUniqueOrThrow({ where: { id: election.id } });
    const open = input.field === "nominationsCloseAt" ? ["draft", "nominations"] : ["draft", "nominations", "voting"];
    if (!open.includes(locked.phase)) throw new AppError("CONFLICT", "That window has already closed.");
    const from = current[input.field];
    if (input.to <= from)
      throw new AppError("INVALID", "A window can only be extended (pick a later time).", {
        to: ["Later than the current close"],
      });
    if (input.to <= at) throw new AppError("INVALID", "Pick a time in the future.", { to: ["In the future"] });
    if (input.field === "nominationsCloseAt" && input.to > current.votingOpenAt) {
      throw new AppError("INVALID", "Nominations must close before voting opens.", {
        to: ["On or before voting opens"],
      });
    }
    await tx.election.update({ where: { id: election.id }, data: { [input.field]: input.to, updatedAt: at } });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "election.extend-window",
      subjectType: "Election",
      subjectId: election.id,
      tagId: election.tagId,
      before: { [input.field]: from.toISOString() },
      after: { [input.field]: input.to.toISOString(), reason: input.reason },
    });
    return { id: election.id };
  });
}

/**
 * Officers upload GitHub logins of voters before voting opens. Each login is resolved to GitHub's
 * numeric id (GET /users/{login}); people without an account get a placeholder claimed at their
 * first sign-in. Unresolved logins are reported, never guessed.
 */
export async function uploadVoterList(
  actor: Actor | null,
  input: UploadVotersInput,
): Promise<{ added: number; unresolved: string[] }> {
  const { actor: a, election } = await requireOfficer(actor, input.electionId);
  if (!["draft", "nominations"].includes(election.phase))
    throw new AppError("CONFLICT", "The voter roll froze when voting opened.");
  const at = await now();
  const { logins, invalid } = parseLogins(input.logins);
  if (logins.length > 5000)
    throw new AppError("INVALID", "Upload at most 5000 logins at a time.", { logins: ["At most 5000"] });
  const resolve = githubLoginResolver(await githubLookupApi());
  const answers = await resolve(logins);
  const unresolved = [...invalid];
  const resolved: { githubId: bigint; login: string; name: string | null }[] = [];
  for (const login of logins) {
    const r = answers.get(login.toLowerCase());
    if (!r || "error" in r) unresolved.push(login);
    else resolved.push({ githubId: BigInt(r.githubId), login: r.login, name: r.name });
  }
  return db.$transaction(async (tx) => {
    const locked = await lockElection(tx, election.id);
    if (!["draft", "nominations"].includes(locked.phase))
      throw new AppError("CONFLICT", "The voter roll froze when voting opened.");
    let added = 0;
    for (const r of resolved) {
      const user = await tx.user.upsert({
        where: { githubId: r.githubId },
        create: { githubId: r.githubId, login: r.login, name: r.name ?? r.login, claimedAt: null, createdAt: at },
        update: {},
        select: { id: true },
      });
      const created = await tx.electionVoter.createMany({
        data: [{ electionId: election.id, userId: user.id, source: "list" }],
        skipDuplicates: true,
      });
      added += created.count;
    }
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "election.voters-upload",
      subjectType: "Election",
      subjectId: election.id,
      tagId: election.tagId,
      after: { added, logins: resolved.map((r) => r.login), unresolved },
    });
    return { added, unresolved };
  });
}

/**
 * Officers publish the voter roll for review before voting opens (as Elekto publishes
 * voters.yaml): from then until voting opens anyone can read the logins on it and ask for a
 * correction (an exception request; officers add missed people with the voter list). The roll
 * itself is still computed from the rules until voting opens, when it freezes.
 */
export async function publishVoterRoll(
  actor: Actor | null,
  input: PublishRollInput,
): Promise<{ publishedAt: Date; voters: number }> {
  const { actor: a, election } = await requireOfficer(actor, input.electionId);
  const at = await now();
  const voters = (await computeRoll(election)).length;
  return db.$transaction(async (tx) => {
    const locked = await lockElection(tx, election.id);
    if (!["draft", "nominations"].includes(locked.phase) || at >= election.votingOpenAt)
      throw new AppError("CONFLICT", "The roll froze when voting opened: there is nothing left to review.");
    const done = await tx.election.updateMany({
      where: { id: election.id, rollPublishedAt: null },
      data: { rollPublishedAt: at, updatedAt: at },
    });
    if (done.count !== 1) throw new AppError("CONFLICT", "The voter roll is already published for review.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "election.roll-publish",
      subjectType: "Election",
      subjectId: election.id,
      tagId: election.tagId,
      after: { voters, correctionsUntil: election.votingOpenAt.toISOString() },
    });
    return { publishedAt: at, voters };
  });
}
