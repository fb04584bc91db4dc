import type { Action } from "@/lib/auth/permissions";

/**
 * Expected outcomes transcribed by hand from docs/permissions.md's hand-written table ("Who may do
 * what"). Deliberately NOT derived from lib/auth/permissions.ts: if the code's table drifts from the
 * design, the matrix test fails.
 *
 * One row per operation a person can call (a lib mutation, or the read behind a lead-only page). Each
 * row names the permission-table entry that governs it and the server actions (exported from an
 * `app/**\/actions.ts`) that call it; the matrix fails when a table entry or a server action has no
 * row, or a row has no operation.
 *
 * Columns: visitor (signed out), member, ambassador (CNCF Ambassador), lead (chair of TAG A, where
 * the operation is tried), otherLead (chair of TAG B, trying TAG A), toc, admin.
 */
export const ROLES = ["visitor", "member", "ambassador", "lead", "otherLead", "toc", "admin"] as const;
export type MatrixRole = (typeof ROLES)[number];

export interface Row {
  /** The table entry that governs it; null where an election's own rules decide (who may stand). */
  permission: Action | null;
  /** Server actions that run this operation. */
  actions: readonly string[];
  allowed: Readonly<Record<MatrixRole, boolean>>;
}

const signedIn: MatrixRole[] = ["member", "ambassador", "lead", "otherLead", "toc", "admin"];
const leadOrAdmin: MatrixRole[] = ["lead", "admin"];

function row(permission: Action | null, allowed: MatrixRole[], actions: string[] = []): Row {
  return {
    permission,
    actions,
    allowed: Object.fromEntries(ROLES.map((r) => [r, allowed.includes(r)])) as Row["allowed"],
  };
}

export const EXPECTED: Record<string, Row> = {
  // "manage TAGs, grant TOC/admin, verify CNCF Ambassadors": admin only.
  "tag.create": row("tag.manage", ["admin"], ["createTagAction"]),
  "tag.update": row("tag.manage", ["admin"], ["updateTagAction"]),
  "tag.import-yaml": row("tag.manage", ["admin"], ["importTagsYamlAction"]),
  // "TAG settings: chairs (and admins) edit" (issue 15); the matrix's lead is a chair of TAG A.
  "tag.settings": row("tag.settings", leadOrAdmin, ["saveTagSettingsAction"]),
  // Representation targets are a TAG setting (issue 21 point 3).
  "tag.representation": row("tag.settings", leadOrAdmin, ["saveTargetsAction"]),
  "user.grant-role": row("user.grant-role", ["admin"], ["setGlobalRoleAction"]),
  "ambassador.verify": row("ambassador.verify", ["admin"], ["setAmbassadorAction"]),
  "ambassador.import": row("ambassador.verify", ["admin"], ["importAmbassadorsAction"]),
  // "define roles, manage roster, leaves, liaisons": TAG lead of that TAG, admin.
  "roster.appoint": row("roster.appoint", leadOrAdmin),
  "roster.end-request": row("roster.appoint", leadOrAdmin),
  "role.define": row("role.define", leadOrAdmin, ["defineRoleAction"]),
  "role.retire": row("role.define", leadOrAdmin, ["retireRoleAction"]),
  "roster.appoint-role": row("roster.appoint", leadOrAdmin, ["appointToRoleAction"]),
  "roster.cancel-pending": row("roster.appoint", leadOrAdmin, ["cancelPendingAction"]),
  "roster.change": row("roster.appoint", leadOrAdmin, ["changeAssignmentAction"]),
  // "appoint, renew or end a seat": renewing and moving to emeritus are changes like ending.
  "roster.renew": row("roster.appoint", leadOrAdmin, ["changeAssignmentAction"]),
  "roster.emeritus": row("roster.appoint", leadOrAdmin, ["changeAssignmentAction"]),
  "roster.advisory-fellow": row("roster.appoint", leadOrAdmin, ["moveToAdvisoryFellowAction"]),
  // "manage roster, leaves": a leave recorded, changed or cancelled for someone else.
  "roster.manage": row("roster.manage", leadOrAdmin, ["recordLeaveAction"]),
  "leave.update": row("roster.manage", leadOrAdmin, ["updateLeaveAction"]),
  "leave.cancel": row("roster.manage", leadOrAdmin, ["cancelLeaveAction"]),
  // "log own liaison check-ins and own leaves": every signed-in person, on their own seat in any TAG.
  "leave.own": row("checkin.log", signedIn, ["recordLeaveAction"]),
  // "resign one's own seat": every signed-in person, their own seat.
  "roster.resign": row("roster.resign", signedIn, ["resignSeatAction"]),
  // "liaisons": leads of the seat's TAG make a TAG Ambassador seat a liaison and change it.
  "liaison.create": row("roster.manage", leadOrAdmin, ["createLiaisonAction"]),
  "liaison.update": row("roster.manage", leadOrAdmin, ["updateLiaisonAction"]),
  // Ending a liaison (the seat runs on): the same leads of the seat's TAG.
  "liaison.end": row("roster.manage", leadOrAdmin, ["endLiaisonAction"]),
  // A check-in on someone else's liaison: the TAG's leads (the liaison logs their own).
  "liaison.check-in": row("checkin.log", leadOrAdmin, ["logCheckInAction"]),
  "liaison.check-in-own": row("checkin.log", signedIn, ["logCheckInAction"]),
  // "vote to remove an inactive leader": TOC member only (opening the vote included).
  "leadership.remove-vote": row("leadership.remove-vote", ["toc"], ["openRemovalAction"]),
  // "vote on a TOC decision (chair / tech-lead changes, results, removals)": TOC member only.
  "decision.vote": row("decision.vote", ["toc"], ["castVoteAction"]),
  "decision.removal-vote": row("decision.vote", ["toc"], ["castVoteAction"]),
  "decision.conflict": row("decision.vote", ["toc"], ["declareConflictAction"]),
  // "record a TOC decision taken elsewhere": TOC member only.
  "decision.record": row("decision.record", ["toc"], ["recordExternalDecisionAction"]),
  // "set the TOC decision rule and the removal supermajority": TOC member or admin.
  "decision.rule": row("decision.rule", ["toc", "admin"], ["setDecisionRuleAction"]),
  "decision.supermajority": row("decision.rule", ["toc", "admin"], ["setRemovalSupermajorityAction"]),
  // "see the TOC's decisions about a TAG": its leads, TOC, admin.
  "decision.view": row("decision.view", ["lead", "toc", "admin"]),
  // "run initiatives": TAG lead of that TAG, admin; joining and checking in: anyone signed in.
  "initiative.manage": row("initiative.manage", leadOrAdmin, ["createInitiativeAction"]),
  "initiative.state": row("initiative.manage", leadOrAdmin, ["setInitiativeStateAction"]),
  "initiative.join": row("help-wanted.volunteer", signedIn, ["joinInitiativeAction"]),
  "initiative.check-in": row("checkin.log", signedIn, ["checkInInitiativeAction"]),
  // "invite a person to an item": TAG lead of that TAG, admin.
  "help-wanted.invite": row("help-wanted.invite", leadOrAdmin, ["inviteAction"]),
  // "edit own profile, see own matches": every signed-in person.
  "profile.edit": row("profile.edit", signedIn, ["saveProfileAction"]),
  "matching.hide": row("profile.edit", signedIn, ["hideItemAction"]),
  "matching.settings": row("profile.edit", signedIn, ["saveMatchSettingsAction"]),
  // "delete own account": every signed-in person.
  "account.delete": row("account.delete", signedIn, ["deleteAccountAction"]),
  // "create / edit / close items, accept / decline / release volunteers": TAG lead of that TAG, admin.
  "help-wanted.create": row("help-wanted.create", leadOrAdmin, ["createItemAction"]),
  "help-wanted.edit": row("help-wanted.create", leadOrAdmin, ["updateItemAction"]),
  "help-wanted.publish-draft": row("help-wanted.create", leadOrAdmin, ["publishDraftAction"]),
  "help-wanted.discard-draft": row("help-wanted.create", leadOrAdmin, ["discardDraftAction"]),
  "help-wanted.review": row("help-wanted.create", leadOrAdmin, ["markReviewedAction"]),
  "help-wanted.close": row("help-wanted.create", leadOrAdmin, ["closeItemAction"]),
  // Creating an item's GitHub issue in one of its TAG's repositories is part of posting it (issue 19).
  "github.create-issue": row("help-wanted.create", leadOrAdmin, ["createIssueAction"]),
  "help-wanted.decide": row("help-wanted.decide", leadOrAdmin, ["decideClaimAction"]),
  "help-wanted.release": row("help-wanted.decide", leadOrAdmin, ["releaseClaimAction"]),
  "help-wanted.follow-up": row("help-wanted.decide", leadOrAdmin, ["sendFollowUpAction"]),
  "help-wanted.confirm": row("help-wanted.decide", leadOrAdmin, ["confirmCompletionAction"]),
  // "volunteer for an item, post progress": every signed-in person, on any TAG, their own claim.
  "help-wanted.volunteer": row("help-wanted.volunteer", signedIn, ["volunteerAction", "volunteerFromMatchesAction"]),
  "help-wanted.progress": row("help-wanted.volunteer", signedIn, ["postProgressAction"]),
  "help-wanted.done": row("help-wanted.volunteer", signedIn, ["markDoneAction"]),
  "help-wanted.withdraw": row("help-wanted.volunteer", signedIn, ["withdrawClaimAction"]),
  "help-wanted.answer": row("help-wanted.volunteer", signedIn, ["answerInvitationAction"]),
  // "report a text to its TAG's leads": anyone signed in; "hide it with a reason": that TAG's leads, admins.
  "text.report": row("text.report", signedIn, ["reportTextAction"]),
  "text.hide": row("text.hide", leadOrAdmin, ["decideReportAction"]),
  "text.unhide": row("text.hide", leadOrAdmin, ["showTextAgainAction"]),
  // "self-report a contribution": everyone; "verify or reject one": TAG lead of that TAG, admin.
  "contribution.self-report": row("contribution.self-report", signedIn, ["selfReportAction"]),
  "contribution.verify": row("contribution.verify", leadOrAdmin, ["verifyAction"]),
  // "record a TAG meeting and its attendees": its leads, admin; "tick one's own attendance": everyone.
  "meeting.record": row("meeting.record", leadOrAdmin, ["recordMeetingAction"]),
  "meeting.attend": row("meeting.attend", signedIn, ["attendMeetingAction"]),
  // "object to a consensus appointment": anyone signed in; the lib refuses those not active in the TAG.
  "consensus.object": row("consensus.object", signedIn, ["objectToAppointmentAction"]),
  // "define the TAG's leadership ladder, pair mentors and mentees, end any pairing": its leads, admin.
  "pathway.define": row("pathway.define", leadOrAdmin, ["saveLadderAction"]),
  "pathway.pair": row("pathway.pair", leadOrAdmin, ["pairMentorAction"]),
  "pathway.pair-end": row("pathway.pair", leadOrAdmin, ["endPairingAction"]),
  // "sign off one's own mentee, end a mentoring one is part of": every signed-in person, on their own.
  "pathway.pair-end-own": row("pathway.mentor", signedIn, ["endPairingAction"]),
  "pathway.sign-off": row("pathway.mentor", signedIn, ["signOffStepAction"]),
  // The same right from a shadowing item: the mentor the item names (the lib refuses anyone else).
  "pathway.sign-off-item": row("pathway.mentor", signedIn, ["signOffShadowAction"]),
  // "write the narrative of the TAG's quarterly and annual reports": its leads, admin.
  "tag-report.write": row("tag-report.write", leadOrAdmin, ["saveTagReportDraftAction", "openTagReportPullAction"]),
  // "post one's own seat's quarterly report": whoever holds the seat.
  "holder-report.post": row("holder-report.post", signedIn, ["postHolderReportAction"]),
  // "start a GitHub sync, configure a TAG's repositories": TAG lead of that TAG, admin.
  "github.sync": row("github.sync", leadOrAdmin, ["startSyncAction"]),
  "github.labels": row("github.sync", leadOrAdmin, ["setHelpWantedLabelsAction"]),
  "github.project-link": row("github.sync", leadOrAdmin, ["linkTagProjectAction"]),
  "github.project-unlink": row("github.sync", leadOrAdmin, ["unlinkTagProjectAction"]),
  "github.roster-pull": row("github.sync", leadOrAdmin, ["openRosterPullAction"]),
  // "manage TAGs": mapping a GitHub App installation's repository to a TAG is admin only (/admin/github).
  "github.map-repository": row("tag.manage", ["admin"], ["mapRepositoryAction"]),
  // "set the TAG's Slack webhook and events, see and retry its failed Slack messages": its leads, admin.
  "slack.manage": row("slack.manage", leadOrAdmin, ["saveSlackSettingsAction"]),
  "slack.remove": row("slack.manage", leadOrAdmin, ["removeSlackSettingsAction"]),
  "slack.retry": row("slack.manage", leadOrAdmin, ["retrySlackDeliveryAction"]),
  // "make or reset one's own calendar link": every signed-in person, their own.
  "calendar.reset": row("profile.edit", signedIn, ["resetCalendarAction"]),
  // "dashboards of a TAG": its leads, TOC, admin; "cross-TAG dashboards": TOC, admin (a lead sees
  // the overview of the TAGs they lead only).
  "dashboard.view": row("dashboard.view", ["lead", "toc", "admin"]),
  "dashboard.overview": row("audit.view-all", ["lead", "otherLead", "toc", "admin"]),
  // "create and run an election (be its officer)": TAG lead of that TAG (its officer), admin.
  "election.run": row("election.run", leadOrAdmin, ["createElectionAction"]),
  "election.extend": row("election.run", leadOrAdmin, ["extendElectionWindowAction"]),
  "election.move-phase": row("election.run", leadOrAdmin, ["moveElectionPhaseAction"]),
  "election.cancel": row("election.run", leadOrAdmin, ["cancelElectionAction"]),
  "election.roll-publish": row("election.run", leadOrAdmin, ["publishVoterRollAction"]),
  "election.voters": row("election.run", leadOrAdmin, ["uploadVoterListAction"]),
  // Importing an Elekto folder creates an election like setting one up: the TAG's leads, admin.
  // The upload is a route handler (POST /elections/import/upload), not a server action: it takes the large body.
  "election.import-elekto": row("election.run", leadOrAdmin),
  // "see a TAG's elections while drafts": its leads, admin.
  "election.view-draft": row("election.view-draft", leadOrAdmin),
  // "act as an officer of any election": admin; shown by an admin moving another TAG's election.
  "election.oversee": row("election.oversee", ["admin"]),
  // "grant or deny exceptions (officers of that election)": the TAG's leads (its officers), admin.
  "election.exception-decide": row("election.exception-decide", leadOrAdmin, ["decideExceptionAction"]),
  // "request an election exception": every signed-in person, in any TAG.
  "election.exception-request": row("election.exception-request", signedIn, ["requestExceptionAction"]),
  // Standing and withdrawing follow the election's rules, not the table: anyone signed in who is
  // not one of its officers (the lead, an officer of TAG A's elections) stands; a candidate withdraws.
  "election.nominate": row(null, ["member", "ambassador", "otherLead", "toc", "admin"], ["selfNominateAction"]),
  "election.withdraw": row(null, signedIn, ["withdrawNominationAction"]),
  // Endorsing, voting, replacing a ballot and checking a receipt follow the election's roll (every
  // caller here is on it): anyone signed in.
  "election.endorse": row(null, signedIn, ["endorseNominationAction"]),
  "election.vote": row(null, signedIn, ["castBallotAction"]),
  "election.replace-ballot": row(null, signedIn, ["replaceBallotAction"]),
  "election.check-receipt": row(null, signedIn, ["checkReceiptAction"]),
  // "approve election results": the TOC approves by a decision vote (decision.vote); publishing an
  // approved result is a TOC member's (election.approve) or its officers' (the lead; an admin oversees).
  // Offering a vacated seat to the next runner-up is its officers' (the lead; an admin oversees).
  "election.offer-vacancy": row("election.run", leadOrAdmin, ["offerVacancyAction"]),
  // Answering an offer follows the offer: the offered person, whoever they are, answers it.
  "election.answer-offer": row(null, signedIn, ["answerVacancyOfferAction"]),
  "election.publish": row("election.approve", ["lead", "toc", "admin"], ["publishElectionAction"]),
  // "record a decision taken elsewhere": a TOC member also applies a blocked approval again.
  "decision.apply-again": row("decision.record", ["toc"], ["applyDecisionAgainAction"]),
  // "see a TAG's audit log": its leads, TOC, admin (a lead of another TAG sees their own only).
  "audit.view": row("audit.view", ["lead", "toc", "admin"]),
  // "post progress": the volunteer edits their own update (within a day).
  "help-wanted.edit-progress": row("help-wanted.volunteer", signedIn, ["editProgressAction"]),
  // "edit own profile": the first sign-in's profile step, done or skipped.
  "profile.step": row("profile.edit", signedIn, ["saveProfileStepAction"]),
  "profile.skip-step": row("profile.edit", signedIn, ["skipProfileStepAction"]),
  // "read own notifications and choose how they arrive": every signed-in person, their own.
  "notifications.read": row("notifications.own", signedIn, ["markNotificationsReadAction"]),
  "notifications.prefs": row("notifications.own", signedIn, ["saveNotificationPrefsAction"]),
};

/**
 * Server actions with no row yet (docs/security.md, A1): none. The matrix fails when this list and
 * the uncovered actions differ, so a new action cannot slip in without a row.
 */
export const NO_ROW_YET: readonly string[] = [];

/** Table entries with no lib operation to call (a check made by a page only): none may be. */
export const NO_OPERATION_YET: readonly string[] = [];
