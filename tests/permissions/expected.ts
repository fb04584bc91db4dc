/**
 * Expected outcomes transcribed by hand from docs/permissions.md's hand-written table ("Who may do
 * what"). Deliberately NOT derived from lib/auth/permissions.ts: if the code's table
 * drifts from the design, the matrix test fails. Later issues add rows for their actions.
 *
 * Columns: visitor (signed out), member, ambassador (CNCF Ambassador), lead (chair or tech lead
 * of TAG A, the "own" TAG), toc, admin. Each TAG-scoped operation is tried on TAG A (own) and
 * TAG B (other).
 */
export const ROLES = ["visitor", "member", "ambassador", "lead", "toc", "admin"] as const;
export type MatrixRole = (typeof ROLES)[number];
type Row = Record<MatrixRole, boolean>;

const only = (...allowed: MatrixRole[]): Row => Object.fromEntries(ROLES.map((r) => [r, allowed.includes(r)])) as Row;

export const EXPECTED: Record<string, { own: Row; other?: Row }> = {
  // "manage TAGs, grant TOC/admin, verify CNCF Ambassadors": admin only.
  "tag.create": { own: only("admin") },
  "tag.update": { own: only("admin"), other: only("admin") },
  // "TAG settings: chairs (and admins) edit" (issue 15); the matrix's lead is a chair of TAG A.
  "tag.settings": { own: only("lead", "admin"), other: only("admin") },
  "user.grant-role": { own: only("admin") },
  "ambassador.verify": { own: only("admin") },
  // "define roles, manage roster, leaves, liaisons": TAG lead of that TAG, admin.
  "roster.appoint": { own: only("lead", "admin"), other: only("admin") },
  "roster.end-request": { own: only("lead", "admin"), other: only("admin") },
  "role.define": { own: only("lead", "admin"), other: only("admin") },
  "roster.appoint-role": { own: only("lead", "admin"), other: only("admin") },
  "roster.change": { own: only("lead", "admin"), other: only("admin") },
  // "manage roster, leaves": a leave recorded for someone else.
  "roster.manage": { own: only("lead", "admin"), other: only("admin") },
  // "log own liaison check-ins and own leaves": every signed-in person, on their own seat in any TAG.
  "leave.own": {
    own: only("member", "ambassador", "lead", "toc", "admin"),
    other: only("member", "ambassador", "lead", "toc", "admin"),
  },
  // "vote to remove an inactive leader": TOC member only (opening the vote included).
  "leadership.remove-vote": { own: only("toc"), other: only("toc") },
  // "vote on a TOC decision (chair / tech-lead changes, results, removals)": TOC member only.
  "decision.vote": { own: only("toc"), other: only("toc") },
  // "record a TOC decision taken elsewhere": TOC member only.
  "decision.record": { own: only("toc"), other: only("toc") },
  // "set the TOC decision rule and the removal supermajority": TOC member or admin.
  "decision.rule": { own: only("toc", "admin") },
  // "invite a person to an item, verify or reject a self-reported contribution, run initiatives": TAG lead of that TAG, admin.
  "initiative.manage": { own: only("lead", "admin"), other: only("admin") },
  "help-wanted.invite": { own: only("lead", "admin"), other: only("admin") },
  // "edit own profile": every signed-in person.
  "profile.edit": { own: only("member", "ambassador", "lead", "toc", "admin") },
  // "create / edit / close items, accept / decline / release volunteers": TAG lead of that TAG, admin.
  "help-wanted.create": { own: only("lead", "admin"), other: only("admin") },
  "help-wanted.close": { own: only("lead", "admin"), other: only("admin") },
  "help-wanted.decide": { own: only("lead", "admin"), other: only("admin") },
  // "volunteer for an item, post progress": every signed-in person, on any TAG.
  "help-wanted.volunteer": {
    own: only("member", "ambassador", "lead", "toc", "admin"),
    other: only("member", "ambassador", "lead", "toc", "admin"),
  },
  // "create and run an election (be its officer)": TAG lead of that TAG, admin.
  "election.run": { own: only("lead", "admin"), other: only("admin") },
  // "grant or deny exceptions (officers of that election)": the TAG's leads (its officers), admin.
  "election.exception-decide": { own: only("lead", "admin"), other: only("admin") },
  // "request an election exception": every signed-in person, in any TAG.
  "election.exception-request": {
    own: only("member", "ambassador", "lead", "toc", "admin"),
    other: only("member", "ambassador", "lead", "toc", "admin"),
  },
  // "approve election results": TOC member only (sending a result back included).
  "election.approve": { own: only("toc"), other: only("toc") },
};
