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

const everyone: Role[] = ["member", "ambassador", "lead", "toc", "admin"];
const leadsAndAdmins: Role[] = ["lead", "admin"];

export const PERMISSIONS = {
  "profile.edit": { scope: "global", roles: everyone, description: "edit own profile, see own matches" },
  "account.delete": { scope: "global", roles: everyone, description: "delete own account" },
  "notifications.own": {
    scope: "global",
    roles: everyone,
    description: "mark one's own notifications read, choose how they arrive",
  },
  "help-wanted.volunteer": { scope: "tag", roles: everyone, description: "volunteer for an item, post progress" },
  "help-wanted.create": { scope: "tag", roles: leadsAndAdmins, description: "create, edit and close items" },
  "help-wanted.decide": { scope: "tag", roles: leadsAndAdmins, description: "accept, decline, release volunteers" },
  "help-wanted.invite": { scope: "tag", roles: leadsAndAdmins, description: "invite a person to an item" },
  "role.define": { scope: "tag", roles: leadsAndAdmins, description: "define roles" },
  "roster.appoint": { scope: "tag", roles: leadsAndAdmins, description: "appoint, renew or end a seat (guards apply)" },
  "roster.manage": { scope: "tag", roles: leadsAndAdmins, description: "manage roster, leaves, liaisons" },
  "roster.resign": { scope: "tag", roles: everyone, description: "resign one's own seat (guards apply)" },
  "election.run": { scope: "tag", roles: leadsAndAdmins, description: "create and run an election (be its officer)" },
  "election.exception-decide": {
    scope: "tag",
    roles: leadsAndAdmins,
    description: "grant or deny election exceptions",
  },
  "election.exception-request": { scope: "tag", roles: everyone, description: "request an election exception" },
  "election.approve": {
    scope: "global",
    roles: ["toc"],
    description: "publish election results and see them before publication (the TOC approves one by a decision vote)",
  },
  "election.oversee": {
    scope: "global",
    roles: ["admin"],
    description: "act as an officer of any election (its drafts, exception requests, phase moves)",
  },
  "election.view-draft": { scope: "tag", roles: leadsAndAdmins, description: "see a TAG's elections while drafts" },
  "leadership.remove-vote": {
    scope: "global",
    roles: ["toc"],
    description: "open a vote to remove an inactive leader",
  },
  "decision.view": {
    scope: "tag",
    roles: ["lead", "toc", "admin"],
    description: "see the TOC's decisions about a TAG",
  },
  "decision.vote": {
    scope: "global",
    roles: ["toc"],
    description: "vote yes / no / abstain on a TOC decision, declare a conflict",
  },
  "decision.record": {
    scope: "global",
    roles: ["toc"],
    description: "record a TOC decision taken elsewhere, with its link",
  },
  "decision.rule": {
    scope: "global",
    roles: ["toc", "admin"],
    description: "set the TOC decision rule and the removal supermajority",
  },
  "checkin.log": { scope: "tag", roles: everyone, description: "log own liaison check-ins and own leaves" },
  "contribution.self-report": { scope: "tag", roles: everyone, description: "self-report a contribution" },
  "contribution.verify": {
    scope: "tag",
    roles: leadsAndAdmins,
    description: "verify or reject a self-reported contribution",
  },
  "meeting.record": {
    scope: "tag",
    roles: leadsAndAdmins,
    description: "record a TAG meeting and its attendees (confirming ticks is verifying contributions)",
  },
  "meeting.attend": { scope: "tag", roles: everyone, description: "tick one's own attendance of a TAG meeting" },
  "consensus.object": {
    scope: "tag",
    roles: everyone,
    description: "object to a consensus appointment in its window (only people active in the TAG: checked in the lib)",
  },
  "pathway.define": { scope: "tag", roles: leadsAndAdmins, description: "define the TAG's leadership ladder" },
  "pathway.pair": {
    scope: "tag",
    roles: leadsAndAdmins,
    description: "pair mentors with mentees, see everyone's standing on the ladder",
  },
  "pathway.mentor": {
    scope: "tag",
    roles: everyone,
    description:
      "sign off one's own mentee for a ladder step (or a shadowing item's volunteer), end one's own mentor pairing (guards apply)",
  },
  "text.report": {
    scope: "global",
    roles: everyone,
    description: "report a text (item, progress update, statement, bio) to its TAG's leads",
  },
  "text.hide": {
    scope: "tag",
    roles: leadsAndAdmins,
    description: "hide a reported text with a reason, or keep it (a bio's reports go to admins)",
  },
  "tag-report.write": {
    scope: "tag",
    roles: leadsAndAdmins,
    description: "write the narrative of the TAG's quarterly and annual reports",
  },
  "holder-report.post": {
    scope: "tag",
    roles: everyone,
    description: "post one's own seat's quarterly report (only the seat's holder: checked in the lib)",
  },
  "initiative.manage": { scope: "tag", roles: leadsAndAdmins, description: "run initiatives" },
  "github.sync": {
    scope: "tag",
    roles: leadsAndAdmins,
    description: "start a GitHub sync, configure a TAG's repositories and project board, open a roster pull request",
  },
  "slack.manage": {
    scope: "tag",
    roles: leadsAndAdmins,
    description: "set the TAG's Slack webhook and events, see and retry failed Slack messages",
  },
  "dashboard.view": { scope: "tag", roles: ["lead", "toc", "admin"], description: "dashboards of a TAG" },
  "audit.view": { scope: "tag", roles: ["lead", "toc", "admin"], description: "the audit log of a TAG" },
  "audit.view-all": {
    scope: "global",
    roles: ["toc", "admin"],
    description: "the whole audit log, cross-TAG dashboards",
  },
  "tag.manage": { scope: "global", roles: ["admin"], description: "create and edit TAGs and their settings" },
  "tag.settings": {
    scope: "tag",
    roles: ["chair", "admin"],
    description:
      "change a TAG's settings (activity rule, leaves and caps, stale-after days, board review, leadership model, representation targets)",
  },
  "user.grant-role": { scope: "global", roles: ["admin"], description: "grant or revoke TOC and admin roles" },
  "ambassador.verify": { scope: "global", roles: ["admin"], description: "verify CNCF Ambassadors" },
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
