/**
 * The one permission table (docs/permissions.md). Server functions call
 * `requirePermission`; the UI calls `can` only to hide controls. Pure: no I/O here.
 *
 * Roles: `member` (any signed-in person), `ambassador` (verified CNCF Ambassador, global),
 * `lead` (chair or tech lead of the TAG in scope), `chair` (chair of the TAG in scope), `toc` and
 * `admin` (global). Scope `tag`: `lead` and `chair` count only for their own TAG. Scope `global`:
 * no TAG involved.
 */
export type Role = "member" | "ambassador" | "lead" | "chair" | "toc" | "admin";
export type Scope = "global" | "tag";

export interface Actor {
  id: string;
  isAdmin: boolean;
  isTocMember: boolean;
  isCncfAmbassador: boolean;
  /** TAGs where this person holds an active chair or tech-lead seat. */
  leadTagIds: readonly string[];
  /** TAGs where this person holds an active chair seat (a subset of `leadTagIds`). */
  chairTagIds: readonly string[];
}

interface Rule {
  scope: Scope;
  roles: readonly Role[];
  description: string;
}

/** A row of the table: an action inside one TAG (`lead` and `chair` count only for their own), or one with no TAG. */
const inTag = (roles: readonly Role[], description: string): Rule => ({ scope: "tag", roles, description });
const anywhere = (roles: readonly Role[], description: string): Rule => ({ scope: "global", roles, description });

const everyone: Role[] = ["member", "ambassador", "lead", "toc", "admin"];
const leadsAndAdmins: Role[] = ["lead", "admin"];

export const PERMISSIONS = {
  "profile.edit": anywhere(everyone, "edit own profile, see own matches"),
  "account.delete": anywhere(everyone, "delete own account"),
  "notifications.own": anywhere(everyone, "mark one's own notifications read, choose how they arrive"),
  "help-wanted.volunteer": inTag(everyone, "volunteer for an item, post progress"),
  "help-wanted.create": inTag(leadsAndAdmins, "create, edit and close items"),
  "help-wanted.decide": inTag(leadsAndAdmins, "accept, decline, release volunteers"),
  "help-wanted.invite": inTag(leadsAndAdmins, "invite a person to an item"),
  "role.define": inTag(leadsAndAdmins, "define roles"),
  "roster.appoint": inTag(leadsAndAdmins, "appoint, renew or end a seat (guards apply)"),
  "roster.manage": inTag(leadsAndAdmins, "manage roster, leaves, liaisons"),
  "roster.resign": inTag(everyone, "resign one's own seat (guards apply)"),
  "election.run": inTag(leadsAndAdmins, "create and run an election (be its officer)"),
  "election.exception-decide": inTag(leadsAndAdmins, "grant or deny election exceptions"),
  "election.exception-request": inTag(everyone, "request an election exception"),
  "election.approve": anywhere(
    ["toc"],
    "publish election results and see them before publication (the TOC approves one by a decision vote)",
  ),
  "election.oversee": anywhere(
    ["admin"],
    "act as an officer of any election (its drafts, exception requests, phase moves)",
  ),
  "election.view-draft": inTag(leadsAndAdmins, "see a TAG's elections while drafts"),
  "leadership.remove-vote": anywhere(["toc"], "open a vote to remove an inactive leader"),
  "decision.view": inTag(["lead", "toc", "admin"], "see the TOC's decisions about a TAG"),
  "decision.vote": anywhere(["toc"], "vote yes / no / abstain on a TOC decision, declare a conflict"),
  "decision.record": anywhere(["toc"], "record a TOC decision taken elsewhere, with its link"),
  "decision.rule": anywhere(["toc", "admin"], "set the TOC decision rule and the removal supermajority"),
  "checkin.log": inTag(everyone, "log own liaison check-ins and own leaves"),
  "contribution.self-report": inTag(everyone, "self-report a contribution"),
  "contribution.verify": inTag(leadsAndAdmins, "verify or reject a self-reported contribution"),
  "meeting.record": inTag(
    leadsAndAdmins,
    "record a TAG meeting and its attendees (confirming ticks is verifying contributions)",
  ),
  "meeting.attend": inTag(everyone, "tick one's own attendance of a TAG meeting"),
  "consensus.object": inTag(
    everyone,
    "object to a consensus appointment in its window (only people active in the TAG: checked in the lib)",
  ),
  "pathway.define": inTag(leadsAndAdmins, "define the TAG's leadership ladder"),
  "pathway.pair": inTag(leadsAndAdmins, "pair mentors with mentees, see everyone's standing on the ladder"),
  "pathway.mentor": inTag(
    everyone,
    "sign off one's own mentee for a ladder step (or a shadowing item's volunteer), end one's own mentor pairing (guards apply)",
  ),
  "text.report": anywhere(everyone, "report a text (item, progress update, statement, bio) to its TAG's leads"),
  "text.hide": inTag(leadsAndAdmins, "hide a reported text with a reason, or keep it (a bio's reports go to admins)"),
  "tag-report.write": inTag(leadsAndAdmins, "write the narrative of the TAG's quarterly and annual reports"),
  "holder-report.post": inTag(
    everyone,
    "post one's own seat's quarterly report (only the seat's holder: checked in the lib)",
  ),
  "initiative.manage": inTag(leadsAndAdmins, "run initiatives"),
  "github.sync": inTag(
    leadsAndAdmins,
    "start a GitHub sync, configure a TAG's repositories and project board, open a roster pull request",
  ),
  "slack.manage": inTag(leadsAndAdmins, "set the TAG's Slack webhook and events, see and retry failed Slack messages"),
  "dashboard.view": inTag(["lead", "toc", "admin"], "dashboards of a TAG"),
  "audit.view": inTag(["lead", "toc", "admin"], "the audit log of a TAG"),
  "audit.view-all": anywhere(["toc", "admin"], "the whole audit log, cross-TAG dashboards"),
  "tag.manage": anywhere(["admin"], "create and edit TAGs and their settings"),
  "tag.settings": inTag(
    ["chair", "admin"],
    "change a TAG's settings (activity rule, leaves and caps, stale-after days, board review, leadership model, representation targets)",
  ),
  "user.grant-role": anywhere(["admin"], "grant or revoke TOC and admin roles"),
  "ambassador.verify": anywhere(["admin"], "verify CNCF Ambassadors"),
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;

/** The roles an actor holds for a scope (a TAG id, or none for global). */
export function rolesOf(actor: Actor | null, tagId?: string | null): Role[] {
  if (!actor) return [];
  const roles: Role[] = ["member"];
  if (actor.isCncfAmbassador) roles.push("ambassador");
  if (tagId && actor.leadTagIds.includes(tagId)) roles.push("lead");
  if (tagId && actor.chairTagIds.includes(tagId)) roles.push("chair");
  if (actor.isTocMember) roles.push("toc");
  if (actor.isAdmin) roles.push("admin");
  return roles;
}

/**
 * May `actor` do `action` (in `tagId` for TAG-scoped actions)? A TAG-scoped action without a
 * TAG is allowed only to roles that hold it everywhere (never `lead`).
 */
export function can(actor: Actor | null, action: Action, tagId?: string | null): boolean {
  const rule: Rule = PERMISSIONS[action];
  const held = rolesOf(actor, rule.scope === "tag" ? tagId : null);
  return rule.roles.some((r) => held.includes(r));
}

/** The TAGs where `actor` may do `action`: every TAG, or these (none when the list is empty). */
export function tagsWhere(actor: Actor | null, action: Action): "all" | readonly string[] {
  if (can(actor, action)) return "all";
  const rule: Rule = PERMISSIONS[action];
  if (!actor || rule.scope !== "tag") return [];
  if (rule.roles.includes("lead")) return actor.leadTagIds;
  return rule.roles.includes("chair") ? actor.chairTagIds : [];
}

/** May `actor` do `action` in at least one TAG (to show a page or a link that lists those TAGs)? */
export function canInAnyTag(actor: Actor | null, action: Action): boolean {
  const tags = tagsWhere(actor, action);
  return tags === "all" || tags.length > 0;
}

/**
 * A query's TAG filter from the table: `{}` where `actor` may do `action` in every TAG, else
 * `{ [field]: { in: <the TAGs they may> } }`, which matches nothing when there are none.
 */
export function tagScope<K extends string = "tagId">(
  actor: Actor | null,
  action: Action,
  field: K = "tagId" as K,
): Partial<Record<K, { in: string[] }>> {
  const tags = tagsWhere(actor, action);
  return tags === "all" ? {} : ({ [field]: { in: [...tags] } } as Record<K, { in: string[] }>);
}
