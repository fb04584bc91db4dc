import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createStandIn } from "@/dev/github-stand-in/server";
import { env, resetEnvForTests } from "@/lib/env";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadActor } from "@/lib/auth/actor";
import { PERMISSIONS, type Action, type Actor } from "@/lib/auth/permissions";
import { importAmbassadors, setAmbassador, setGlobalRole } from "@/lib/admin/mutations";
import { appointLeader, requestEndOfSeat } from "@/lib/roles/leadership";
import { applyDecisionAgain, recordExternalDecision } from "@/lib/decision-outcomes/closing";
import { openSeatDecision } from "@/lib/decisions/decisions";
import { getDecision } from "@/lib/decisions/queries";
import { setDecisionRule, setRemovalSupermajority } from "@/lib/decisions/rules";
import { castVote, declareConflict } from "@/lib/decision-outcomes/votes";
import { defineRole, retireRole } from "@/lib/roles/definitions";
import { cancelLeave, recordLeave, updateLeave } from "@/lib/roles/leaves";
import { openRemovalProposal } from "@/lib/roles/removals";
import * as roster from "@/lib/roles/roster";
import { LeaveSchema, RoleDefinitionSchema, UpdateLeaveSchema } from "@/lib/roles/schemas";
import { createTag as createTagAction, updateTag } from "@/lib/tags/mutations";
import { TagSchema, TagSettingsSchema } from "@/lib/tags/schemas";
import { updateTagSettings } from "@/lib/tags/settings";
import { importTagsYamlAsAdmin } from "@/lib/github/tags-yaml-import";
import { TagsImportSchema } from "@/lib/tags-yaml/schemas";
import { deleteAccount, updateProfile } from "@/lib/accounts/mutations";
import { ProfileSchema } from "@/lib/people/schemas";
import { checkInInitiative, createInitiative, joinInitiative, setInitiativeState } from "@/lib/initiatives/mutations";
import { setItemHidden, updateMatchSettings } from "@/lib/matching/mutations";
import * as claims from "@/lib/help-wanted/claims";
import { closeItem, createItem, discardDraft, publishDraft, updateItem } from "@/lib/help-wanted/items";
import { markItemReviewed } from "@/lib/help-wanted/review";
import { answerInvitation, inviteToItem } from "@/lib/help-wanted/invitations";
import { itemSchema } from "@/lib/help-wanted/schemas";
import { SelfReportSchema } from "@/lib/contributions/schemas";
import { selfReportContribution, verifyContribution } from "@/lib/contributions/self-report";
import { HelpWantedLabelsSchema, MapRepositorySchema } from "@/lib/github/schemas";
import { setHelpWantedLabels } from "@/lib/github/repository-settings";
import { startSync } from "@/lib/github/sync-runs";
import { mapRepository } from "@/lib/github/app/installations";
import { linkTagProject, unlinkTagProject } from "@/lib/github/projects";
import { openRosterPullNow } from "@/lib/github/roster-pulls";
import { exportTagsYamlFromDatabase } from "@/lib/tags-yaml/apply";
import { decideReport, reportText, unhideText } from "@/lib/reports/reports";
import { getTagDashboard, getTocOverview } from "@/lib/dashboards/queries";
import { createLiaison, endLiaison, logCheckIn, updateLiaison } from "@/lib/liaisons/mutations";
import { CheckInSchema, CreateLiaisonSchema, EndLiaisonSchema, UpdateLiaisonSchema } from "@/lib/liaisons/schemas";
import { publishVoterRoll, createElection, extendElectionWindow, uploadVoterList } from "@/lib/elections/elections";
import { decideElectionException, requestElectionException } from "@/lib/elections/exceptions";
import { cancelElection, moveElectionPhase } from "@/lib/elections/phases";
import { endorseNomination, selfNominate, withdrawNomination } from "@/lib/elections/nominations";
import { castBallot, checkReceipt, replaceBallot } from "@/lib/elections/ballots";
import { receiptHashOf } from "@/lib/elections/context";
import { publishElection } from "@/lib/elections/results";
import { answerVacancyOffer, offerVacancy } from "@/lib/elections/vacancy-offers";
import { searchAuditEvents } from "@/lib/admin/audit-log";
import { completeProfileStep, skipProfileStep } from "@/lib/people/profile-step";
import { ProfileStepSchema } from "@/lib/people/schemas";
import { markNotificationsRead } from "@/lib/notify/mutations";
import { getNotificationPrefs, setNotificationPrefs } from "@/lib/notify/preferences";
import { NOTIFICATION_MODES } from "@/lib/notify/schemas";
import { getElection } from "@/lib/elections/queries";
import { CreateElectionSchema, ExtendWindowSchema, MovePhaseSchema } from "@/lib/elections/schemas";
import { attendMeeting, recordMeeting } from "@/lib/meetings/meetings";
import { objectToAppointment } from "@/lib/roles/consensus";
import { saveLadder } from "@/lib/pathways/ladders";
import { saveTargets } from "@/lib/representation/mutations";
import { endPairing, pairMentor } from "@/lib/pathways/pairings";
import { signOffFromItem, signOffStep } from "@/lib/pathways/sign-offs";
import { saveTagReportDraft } from "@/lib/tag-reports/drafts";
import { postHolderReport } from "@/lib/roles/holder-reports";
import { createTag, createUser } from "@/tests/factories";
import { resetCalendarToken } from "@/lib/calendar/tokens";
import { openSecret } from "@/lib/secrets";
import { retrySlackDelivery } from "@/lib/slack/deliveries";
import { removeSlackSettings, saveSlackSettings } from "@/lib/slack/settings";
import { strToU8, zipSync } from "fflate";
import { uploadElektoArchive } from "@/lib/elections/elekto-upload";
import { createIssueForItem } from "@/lib/github/issue-sync";
import { EXPECTED, NO_OPERATION_YET, NO_ROW_YET, ROLES, type MatrixRole } from "./expected";
import { DAY, LEAD_KINDS } from "@/lib/vocabulary";

/**
 * One world for the whole file: TAG A (where every operation is tried), TAG B, one person per
 * column. Building it per cell cost 300 ms x 500 cells; instead each cell prepares its own fresh
 * objects (an item, a seat, a bystander) in that world, and the roles it reads never change: the
 * only operation that changes its caller (account deletion) uses people of its own.
 */
async function world() {
  // One after another: on a loaded machine parallel transactions wait past Prisma's start timeout.
  const tagA = await createTag();
  const tagB = await createTag();
  const member = await createUser();
  const ambassador = await createUser();
  const lead = await createUser();
  const otherLead = await createUser();
  const toc = await createUser({ isTocMember: true });
  const admin = await createUser({ isAdmin: true });
  await db.user.update({ where: { id: ambassador.id }, data: { isCncfAmbassador: true } });
  const at = new Date();
  await db.roleAssignment.createMany({
    data: [
      { tagId: tagA.id, userId: lead.id, kind: "chair", status: "active", requestedAt: at, startAt: at },
      { tagId: tagB.id, userId: otherLead.id, kind: "chair", status: "active", requestedAt: at, startAt: at },
    ],
  });
  const people = { member, ambassador, lead, otherLead, toc, admin };
  const actors = {} as Record<Exclude<MatrixRole, "visitor">, Actor>;
  for (const [r, p] of Object.entries(people)) actors[r as keyof typeof actors] = (await loadActor(p.id))!;
  const actorOf = (role: MatrixRole): Actor | null => (role === "visitor" ? null : actors[role]);
  /** A person the cell acts on: new each time, so one cell's success cannot shape the next. */
  const bystander = () => createUser();
  return { tagA, tagB, people, actorOf, bystander };
}

type World = Awaited<ReturnType<typeof world>>;

/** An item on a TAG (posted directly, not through the function under test). */
async function itemOn(tagId: string, status: "open" | "draft" = "open") {
  const at = new Date();
  return db.helpWantedItem.create({
    data: {
      title: "Matrix item",
      kind: "review",
      status,
      createdAt: at,
      updatedAt: at,
      places: 2,
      tags: { create: [{ tagId }] },
    },
  });
}

/** TAG A's ladder as one step, "Matrix shadow", that asks for a mentor's sign-off (written directly). */
async function ladderWithSignOffStep(tagId: string) {
  const steps = [{ name: "Matrix shadow", criteria: [], mentorSignOff: true }];
  await db.pathwayLadder.upsert({
    where: { tagId },
    create: { tagId, steps, updatedAt: new Date() },
    update: { steps, version: { increment: 1 } },
  });
}

/** A claim on a fresh item of the TAG, written directly. */
async function claimOn(tagId: string, userId: string, status: "invited" | "requested" | "accepted" | "done") {
  const item = await itemOn(tagId);
  const at = new Date();
  return db.claim.create({ data: { itemId: item.id, userId, status, createdAt: at, lastActivityAt: at } });
}

/** A role defined directly (not through the function under test). */
async function roleOn(tagId: string, kind: "custom" | "advisory_fellow" | "tag_ambassador" = "custom") {
  return db.roleDefinition.create({
    data: {
      tagId,
      roleKey: crypto.randomUUID(),
      version: 1,
      name: "Matrix role",
      kind,
      termMonths: 12,
      createdAt: new Date(),
    },
  });
}

/** An active seat of a defined role for `userId` in a TAG. */
async function seatOn(tagId: string, userId: string, kind: "custom" | "tag_ambassador" = "custom") {
  const def = await roleOn(tagId, kind);
  const at = new Date();
  return db.roleAssignment.create({
    data: { tagId, userId, kind, status: "active", requestedAt: at, startAt: at, roleDefinitionId: def.id },
  });
}

/** A liaison of a TAG Ambassador seat held by `userId`. */
async function liaisonOn(tagId: string, userId: string) {
  const seat = await seatOn(tagId, userId, "tag_ambassador");
  return db.liaison.create({
    data: { assignmentId: seat.id, foundation: "Matrix Foundation", cadenceDays: 30, createdAt: new Date() },
  });
}

/** An election of the TAG in `phase`, written directly; its officers are the TAG's leads unless given. */
async function electionOn(
  tagId: string,
  phase: "draft" | "nominations" | "voting" | "approved" | "published",
  officerIds?: string[],
) {
  const def = await roleOn(tagId);
  const at = new Date();
  const leads = await db.roleAssignment.findMany({
    where: { tagId, status: "active", kind: { in: [...LEAD_KINDS] } },
    select: { userId: true },
  });
  return db.election.create({
    data: {
      tagId,
      roleKey: def.roleKey,
      title: "Matrix election",
      phase,
      cycleDate: new Date(at.getTime() + 90 * DAY),
      seatsByRegion: { any: 1 },
      nominationsOpenAt: at,
      nominationsCloseAt: new Date(at.getTime() + 10 * DAY),
      votingOpenAt: new Date(at.getTime() + 11 * DAY),
      votingCloseAt: new Date(at.getTime() + 20 * DAY),
      createdAt: at,
      updatedAt: at,
      officers: { create: (officerIds ?? leads.map((l) => l.userId)).map((userId) => ({ userId })) },
    },
  });
}

/** An approved election of the TAG with these runners-up, and a seat it filled that ended before its term. */
async function vacatedSeatOn(tagId: string, runnersUp: string[], holderId: string) {
  const e = await electionOn(tagId, "approved");
  await db.election.update({ where: { id: e.id }, data: { runnersUp } });
  const def = await roleOn(tagId);
  const at = new Date();
  const seat = await db.roleAssignment.create({
    data: {
      tagId,
      userId: holderId,
      kind: def.kind,
      status: "ended",
      requestedAt: at,
      startAt: at,
      endedAt: at,
      termEndAt: new Date(at.getTime() + 300 * DAY),
      roleDefinitionId: def.id,
      electionId: e.id,
      obtainedBy: "elected",
    },
  });
  return { e: { ...e, roleKey: def.roleKey }, seat };
}

/** An active nomination of `userId` in an election. */
function nominationOf(electionId: string, userId: string) {
  return db.nomination.create({ data: { electionId, userId, statement: "I will serve", createdAt: new Date() } });
}

/** Puts a signed-in caller on the election's voter roll (the election's rules, not the table, decide it). */
async function onRoll(electionId: string, actor: Actor | null) {
  if (actor) await db.electionVoter.create({ data: { electionId, userId: actor.id, source: "list" } });
}

/** The caller's ballot (a participation and a ballot), written directly; returns its receipt. */
async function ballotOf(electionId: string, actor: Actor | null, choices: string[][]) {
  const receipt = crypto.randomUUID().replaceAll("-", "");
  if (actor) await db.electionParticipation.create({ data: { electionId, userId: actor.id } });
  await db.ballot.create({ data: { electionId, choices, receiptHash: receiptHashOf(electionId, receipt) } });
  return receipt;
}

/** A pending seat of a defined role (of its own) for `userId` in a TAG. */
async function pendingRoleSeat(tagId: string, userId: string) {
  const def = await roleOn(tagId);
  return db.roleAssignment.create({
    data: { tagId, userId, kind: "custom", status: "pending", requestedAt: new Date(), roleDefinitionId: def.id },
  });
}

/** A pending chair seat and the TOC decision it opened (the world's TOC member is in its electorate). */
async function pendingSeatDecision(tagId: string, userId: string) {
  const seat = await db.roleAssignment.create({
    data: { tagId, userId, kind: "chair", status: "pending", requestedAt: new Date() },
  });
  return db.$transaction((tx) =>
    openSeatDecision(tx, { kind: "appointment", assignmentId: seat.id, openedById: null }),
  );
}

/**
 * A cell on a fresh claim in TAG A, held by a bystander or (`own`) by the caller. It changed when
 * the claim left `start` or gained an update (progress, a follow-up).
 */
function onClaim(
  start: "invited" | "requested" | "accepted" | "done",
  holder: "bystander" | "own",
  act: (actor: Actor | null, claimId: string) => Promise<unknown>,
) {
  return async (w: World, actor: Actor | null): Promise<Cell> => {
    const userId = holder === "own" && actor ? actor.id : (await w.bystander()).id;
    const claim = await claimOn(w.tagA.id, userId, start);
    return {
      run: () => act(actor, claim.id),
      changed: async () =>
        (await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).status !== start ||
        (await db.claimUpdate.count({ where: { claimId: claim.id } })) > 0,
    };
  };
}

/** A cell that makes `change` to a bystander's active seat in TAG A; `changed` judges the seat afterwards. */
function onSeat(
  change: "end" | "renew" | "emeritus",
  changed: (seat: { status: string; termEndAt: Date | null }) => boolean,
) {
  return async (w: World, actor: Actor | null): Promise<Cell> => {
    const seat = await seatOn(w.tagA.id, (await w.bystander()).id);
    return {
      run: () => roster.changeAssignment(actor, { assignmentId: seat.id, change }),
      changed: async () => changed(await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })),
    };
  };
}

/** A read succeeded: what a read row reports as its "change". */
function seen(read: () => Promise<unknown>) {
  let ok = false;
  return {
    run: async () => {
      ok = (await read()) != null;
    },
    changed: async () => ok,
  };
}

type Cell = {
  run: () => Promise<unknown>;
  changed: () => Promise<boolean>;
  /**
   * How a refusal shows: FORBIDDEN and an audited refusal; NOT_FOUND for what is hidden; or, for
   * operations that ask only for a signed-in caller, UNAUTHENTICATED to a visitor (the server action
   * wrapper records signed-out calls, lib/action.ts) and FORBIDDEN to others.
   */
  refusal?: "forbidden" | "not-found" | "sign-in";
};

/** A person the GitHub stand-in (dev/github-stand-in) answers for. */
const STAND_IN_PERSON = { login: "milo-member", githubId: 910006n };

/**
 * Each operation: prepare what it needs in TAG A, run it as `actor`, and report whether state changed
 * (for a read: whether it answered). `role` lets an operation act on the caller's own objects.
 */
/** An open mentor pairing in a TAG, written directly. */
function pairingOn(tagId: string, mentorId: string, menteeId: string) {
  return db.mentorPairing.create({ data: { tagId, mentorId, menteeId, startedAt: new Date() } });
}

/** A cell that ends a pairing whose mentor is `mentorId` (the mentee a bystander). */
async function pairingEnd(w: World, mentorId: string, actor: Actor | null): Promise<Cell> {
  const p = await pairingOn(w.tagA.id, mentorId, (await w.bystander()).id);
  return {
    run: () => endPairing(actor, { pairingId: p.id }),
    changed: async () => (await db.mentorPairing.findUniqueOrThrow({ where: { id: p.id } })).endedAt !== null,
  };
}

/** Counts the representation cells run, so each saves a minimum of its own (1 to 7, one per role). */
let representationRuns = 0;

const OPERATIONS: Record<string, (w: World, actor: Actor | null, role: MatrixRole) => Promise<Cell>> = {
  "initiative.manage": async (w, actor) => {
    const name = `Matrix initiative ${Math.random()}`;
    return {
      run: () => createInitiative(actor, { tagId: w.tagA.id, name, description: "", exitCriteria: "done" }),
      changed: async () => (await db.initiative.count({ where: { name } })) > 0,
    };
  },
  "initiative.state": async (w, actor) => {
    const ini = await db.initiative.create({ data: { tagId: w.tagA.id, name: "Matrix", createdAt: new Date() } });
    return {
      run: () => setInitiativeState(actor, { initiativeId: ini.id, state: "in_progress" }),
      changed: async () => (await db.initiative.findUniqueOrThrow({ where: { id: ini.id } })).state === "in_progress",
    };
  },
  "initiative.join": async (w, actor) => {
    const ini = await db.initiative.create({ data: { tagId: w.tagA.id, name: "Matrix", createdAt: new Date() } });
    return {
      run: () => joinInitiative(actor, { initiativeId: ini.id }),
      changed: async () => (await db.initiativeParticipant.count({ where: { initiativeId: ini.id } })) > 0,
    };
  },
  "initiative.check-in": async (w, actor) => {
    // Each signed-in caller takes part in the initiative, as people who check in do.
    const ini = await db.initiative.create({
      data: {
        tagId: w.tagA.id,
        name: "Matrix",
        createdAt: new Date(),
        participants: actor ? { create: [{ userId: actor.id, joinedAt: new Date() }] } : undefined,
      },
    });
    return {
      run: () => checkInInitiative(actor, { initiativeId: ini.id, body: "Going well" }),
      changed: async () => (await db.initiativeCheckIn.count({ where: { initiativeId: ini.id } })) > 0,
    };
  },
  "profile.edit": async (_w, actor) => {
    const bio = `matrix ${Math.random()}`;
    return {
      run: () =>
        updateProfile(
          actor,
          ProfileSchema.parse({
            region: "APAC",
            country: "",
            timezone: "Europe/Berlin",
            employer: null,
            skills: [],
            interests: [],
            languages: [],
            hoursPerMonth: 10,
            bio,
          }),
        ),
      changed: async () => (await db.user.count({ where: { bio } })) > 0,
    };
  },
  "matching.hide": async (w, actor) => {
    const item = await itemOn(w.tagA.id);
    return {
      run: () => setItemHidden(actor, { itemId: item.id, hidden: true }),
      changed: async () => (await db.hiddenItem.count({ where: { itemId: item.id } })) > 0,
    };
  },
  "matching.settings": async (_w, actor) => {
    const before = actor ? await db.user.findUniqueOrThrow({ where: { id: actor.id } }) : null;
    return {
      run: () =>
        updateMatchSettings(actor, {
          preferredKinds: [],
          matchOptOut: !before?.matchOptOut,
          digestOptIn: false,
        }),
      changed: async () =>
        !!before && (await db.user.findUniqueOrThrow({ where: { id: before.id } })).matchOptOut !== before.matchOptOut,
    };
  },
  "account.delete": async (w, actor, role) => {
    // Deleting an account removes its caller: each cell deletes a person of its own with the column's roles.
    if (!actor) {
      const other = await w.bystander();
      return {
        run: () => deleteAccount(null, other.login),
        changed: async () => (await db.user.findUniqueOrThrow({ where: { id: other.id } })).deletedAt !== null,
      };
    }
    const me = await createUser({ isTocMember: actor.isTocMember, isAdmin: actor.isAdmin });
    if (role === "ambassador") await db.user.update({ where: { id: me.id }, data: { isCncfAmbassador: true } });
    if (role === "lead" || role === "otherLead") await seatOn(role === "lead" ? w.tagA.id : w.tagB.id, me.id);
    const self = await loadActor(me.id);
    return {
      run: () => deleteAccount(self, me.login),
      changed: async () => (await db.user.findUniqueOrThrow({ where: { id: me.id } })).deletedAt !== null,
    };
  },
  "help-wanted.create": async (w, actor) => {
    const title = `Matrix post ${Math.random()}`;
    return {
      run: () => createItem(actor, itemSchema(new Date()).parse({ title, tags: w.tagA.slug, kind: "review" })),
      changed: async () => (await db.helpWantedItem.count({ where: { title } })) > 0,
    };
  },
  "help-wanted.edit": async (w, actor) => {
    const item = await itemOn(w.tagA.id);
    const title = `Matrix edit ${Math.random()}`;
    return {
      run: () => updateItem(actor, item.id, itemSchema(new Date()).parse({ title, tags: w.tagA.slug, kind: "review" })),
      changed: async () => (await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).title === title,
    };
  },
  "help-wanted.publish-draft": async (w, actor) => {
    const item = await itemOn(w.tagA.id, "draft");
    return {
      run: () =>
        publishDraft(
          actor,
          item.id,
          itemSchema(new Date()).parse({ title: "Published", tags: w.tagA.slug, kind: "review" }),
        ),
      changed: async () => (await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).status !== "draft",
    };
  },
  "help-wanted.discard-draft": async (w, actor) => {
    const item = await itemOn(w.tagA.id, "draft");
    return {
      run: () => discardDraft(actor, item.id, "not for us"),
      changed: async () => (await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).status !== "draft",
    };
  },
  "help-wanted.review": async (w, actor) => {
    const item = await itemOn(w.tagA.id);
    return {
      run: () => markItemReviewed(actor, item.id),
      changed: async () => (await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).reviewedAt !== null,
    };
  },
  "help-wanted.close": async (w, actor) => {
    const item = await itemOn(w.tagA.id);
    return {
      run: () => closeItem(actor, item.id, "no longer needed"),
      changed: async () => (await db.helpWantedItem.findUniqueOrThrow({ where: { id: item.id } })).status === "closed",
    };
  },
  "github.create-issue": async (w, actor) => {
    const item = await itemOn(w.tagA.id);
    await db.tag.update({ where: { id: w.tagA.id }, data: { repositories: ["cncf/matrix"] } });
    return {
      // The queue is not under test: the write row is the change.
      run: () => createIssueForItem(actor, { itemId: item.id, repo: "cncf/matrix" }, async () => undefined),
      changed: async () => (await db.githubWrite.count({ where: { itemId: item.id, kind: "create-issue" } })) > 0,
    };
  },
  "help-wanted.volunteer": async (w, actor) => {
    const item = await itemOn(w.tagA.id);
    return {
      run: () => claims.volunteerForItem(actor, { itemId: item.id, message: "" }),
      changed: async () => (await db.claim.count({ where: { itemId: item.id } })) > 0,
    };
  },
  "help-wanted.invite": async (w, actor) => {
    const item = await itemOn(w.tagA.id);
    const target = await w.bystander();
    await db.user.update({ where: { id: target.id }, data: { claimedAt: new Date() } });
    return {
      run: () => inviteToItem(actor, { itemId: item.id, userId: target.id, message: "" }),
      changed: async () => (await db.claim.count({ where: { itemId: item.id, status: "invited" } })) > 0,
    };
  },
  // A lead acts on a bystander's claim; a volunteer on their own (a visitor tries a bystander's).
  "help-wanted.decide": onClaim("requested", "bystander", (a, claimId) =>
    claims.decideClaim(a, { claimId, decision: "accept" }),
  ),
  "help-wanted.release": onClaim("accepted", "bystander", (a, claimId) => claims.releaseClaim(a, { claimId })),
  "help-wanted.follow-up": onClaim("accepted", "bystander", (a, claimId) =>
    claims.sendFollowUp(a, { claimId, body: "How is it going?" }),
  ),
  "help-wanted.confirm": onClaim("done", "bystander", (a, claimId) => claims.confirmCompletion(a, { claimId })),
  "help-wanted.progress": onClaim("accepted", "own", (a, claimId) =>
    claims.postProgress(a, { claimId, body: "Half done" }),
  ),
  "help-wanted.done": onClaim("accepted", "own", (a, claimId) =>
    claims.markClaimDone(a, { claimId, evidenceUrl: "https://github.com/cncf/toc/pull/1" }),
  ),
  "help-wanted.withdraw": onClaim("requested", "own", (a, claimId) => claims.withdrawClaim(a, { claimId })),
  "help-wanted.answer": onClaim("invited", "own", (a, claimId) =>
    answerInvitation(a, { claimId, decision: "decline" }),
  ),
  "text.report": async (w, actor) => {
    const item = await itemOn(w.tagA.id);
    return {
      run: () => reportText(actor, { subjectType: "item", subjectId: item.id, reason: "Matrix: an insulting text" }),
      changed: async () => (await db.textReport.count({ where: { subjectId: item.id } })) > 0,
    };
  },
  "text.hide": async (w, actor) => {
    const item = await itemOn(w.tagA.id);
    const { id } = await db.textReport.create({
      data: {
        subjectType: "item",
        subjectId: item.id,
        tagId: w.tagA.id,
        reporterId: w.people.member.id,
        reason: "Matrix: an insulting text",
        createdAt: new Date(),
      },
    });
    return {
      run: () => decideReport(actor, { reportId: id, decision: "hide", reason: "Insulting" }),
      changed: async () => (await db.hiddenText.count({ where: { subjectId: item.id } })) > 0,
    };
  },
  "text.unhide": async (w, actor) => {
    const item = await itemOn(w.tagA.id);
    await db.hiddenText.create({
      data: {
        subjectType: "item",
        subjectId: item.id,
        tagId: w.tagA.id,
        reason: "Matrix: hidden",
        hiddenById: w.people.admin.id,
        hiddenAt: new Date(),
      },
    });
    return {
      run: () => unhideText(actor, { subjectType: "item", subjectId: item.id, reason: "It was fine after all" }),
      changed: async () => (await db.hiddenText.count({ where: { subjectId: item.id } })) === 0,
    };
  },
  "contribution.self-report": async (w, actor) => {
    const title = `Matrix talk ${Math.random()}`;
    return {
      run: () =>
        selfReportContribution(
          actor,
          SelfReportSchema.parse({ tagSlug: w.tagA.slug, kind: "talk", title, occurredAt: "2026-01-10" }),
        ),
      changed: async () => (await db.contributionRecord.count({ where: { title } })) > 0,
    };
  },
  "contribution.verify": async (w, actor) => {
    const rec = await db.contributionRecord.create({
      data: {
        userId: (await w.bystander()).id,
        tagId: w.tagA.id,
        kind: "talk",
        source: "self_reported",
        verification: "pending",
        occurredAt: new Date(),
        title: "A talk",
      },
    });
    return {
      run: () => verifyContribution(actor, { recordId: rec.id, decision: "verify" }),
      changed: async () =>
        (await db.contributionRecord.findUniqueOrThrow({ where: { id: rec.id } })).verification !== "pending",
    };
  },
  "meeting.record": async (w, actor) => {
    const notesUrl = `https://notes.example.test/${Math.random()}`;
    return {
      run: () =>
        recordMeeting(actor, { tagId: w.tagA.id, heldOn: new Date(Date.now() - DAY), notesUrl, attendees: "" }),
      changed: async () => (await db.meeting.count({ where: { notesUrl } })) > 0,
    };
  },
  "consensus.object": async (w, actor) => {
    // A pending seat in its window, and a caller active in TAG A (its rule: 3 records in 6 months).
    const seat = await db.roleAssignment.create({
      data: {
        tagId: w.tagA.id,
        userId: (await w.bystander()).id,
        kind: "chair",
        status: "pending",
        requestedAt: new Date(),
      },
    });
    const window = await db.consensusWindow.create({
      data: {
        assignmentId: seat.id,
        tagId: w.tagA.id,
        notesUrl: "https://notes.example.test/consensus",
        opensAt: new Date(),
        closesAt: new Date(Date.now() + 7 * DAY),
      },
    });
    if (actor)
      await db.contributionRecord.createMany({
        data: [1, 2, 3].map((i) => ({
          userId: actor.id,
          tagId: w.tagA.id,
          kind: "review" as const,
          source: "github" as const,
          occurredAt: new Date(Date.now() - i * DAY),
        })),
      });
    return {
      run: () => objectToAppointment(actor, { assignmentId: seat.id, reason: "Not discussed with the whole TAG yet." }),
      changed: async () => (await db.consensusObjection.count({ where: { windowId: window.id } })) > 0,
    };
  },
  "meeting.attend": async (w, actor) => {
    const m = await db.meeting.create({
      data: {
        tagId: w.tagA.id,
        heldOn: new Date(Date.now() - DAY),
        notesUrl: "https://notes.example.test/m",
        createdAt: new Date(),
      },
    });
    return {
      run: () => attendMeeting(actor, { meetingId: m.id }),
      changed: async () =>
        (await db.contributionRecord.count({ where: { externalId: { startsWith: `meeting:${m.id}:` } } })) > 0,
    };
  },
  "pathway.define": async (w, actor) => {
    const name = `Step ${Math.random().toString(36).slice(2, 8)}`;
    const ladder = () => db.pathwayLadder.findUnique({ where: { tagId: w.tagA.id } });
    return {
      run: async () =>
        saveLadder(actor, { tagId: w.tagA.id, version: (await ladder())?.version ?? 0, steps: `${name}: 1 pr` }),
      changed: async () => JSON.stringify((await ladder())?.steps ?? []).includes(name),
    };
  },
  "pathway.pair": async (w, actor) => {
    const [mentor, mentee] = [await w.bystander(), await w.bystander()];
    return {
      run: () => pairMentor(actor, { tagId: w.tagA.id, mentor: mentor.login, mentee: mentee.login }),
      changed: async () => (await db.mentorPairing.count({ where: { menteeId: mentee.id } })) > 0,
    };
  },
  // Ending a pairing between two other people: the TAG's leads.
  "pathway.pair-end": async (w, actor) => pairingEnd(w, (await w.bystander()).id, actor),
  // Ending one's own: the mentor (or the mentee) of the pairing, whoever they are.
  "pathway.pair-end-own": async (w, actor) => pairingEnd(w, actor?.id ?? (await w.bystander()).id, actor),
  // Signing off one's own mentee: whoever is the pairing's mentor.
  "tag-report.write": async (w, actor) => {
    const summary = `Matrix ${Math.random().toString(36).slice(2, 8)}`;
    const draft = () => db.tagReportDraft.findUnique({ where: { tagId_period: { tagId: w.tagA.id, period: "2026" } } });
    return {
      run: async () =>
        saveTagReportDraft(actor, {
          tagId: w.tagA.id,
          period: "2026",
          version: (await draft())?.version ?? 0,
          summary,
        }),
      changed: async () => JSON.stringify((await draft())?.narrative ?? {}).includes(summary),
    };
  },
  // A seat of a role with deliverables, held by the caller (a bystander's for a visitor).
  "holder-report.post": async (w, actor) => {
    const at = new Date();
    const def = await db.roleDefinition.create({
      data: {
        tagId: w.tagA.id,
        roleKey: crypto.randomUUID(),
        version: 1,
        name: "Matrix ambassador",
        kind: "tag_ambassador",
        deliverables: "One talk a quarter",
        createdAt: at,
      },
    });
    const seat = await db.roleAssignment.create({
      data: {
        tagId: w.tagA.id,
        userId: actor?.id ?? (await w.bystander()).id,
        kind: "tag_ambassador",
        status: "active",
        requestedAt: at,
        startAt: at,
        roleDefinitionId: def.id,
      },
    });
    return {
      run: () =>
        postHolderReport(actor, { assignmentId: seat.id, body: "A talk given, a blog post drafted.", links: [] }),
      changed: async () => (await db.holderReport.count({ where: { assignmentId: seat.id } })) > 0,
    };
  },
  "pathway.sign-off": async (w, actor) => {
    await ladderWithSignOffStep(w.tagA.id);
    const p = await pairingOn(w.tagA.id, actor?.id ?? (await w.bystander()).id, (await w.bystander()).id);
    return {
      run: () => signOffStep(actor, { pairingId: p.id, step: "Matrix shadow" }),
      changed: async () => (await db.pathwaySignOff.count({ where: { userId: p.menteeId } })) > 0,
    };
  },
  // A shadowing item naming the caller (a bystander for a visitor) as its mentor, with an accepted volunteer.
  "pathway.sign-off-item": async (w, actor) => {
    await ladderWithSignOffStep(w.tagA.id);
    const volunteer = await w.bystander();
    const c = await claimOn(w.tagA.id, volunteer.id, "accepted");
    await db.helpWantedItem.update({
      where: { id: c.itemId },
      data: { kind: "shadow", shadowMentorId: actor?.id ?? (await w.bystander()).id, shadowStep: "Matrix shadow" },
    });
    return {
      run: () => signOffFromItem(actor, { claimId: c.id }),
      changed: async () => (await db.pathwaySignOff.count({ where: { userId: volunteer.id } })) > 0,
    };
  },
  "github.sync": async (w, actor) => {
    // One sync at a time per TAG: an earlier cell's run must not block this one.
    await db.tag.update({ where: { id: w.tagA.id }, data: { repositories: ["cncf/matrix"] } });
    await db.syncRun.deleteMany({ where: { tagId: w.tagA.id } });
    return {
      run: () => startSync(actor, w.tagA.slug, async () => undefined),
      changed: async () => (await db.syncRun.count({ where: { tagId: w.tagA.id } })) > 0,
    };
  },
  "github.map-repository": async (w, actor) => {
    await db.githubInstallation.upsert({
      where: { id: 9001 },
      create: { id: 9001, account: "cncf", repositories: ["cncf/matrix-app"], updatedAt: new Date() },
      update: {},
    });
    await db.tag.update({ where: { id: w.tagA.id }, data: { repositories: [] } });
    return {
      run: () => mapRepository(actor, MapRepositorySchema.parse({ repo: "cncf/matrix-app", tagSlug: w.tagA.slug })),
      changed: async () =>
        (await db.tag.findUniqueOrThrow({ where: { id: w.tagA.id } })).repositories.includes("cncf/matrix-app"),
    };
  },
  "github.labels": async (w, actor) => {
    await db.tag.update({ where: { id: w.tagA.id }, data: { repositories: ["cncf/matrix"] } });
    const labels = `matrix-${Math.random().toString(36).slice(2, 8)}`;
    return {
      run: () => setHelpWantedLabels(actor, HelpWantedLabelsSchema.parse({ repo: "cncf/matrix", labels })),
      changed: async () =>
        JSON.stringify(await db.repositorySettings.findMany({ where: { repo: "cncf/matrix" } })).includes(labels),
    };
  },
  "github.project-link": async (w, actor) => {
    await db.tagProject.deleteMany({ where: { tagId: w.tagA.id } });
    // GitHub's answer for the project (the GraphQL side has its own tests); Status writes are recorded, not sent.
    const resolve = async () => ({
      projectId: "PVT_matrix",
      title: "Matrix",
      url: "https://github.com/orgs/cncf/projects/1",
      statusFieldId: "F",
      statusOptions: { Open: "a", Claimed: "b", "In progress": "c", Done: "d" },
    });
    return {
      run: () => linkTagProject(actor, { tagId: w.tagA.id, owner: "cncf", number: 1 }, resolve, async () => undefined),
      changed: async () => (await db.tagProject.count({ where: { tagId: w.tagA.id } })) === 1,
    };
  },
  "github.roster-pull": async (w, actor) => {
    vi.stubEnv("ROSTER_PULL_REQUEST_REPO", "cncf/toc");
    resetEnvForTests();
    const target = await w.bystander();
    const seat = await appointLeader(w.actorOf("lead"), {
      tagId: w.tagA.id,
      login: target.login,
      kind: "tech_lead",
      termMonths: 24,
    });
    const decision = await db.decision.findFirstOrThrow({ where: { subjectId: seat.id, status: "open" } });
    // The TOC's tags.yaml on the stand-in, as the portal would export it: the appointment adds its entry.
    await fetch(`${env().GITHUB_API_URL.replace(/\/api$/, "")}/_stand-in/files`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ repo: "cncf/toc", path: "tags.yaml", text: await exportTagsYamlFromDatabase(db) }),
    });
    return {
      run: () => openRosterPullNow(actor, { decisionId: decision.id }),
      changed: async () => (await db.rosterPullRequest.count({ where: { decisionId: decision.id } })) === 1,
    };
  },
  "github.project-unlink": async (w, actor) => {
    const data = {
      owner: "cncf",
      number: 1,
      projectId: "PVT_matrix",
      title: "Matrix",
      url: "https://github.com/orgs/cncf/projects/1",
      statusFieldId: "F",
      statusOptions: {},
      linkedAt: new Date(),
    };
    await db.tagProject.upsert({ where: { tagId: w.tagA.id }, create: { tagId: w.tagA.id, ...data }, update: data });
    return {
      run: () => unlinkTagProject(actor, { tagId: w.tagA.id }),
      changed: async () => (await db.tagProject.count({ where: { tagId: w.tagA.id } })) === 0,
    };
  },
  "slack.manage": async (w, actor) => {
    const webhookUrl = `https://hooks.slack.com/services/T0/B0/${Math.random().toString(36).slice(2)}`;
    return {
      run: () => saveSlackSettings(actor, { tagId: w.tagA.id, webhookUrl, events: ["item.done"] }),
      changed: async () => {
        const row = await db.tagSlack.findUnique({ where: { tagId: w.tagA.id } });
        return !!row && openSecret(row.webhookCiphertext) === webhookUrl;
      },
    };
  },
  "slack.remove": async (w, actor) => {
    const at = new Date();
    await db.tagSlack.upsert({
      where: { tagId: w.tagA.id },
      create: { tagId: w.tagA.id, webhookCiphertext: "x", webhookHint: "x", updatedAt: at },
      update: {},
    });
    return {
      run: () => removeSlackSettings(actor, { tagId: w.tagA.id }),
      changed: async () => !(await db.tagSlack.findUnique({ where: { tagId: w.tagA.id } })),
    };
  },
  "slack.retry": async (w, actor) => {
    const at = new Date();
    const d = await db.slackDelivery.create({
      data: {
        tagId: w.tagA.id,
        event: "item.done",
        message: { text: "x", blocks: [] },
        status: "failed",
        createdAt: at,
        nextAttemptAt: at,
      },
    });
    return {
      run: () => retrySlackDelivery(actor, { deliveryId: d.id }),
      changed: async () => (await db.slackDelivery.findUniqueOrThrow({ where: { id: d.id } })).status === "pending",
    };
  },
  "calendar.reset": async (_w, actor) => {
    const before = actor ? await db.calendarToken.findUnique({ where: { userId: actor.id } }) : null;
    return {
      run: () => resetCalendarToken(actor),
      changed: async () =>
        !!actor &&
        (await db.calendarToken.findUnique({ where: { userId: actor.id } }))?.tokenHash !== before?.tokenHash,
    };
  },
  "dashboard.view": async (w, actor) => seen(() => getTagDashboard(actor, w.tagA.slug)),
  "dashboard.overview": async (_w, actor) => seen(() => getTocOverview(actor)),
  "decision.view": async (w, actor) => {
    const d = await pendingSeatDecision(w.tagA.id, (await w.bystander()).id);
    return seen(() => getDecision(actor, d.id));
  },
  // A draft is hidden, not refused: to anyone else it does not exist.
  "election.view-draft": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "draft");
    return { ...seen(() => getElection(e.id, actor)), refusal: "not-found" };
  },
  "tag.create": async (_w, actor) => {
    const slug = `matrix-${Math.random().toString(36).slice(2, 10)}`;
    return {
      run: () => createTagAction(actor, TagSchema.parse({ slug, name: `TAG ${slug}` })),
      changed: async () => (await db.tag.count({ where: { slug } })) > 0,
    };
  },
  "tag.update": async (w, actor) => {
    const name = `Matrix TAG ${Math.random()}`;
    return {
      run: () =>
        // The factory's slugs start with tag-, which the form refuses: parse the rest, keep the slug.
        updateTag(actor, { ...TagSchema.parse({ slug: "matrix", name }), id: w.tagA.id, slug: w.tagA.slug }),
      changed: async () => (await db.tag.findUniqueOrThrow({ where: { id: w.tagA.id } })).name === name,
    };
  },
  "tag.import-yaml": async (_w, actor) =>
    seen(() => importTagsYamlAsAdmin(actor, TagsImportSchema.parse({ source: "pasted", text: "tags: []\n" }))),
  "tag.representation": async (w, actor) => {
    // A minimum no earlier role's run saved: a refused save must leave no match behind.
    const minimum = ++representationRuns;
    return {
      run: () => saveTargets(actor, { tagId: w.tagA.id, targets: `Leadership: at least ${minimum} from EMEA` }),
      changed: async () =>
        (await db.representationTarget.count({ where: { tagId: w.tagA.id, region: "EMEA", minimum } })) > 0,
    };
  },
  "tag.settings": async (w, actor) => {
    const tag = await db.tag.findUniqueOrThrow({ where: { id: w.tagA.id } });
    const staleAfterDays = tag.staleAfterDays === 9 ? 10 : 9;
    const version = await settingsVersion(w.tagA.id);
    return {
      run: () =>
        updateTagSettings(
          actor,
          TagSettingsSchema.parse({
            tagId: w.tagA.id,
            version,
            staleAfterDays,
            reason: "matrix",
          }),
        ),
      changed: async () =>
        (await db.tag.findUniqueOrThrow({ where: { id: w.tagA.id } })).staleAfterDays === staleAfterDays,
    };
  },
  "user.grant-role": async (w, actor) => {
    const target = await w.bystander();
    return {
      run: () => setGlobalRole(actor, { userId: target.id, role: "toc", grant: true }),
      changed: async () => (await db.user.findUniqueOrThrow({ where: { id: target.id } })).isTocMember,
    };
  },
  "ambassador.verify": async (w, actor) => {
    const target = await w.bystander();
    return {
      run: () => setAmbassador(actor, { userId: target.id, verified: true }),
      changed: async () => (await db.user.findUniqueOrThrow({ where: { id: target.id } })).isCncfAmbassador,
    };
  },
  "ambassador.import": async (_w, actor) => {
    // A login the GitHub stand-in knows; reset so that only this cell's call can verify it.
    await db.user.updateMany({ where: { githubId: STAND_IN_PERSON.githubId }, data: { isCncfAmbassador: false } });
    return {
      run: () => importAmbassadors(actor, { logins: [STAND_IN_PERSON.login] }),
      changed: async () =>
        (await db.user.count({ where: { githubId: STAND_IN_PERSON.githubId, isCncfAmbassador: true } })) > 0,
    };
  },
  "roster.appoint": async (w, actor) => {
    const target = await w.bystander();
    return {
      run: () => appointLeader(actor, { tagId: w.tagA.id, login: target.login, kind: "tech_lead", termMonths: 24 }),
      changed: async () => (await db.roleAssignment.count({ where: { userId: target.id } })) > 0,
    };
  },
  "roster.end-request": async (w, actor) => {
    const at = new Date();
    const seat = await db.roleAssignment.create({
      data: {
        tagId: w.tagA.id,
        userId: (await w.bystander()).id,
        kind: "tech_lead",
        status: "active",
        requestedAt: at,
        startAt: at,
      },
    });
    return {
      run: () => requestEndOfSeat(actor, { assignmentId: seat.id, reason: "inactive for a year" }),
      changed: async () =>
        (await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).endRequestedAt !== null,
    };
  },
  "role.define": async (w, actor) => {
    const name = `Matrix role ${Math.random()}`;
    return {
      run: () =>
        defineRole(actor, RoleDefinitionSchema.parse({ tagId: w.tagA.id, name, kind: "custom", totalSeats: "2" })),
      changed: async () => (await db.roleDefinition.count({ where: { name } })) > 0,
    };
  },
  "role.retire": async (w, actor) => {
    const def = await roleOn(w.tagA.id);
    return {
      run: () => retireRole(actor, { tagId: w.tagA.id, roleKey: def.roleKey }),
      changed: async () => (await db.roleDefinition.count({ where: { roleKey: def.roleKey } })) > 1,
    };
  },
  "roster.appoint-role": async (w, actor) => {
    const def = await roleOn(w.tagA.id);
    const target = await w.bystander();
    return {
      run: () => roster.appointToRole(actor, { roleDefinitionId: def.id, login: target.login }),
      changed: async () => (await db.roleAssignment.count({ where: { roleDefinitionId: def.id } })) > 0,
    };
  },
  "roster.cancel-pending": async (w, actor) => {
    const seat = await pendingRoleSeat(w.tagA.id, (await w.bystander()).id);
    return {
      run: () => roster.cancelPendingAppointment(actor, { assignmentId: seat.id }),
      changed: async () => (await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status !== "pending",
    };
  },
  "roster.change": onSeat("end", (s) => s.status !== "active"),
  "roster.renew": onSeat("renew", (s) => s.termEndAt !== null),
  "roster.emeritus": onSeat("emeritus", (s) => s.status === "emeritus"),
  "roster.advisory-fellow": async (w, actor) => {
    const holder = await w.bystander();
    const seat = await seatOn(w.tagA.id, holder.id);
    const fellow = await roleOn(w.tagA.id, "advisory_fellow");
    return {
      run: () => roster.moveToAdvisoryFellow(actor, { assignmentId: seat.id, roleDefinitionId: fellow.id }),
      changed: async () => (await db.roleAssignment.count({ where: { roleDefinitionId: fellow.id } })) > 0,
    };
  },
  "roster.manage": async (w, actor) => {
    const seat = await seatOn(w.tagA.id, (await w.bystander()).id);
    return {
      run: () => recordLeave(actor, LeaveSchema.parse({ assignmentId: seat.id, from: "2030-01-01", to: "2030-01-07" })),
      changed: async () => (await db.leave.count({ where: { assignmentId: seat.id } })) > 0,
    };
  },
  "leave.update": async (w, actor) => {
    const seat = await seatOn(w.tagA.id, (await w.bystander()).id);
    const leave = await db.leave.create({
      data: { assignmentId: seat.id, from: new Date("2030-01-01"), to: new Date("2030-01-07"), createdAt: new Date() },
    });
    return {
      run: () =>
        updateLeave(actor, UpdateLeaveSchema.parse({ leaveId: leave.id, from: "2030-01-01", to: "2030-01-09" })),
      changed: async () =>
        (await db.leave.findUniqueOrThrow({ where: { id: leave.id } })).to.toISOString().startsWith("2030-01-09"),
    };
  },
  "leave.cancel": async (w, actor) => {
    const seat = await seatOn(w.tagA.id, (await w.bystander()).id);
    const leave = await db.leave.create({
      data: { assignmentId: seat.id, from: new Date("2030-01-01"), to: new Date("2030-01-07"), createdAt: new Date() },
    });
    return {
      run: () => cancelLeave(actor, { leaveId: leave.id }),
      changed: async () => (await db.leave.count({ where: { id: leave.id } })) === 0,
    };
  },
  "leave.own": async (w, actor) => {
    // The visitor has no seat: the leave is tried on a bystander's, which a visitor may not touch either.
    const seat = await seatOn(w.tagA.id, actor?.id ?? (await w.bystander()).id);
    return {
      run: () => recordLeave(actor, LeaveSchema.parse({ assignmentId: seat.id, from: "2030-01-01", to: "2030-01-07" })),
      changed: async () => (await db.leave.count({ where: { assignmentId: seat.id } })) > 0,
    };
  },
  "roster.resign": async (w, actor) => {
    const seat = await seatOn(w.tagA.id, actor?.id ?? (await w.bystander()).id);
    return {
      run: () => roster.resignSeat(actor, { assignmentId: seat.id, reason: "moving on" }),
      changed: async () => (await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status !== "active",
    };
  },
  "liaison.create": async (w, actor) => {
    const seat = await seatOn(w.tagA.id, (await w.bystander()).id, "tag_ambassador");
    return {
      run: () =>
        createLiaison(actor, CreateLiaisonSchema.parse({ assignmentId: seat.id, foundation: "Matrix Foundation" })),
      changed: async () => (await db.liaison.count({ where: { assignmentId: seat.id } })) > 0,
    };
  },
  "liaison.update": async (w, actor) => {
    const l = await liaisonOn(w.tagA.id, (await w.bystander()).id);
    return {
      run: () =>
        updateLiaison(
          actor,
          UpdateLiaisonSchema.parse({ liaisonId: l.id, foundation: "Matrix Foundation", cadenceDays: 14 }),
        ),
      changed: async () => (await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).cadenceDays === 14,
    };
  },
  "liaison.end": async (w, actor) => {
    const l = await liaisonOn(w.tagA.id, (await w.bystander()).id);
    return {
      run: () => endLiaison(actor, EndLiaisonSchema.parse({ liaisonId: l.id, reason: "project archived" })),
      changed: async () => (await db.liaison.findUniqueOrThrow({ where: { id: l.id } })).endedAt !== null,
    };
  },
  "liaison.check-in": async (w, actor) => {
    const l = await liaisonOn(w.tagA.id, (await w.bystander()).id);
    return checkInOn(l.id, actor);
  },
  "liaison.check-in-own": async (w, actor) => {
    const l = await liaisonOn(w.tagA.id, actor?.id ?? (await w.bystander()).id);
    return checkInOn(l.id, actor);
  },
  "leadership.remove-vote": async (w, actor) => {
    const seat = await seatOn(w.tagA.id, (await w.bystander()).id);
    return {
      run: () => openRemovalProposal(actor, { assignmentId: seat.id, reason: "inactive for a year" }),
      changed: async () => (await db.decision.count({ where: { subjectId: seat.id, kind: "removal" } })) > 0,
    };
  },
  "election.run": async (w, actor) => {
    const def = await roleOn(w.tagA.id);
    const title = `Matrix election ${Math.random()}`;
    const at = Date.now();
    const iso = (days: number) => new Date(at + days * DAY).toISOString();
    const input = CreateElectionSchema.parse({
      tagId: w.tagA.id,
      roleKey: def.roleKey,
      title,
      cycleDate: iso(90),
      seatsByRegion: { any: 1 },
      nominationsOpenAt: iso(1),
      nominationsCloseAt: iso(5),
      votingOpenAt: iso(6),
      votingCloseAt: iso(9),
      candidateRule: "any-member",
    });
    return {
      run: () => createElection(actor, input),
      changed: async () => (await db.election.count({ where: { title } })) > 0,
    };
  },
  "election.extend": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "nominations");
    const to = new Date(e.nominationsCloseAt.getTime() + DAY);
    return {
      run: () =>
        extendElectionWindow(
          actor,
          ExtendWindowSchema.parse({
            electionId: e.id,
            field: "nominationsCloseAt",
            to: to.toISOString(),
            reason: "more time",
          }),
        ),
      changed: async () =>
        (await db.election.findUniqueOrThrow({ where: { id: e.id } })).nominationsCloseAt.getTime() === to.getTime(),
    };
  },
  "election.move-phase": async (w, actor) => moveDraft(await electionOn(w.tagA.id, "draft"), actor),
  "election.roll-publish": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "draft");
    return {
      run: () => publishVoterRoll(actor, { electionId: e.id }),
      changed: async () => (await db.election.findUniqueOrThrow({ where: { id: e.id } })).rollPublishedAt !== null,
    };
  },
  "election.cancel": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "draft");
    return {
      run: () => cancelElection(actor, { electionId: e.id, reason: "the seat was removed" }),
      changed: async () => (await db.election.findUniqueOrThrow({ where: { id: e.id } })).phase === "cancelled",
    };
  },
  // An election of TAG A with no officers: only an admin, overseeing every election, moves it.
  "election.oversee": async (w, actor) => moveDraft(await electionOn(w.tagA.id, "draft", []), actor),
  "election.import-elekto": async (w, actor) => {
    const title = `Matrix Elekto ${Math.random()}`;
    const yaml = `name: ${title}\nstart_datetime: 2030-01-10 00:00:00\nend_datetime: 2030-01-20 00:00:00\nno_winners: 1\n`;
    const archive = Buffer.from(
      zipSync({ "election.yaml": strToU8(yaml), "voters.yaml": strToU8("eligible_voters: []\n") }),
    ).toString("base64");
    return {
      run: () => uploadElektoArchive(actor, { tagSlug: w.tagA.slug, archive, mode: "import" }),
      changed: async () => (await db.election.count({ where: { title } })) > 0,
    };
  },
  "election.voters": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "draft");
    return {
      run: () => uploadVoterList(actor, { electionId: e.id, logins: STAND_IN_PERSON.login }),
      changed: async () => (await db.electionVoter.count({ where: { electionId: e.id } })) > 0,
    };
  },
  "election.nominate": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "nominations");
    await db.election.update({ where: { id: e.id }, data: { candidateRule: "any-member" } });
    return {
      run: () => selfNominate(actor, { electionId: e.id, statement: "I will serve" }),
      changed: async () => (await db.nomination.count({ where: { electionId: e.id } })) > 0,
      refusal: "sign-in",
    };
  },
  // The candidate's own nomination (a visitor tries a bystander's).
  "election.withdraw": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "nominations");
    const n = await db.nomination.create({
      data: { electionId: e.id, userId: actor?.id ?? (await w.bystander()).id, statement: "Me", createdAt: new Date() },
    });
    return {
      run: () => withdrawNomination(actor, { nominationId: n.id }),
      changed: async () => (await db.nomination.findUniqueOrThrow({ where: { id: n.id } })).status === "withdrawn",
      refusal: "sign-in",
    };
  },
  "election.exception-decide": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "nominations");
    const x = await db.electionException.create({
      data: {
        electionId: e.id,
        userId: (await w.bystander()).id,
        kind: "vote",
        reason: "reviews",
        createdAt: new Date(),
      },
    });
    return {
      run: () => decideElectionException(actor, { exceptionId: x.id, grant: true, reason: "counts" }),
      changed: async () => (await db.electionException.findUniqueOrThrow({ where: { id: x.id } })).status !== "pending",
    };
  },
  "election.exception-request": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "nominations");
    return {
      run: () =>
        requestElectionException(actor, { electionId: e.id, kind: "vote", reason: "I review the TAG's papers" }),
      changed: async () => (await db.electionException.count({ where: { electionId: e.id } })) > 0,
    };
  },
  "election.endorse": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "nominations");
    const n = await nominationOf(e.id, (await w.bystander()).id);
    await onRoll(e.id, actor);
    return {
      run: () => endorseNomination(actor, { nominationId: n.id }),
      changed: async () => (await db.endorsement.count({ where: { nominationId: n.id } })) > 0,
      refusal: "sign-in",
    };
  },
  "election.vote": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "voting");
    const n = await nominationOf(e.id, (await w.bystander()).id);
    await onRoll(e.id, actor);
    return {
      run: () => castBallot(actor, { electionId: e.id, ranking: [[n.id]] }),
      changed: async () => (await db.ballot.count({ where: { electionId: e.id } })) > 0,
      refusal: "sign-in",
    };
  },
  // The caller's own ballot, written directly with a receipt they hold (a visitor holds one too).
  "election.replace-ballot": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "voting");
    const [first, second] = [await w.bystander(), await w.bystander()];
    const [a, b] = [await nominationOf(e.id, first.id), await nominationOf(e.id, second.id)];
    const receipt = await ballotOf(e.id, actor, [[a.id]]);
    return {
      run: () => replaceBallot(actor, { electionId: e.id, receipt, ranking: [[b.id]] }),
      changed: async () =>
        JSON.stringify((await db.ballot.findFirstOrThrow({ where: { electionId: e.id } })).choices) !==
        JSON.stringify([[a.id]]),
      refusal: "sign-in",
    };
  },
  "election.check-receipt": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "published");
    const n = await nominationOf(e.id, (await w.bystander()).id);
    const receipt = await ballotOf(e.id, actor, [[n.id]]);
    return { ...seen(() => checkReceipt(actor, { electionId: e.id, receipt })), refusal: "sign-in" };
  },
  "election.publish": async (w, actor) => {
    const e = await electionOn(w.tagA.id, "approved");
    return {
      run: () => publishElection(actor, { electionId: e.id }),
      changed: async () => (await db.election.findUniqueOrThrow({ where: { id: e.id } })).phase === "published",
    };
  },
  "election.offer-vacancy": async (w, actor) => {
    const { e, seat } = await vacatedSeatOn(w.tagA.id, [(await w.bystander()).id], (await w.bystander()).id);
    return {
      run: () => offerVacancy(actor, { electionId: e.id, assignmentId: seat.id }),
      changed: async () => (await db.vacancyOffer.count({ where: { vacatedId: seat.id } })) > 0,
    };
  },
  "election.answer-offer": async (w, actor) => {
    // Answering follows the offer, not the table: the offered person answers their own offer.
    const runnerUp = actor?.id ?? (await w.bystander()).id;
    const { e, seat } = await vacatedSeatOn(w.tagA.id, [runnerUp], (await w.bystander()).id);
    const at = new Date();
    const offer = await db.vacancyOffer.create({
      data: {
        electionId: e.id,
        vacatedId: seat.id,
        userId: runnerUp,
        rank: 0,
        offeredAt: at,
        respondBy: new Date(at.getTime() + 400 * DAY),
      },
    });
    return {
      run: () => answerVacancyOffer(actor, { offerId: offer.id, answer: "decline", confirm: "on" }),
      changed: async () => (await db.vacancyOffer.findUniqueOrThrow({ where: { id: offer.id } })).status === "declined",
      refusal: "sign-in",
    };
  },
  "decision.apply-again": async (w, actor) => {
    // An approval whose effect a seat rule refused, the way now clear: applying it seats the person.
    const seat = await pendingRoleSeat(w.tagA.id, (await w.bystander()).id);
    const d = await db.$transaction((tx) =>
      openSeatDecision(tx, { kind: "appointment", assignmentId: seat.id, openedById: null }),
    );
    await db.decision.update({
      where: { id: d.id },
      data: { status: "approved", closedAt: new Date(), blockedReason: "Seat cap reached" },
    });
    return {
      run: () => applyDecisionAgain(actor, { decisionId: d.id }),
      changed: async () => (await db.roleAssignment.findUniqueOrThrow({ where: { id: seat.id } })).status !== "pending",
    };
  },
  // TAG A's log: a lead of another TAG is refused it, though they see their own.
  "audit.view": async (w, actor) => seen(() => searchAuditEvents(actor, { tagSlug: w.tagA.slug })),
  "help-wanted.edit-progress": async (w, actor) => {
    const userId = actor?.id ?? (await w.bystander()).id;
    const claim = await claimOn(w.tagA.id, userId, "accepted");
    const update = await db.claimUpdate.create({
      data: { claimId: claim.id, authorId: userId, kind: "progress", body: "Half done", createdAt: new Date() },
    });
    return {
      run: () => claims.editProgress(actor, { updateId: update.id, body: "Two thirds done" }),
      changed: async () => (await db.claimUpdate.findUniqueOrThrow({ where: { id: update.id } })).editedAt !== null,
    };
  },
  "profile.step": async (w, actor) => {
    const userId = actor?.id ?? (await w.bystander()).id;
    const before = await db.user.findUniqueOrThrow({ where: { id: userId } });
    const hoursPerMonth = before.hoursPerMonth === 12 ? 13 : 12;
    return {
      run: () =>
        completeProfileStep(
          actor,
          ProfileStepSchema.parse({ region: "APAC", timezone: "Asia/Tokyo", skills: [], interests: [], hoursPerMonth }),
        ),
      changed: async () => (await db.user.findUniqueOrThrow({ where: { id: userId } })).hoursPerMonth === hoursPerMonth,
    };
  },
  "profile.skip-step": async (_w, actor) => {
    if (actor) await db.user.update({ where: { id: actor.id }, data: { profileStepAt: null } });
    return {
      run: () => skipProfileStep(actor),
      changed: async () =>
        !!actor && (await db.user.findUniqueOrThrow({ where: { id: actor.id } })).profileStepAt !== null,
    };
  },
  // The caller's own notification (a visitor tries a bystander's).
  "notifications.read": async (w, actor) => {
    const userId = actor?.id ?? (await w.bystander()).id;
    const n = await db.notification.create({
      data: { userId, kind: "test", title: "Matrix notice", createdAt: new Date() },
    });
    return {
      run: () => markNotificationsRead(actor, { ids: [n.id] }),
      changed: async () => (await db.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt !== null,
    };
  },
  "notifications.prefs": async (w, actor) => {
    const userId = actor?.id ?? (await w.bystander()).id;
    const before = (await getNotificationPrefs(userId)).decision;
    const decision = NOTIFICATION_MODES.find((m) => m !== before)!;
    return {
      run: () => setNotificationPrefs(actor, { decision }),
      changed: async () => (await getNotificationPrefs(userId)).decision !== before,
    };
  },
  "decision.vote": async (w, actor) => {
    const d = await pendingSeatDecision(w.tagA.id, (await w.bystander()).id);
    return {
      run: () => castVote(actor, { decisionId: d.id, choice: "yes" }),
      changed: async () => (await db.decisionVote.count({ where: { decisionId: d.id } })) > 0,
    };
  },
  "decision.removal-vote": async (w, actor) => {
    // Opened by the world's TOC member (openRemovalProposal has its own row).
    const seat = await seatOn(w.tagA.id, (await w.bystander()).id);
    const d = await openRemovalProposal(w.actorOf("toc"), { assignmentId: seat.id, reason: "inactive for a year" });
    return {
      run: () => castVote(actor, { decisionId: d.id, choice: "yes" }),
      changed: async () => (await db.decisionVote.count({ where: { decisionId: d.id } })) > 0,
    };
  },
  "decision.conflict": async (w, actor) => {
    const d = await pendingSeatDecision(w.tagA.id, (await w.bystander()).id);
    return {
      run: () => declareConflict(actor, { decisionId: d.id, note: "I work with them" }),
      changed: async () => (await db.decisionElector.count({ where: { decisionId: d.id, recusal: "conflict" } })) > 0,
    };
  },
  "decision.record": async (w, actor) => {
    const d = await pendingSeatDecision(w.tagA.id, (await w.bystander()).id);
    return {
      run: () =>
        recordExternalDecision(actor, {
          decisionId: d.id,
          outcome: "approved",
          link: "https://github.com/cncf/toc/issues/1",
        }),
      changed: async () => (await db.decision.findUniqueOrThrow({ where: { id: d.id } })).status !== "open",
    };
  },
  "decision.rule": async (_w, actor) => {
    const before = await db.decisionRule.count();
    return {
      run: () =>
        setDecisionRule(actor, {
          threshold: "more-than-half",
          base: "members",
          periodDays: 7,
          quorum: "more-than-half",
        }),
      changed: async () => (await db.decisionRule.count()) > before,
    };
  },
  "decision.supermajority": async (w, actor) => {
    const before = JSON.stringify(await db.tag.findUniqueOrThrow({ where: { id: w.tagA.id } }));
    const supermajority = before.includes("three-quarters") ? "two-thirds" : "three-quarters";
    return {
      run: () => setRemovalSupermajority(actor, { tagId: w.tagA.id, supermajority }),
      changed: async () => JSON.stringify(await db.tag.findUniqueOrThrow({ where: { id: w.tagA.id } })) !== before,
    };
  },
};

/** The TAG's current settings version (what the settings form shows and sends back). */
async function settingsVersion(tagId: string) {
  const last = await db.tagSettingsVersion.findFirst({ where: { tagId }, orderBy: { version: "desc" } });
  return last?.version ?? 0;
}

function checkInOn(liaisonId: string, actor: Actor | null): Cell {
  const notes = `Matrix check-in ${Math.random()}`;
  return {
    run: () => logCheckIn(actor, CheckInSchema.parse({ liaisonId, date: "2026-01-05", notes, health: "fine" })),
    changed: async () => (await db.liaisonCheckIn.count({ where: { notes } })) > 0,
  };
}

function moveDraft(e: { id: string }, actor: Actor | null): Cell {
  return {
    run: () =>
      moveElectionPhase(actor, MovePhaseSchema.parse({ electionId: e.id, to: "nominations", reason: "ready" })),
    changed: async () => (await db.election.findUniqueOrThrow({ where: { id: e.id } })).phase !== "draft",
  };
}

/** Every server action exported from an `app/**\/actions.ts`, read from the source. */
function serverActionNames(): string[] {
  const root = path.resolve(import.meta.dirname, "../..");
  const files = fs
    .readdirSync(path.join(root, "app"), { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "actions.ts");
  return files.flatMap((f) =>
    [...fs.readFileSync(path.join(root, "app", f), "utf8").matchAll(/^export (?:async function|const) (\w+)/gm)].map(
      (m) => m[1]!,
    ),
  );
}

describe("permission matrix: every row has an operation, every permission and server action a row", () => {
  it("every entry of the permission table has a row", () => {
    const covered = new Set(Object.values(EXPECTED).flatMap((r) => (r.permission ? [r.permission] : [])));
    expect(
      Object.keys(PERMISSIONS)
        .filter((a) => !covered.has(a as Action))
        .sort(),
    ).toEqual([...NO_OPERATION_YET].sort());
  });

  it("every row has an operation, and every operation a row", () => {
    expect(Object.keys(EXPECTED).filter((op) => !OPERATIONS[op])).toEqual([]);
    expect(Object.keys(OPERATIONS).filter((op) => !EXPECTED[op])).toEqual([]);
  });

  it("every server action has a row (or is a listed gap)", () => {
    const names = serverActionNames();
    expect(names.length).toBeGreaterThan(50);
    expect(new Set(names).size).toBe(names.length);
    const rowed = new Set(Object.values(EXPECTED).flatMap((r) => r.actions));
    expect([...rowed].filter((a) => !names.includes(a))).toEqual([]);
    expect(names.filter((a) => !rowed.has(a)).sort()).toEqual([...NO_ROW_YET].sort());
  });
});

describe("permission matrix (every role x operation on TAG A, expectations from docs/permissions.md)", () => {
  let w: World;
  // Importing ambassadors and voter lists asks GitHub: the stand-in answers (port 0: the OS picks).
  const standIn = createStandIn({ port: 0, clientId: "c", clientSecret: "s" });
  beforeAll(async () => {
    await standIn.listen();
    vi.stubEnv("GITHUB_API_URL", `${standIn.url()}/api`);
    vi.stubEnv("PORTAL_ENCRYPTION_KEY", Buffer.alloc(32, 7).toString("base64"));
    resetEnvForTests();
    w = await world();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    resetEnvForTests();
    await standIn.close();
  });

  const cells = Object.entries(EXPECTED).flatMap(([op, row]) =>
    ROLES.map((role) => ({ op, role, allowed: row.allowed[role] })),
  );

  it.each(cells)("$op as $role: allowed=$allowed", async ({ op, role, allowed }) => {
    const actor = w.actorOf(role);
    const { run, changed, refusal } = await OPERATIONS[op]!(w, actor, role);
    const refused = { outcome: "refused", actorId: actor?.id ?? null };
    const refusalsBefore = await db.auditEvent.count({ where: refused });
    let error: unknown = null;
    try {
      await run();
    } catch (e) {
      error = e;
    }
    const refusals = (await db.auditEvent.count({ where: refused })) - refusalsBefore;
    // One object, so a failing cell shows the error it met and what changed.
    const outcome = {
      error: error instanceof AppError ? error.code : error ? String(error) : null,
      changed: await changed(),
      refusals: allowed ? 0 : refusals,
    };
    expect(outcome).toEqual(
      allowed
        ? { error: null, changed: true, refusals: 0 }
        : refusal === "not-found"
          ? { error: "NOT_FOUND", changed: false, refusals: 0 }
          : refusal === "sign-in" && role === "visitor"
            ? { error: "UNAUTHENTICATED", changed: false, refusals: 0 }
            : { error: "FORBIDDEN", changed: false, refusals: 1 },
    );
  });
});
