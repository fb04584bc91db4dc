// Not server-only, relative imports: TAG creation in the portal, the tags.yaml import (a tsx
// script) and the seed all call this.
import { randomUUID } from "node:crypto";
import type { LeadershipModel, RoleKind } from "../generated/prisma/enums.ts";
import type { Tx } from "../db.ts";
import { recordAudit } from "../audit/record.ts";
import { ROLE_KIND_LABEL } from "../vocabulary/index.ts";

/**
 * The roles every TAG has from its creation (CNCF rules: chairs and tech leads serve two-year
 * terms, changes go to the TOC), and the subproject lead role the tags.yaml import needs. The
 * issue-15 migration wrote the same defaults for the TAGs that existed before.
 */
export const STANDARD_ROLES = {
  chair: { name: ROLE_KIND_LABEL.chair, termMonths: 24, needsTocApproval: true, escalationPath: "the TOC" },
  tech_lead: { name: ROLE_KIND_LABEL.tech_lead, termMonths: 24, needsTocApproval: true, escalationPath: "the TOC" },
  subproject_lead: {
    name: ROLE_KIND_LABEL.subproject_lead,
    termMonths: 12,
    needsTocApproval: false,
    escalationPath: "the TAG's chairs",
  },
} as const satisfies Partial<Record<RoleKind, unknown>>;
export type StandardRoleKind = keyof typeof STANDARD_ROLES;

/**
 * The TAG's current role of a standard kind, created (version 1, audited) when it has none.
 * `roleKey` fixes the new role's key (the demo seed names its Tech Lead role).
 */
export async function ensureStandardRole(
  tx: Tx,
  tag: { id: string; leadershipModel: LeadershipModel },
  kind: StandardRoleKind,
  opts: { at: Date; actorId: string | null; roleKey?: string },
) {
  const select = {
    id: true,
    roleKey: true,
    tagId: true,
    name: true,
    kind: true,
    termMonths: true,
    retiredAt: true,
  } as const;
  const current = await tx.roleDefinition.findFirst({
    where: { tagId: tag.id, kind, supersededAt: null, retiredAt: null },
    orderBy: { createdAt: "asc" },
    select,
  });
  if (current) return current;
  const d = STANDARD_ROLES[kind];
  const def = await tx.roleDefinition.create({
    data: {
      tagId: tag.id,
      roleKey: opts.roleKey ?? randomUUID(),
      version: 1,
      name: d.name,
      kind,
      termMonths: d.termMonths,
      selection: kind === "tech_lead" ? tag.leadershipModel : "appointment",
      escalationPath: d.escalationPath,
      needsTocApproval: d.needsTocApproval,
      createdAt: opts.at,
      createdById: opts.actorId,
    },
    select,
  });
  await recordAudit(tx, {
    at: opts.at,
    actorId: opts.actorId,
    action: "role.define",
    subjectType: "RoleDefinition",
    subjectId: def.id,
    tagId: tag.id,
    after: { roleKey: def.roleKey, version: 1, name: d.name, kind, termMonths: d.termMonths, standard: true },
  });
  return def;
}

/** Every TAG has Chair and Tech Lead roles from its creation: call this wherever a TAG is created. */
export async function createLeadershipRoles(
  tx: Tx,
  tag: { id: string; leadershipModel: LeadershipModel },
  opts: { at: Date; actorId: string | null; techLeadRoleKey?: string },
) {
  const chair = await ensureStandardRole(tx, tag, "chair", opts);
  const techLead = await ensureStandardRole(tx, tag, "tech_lead", { ...opts, roleKey: opts.techLeadRoleKey });
  return { chair, techLead };
}
