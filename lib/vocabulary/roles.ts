import type { RoleKind as DbRoleKind, TagAmbassadorKind as DbAmbassadorKind } from "../generated/prisma/enums.ts";

/** Kinds of seat on a TAG's roster (the Prisma enum `RoleKind`). */
export const ROLE_KINDS = [
  "chair",
  "tech_lead",
  "tag_ambassador",
  "advisory_fellow",
  "subproject_lead",
  "custom",
] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

export const ROLE_KIND_LABEL: Record<RoleKind, string> = {
  chair: "Chair",
  tech_lead: "Tech Lead",
  tag_ambassador: "TAG Ambassador",
  advisory_fellow: "Advisory Fellow",
  subproject_lead: "Subproject lead",
  custom: "Custom role",
};

/** The kinds that lead a TAG: their holders get the `lead` role of the permission table. */
export const LEAD_KINDS = ["chair", "tech_lead"] as const satisfies readonly RoleKind[];

/** What a TAG Ambassador role is for (the Prisma enum `TagAmbassadorKind`). */
export const AMBASSADOR_KINDS = ["project_liaison", "foundation_liaison", "community_organizer"] as const;
export type AmbassadorKind = (typeof AMBASSADOR_KINDS)[number];

export const AMBASSADOR_KIND_LABEL: Record<AmbassadorKind, string> = {
  project_liaison: "Project liaison",
  foundation_liaison: "Foundation liaison",
  community_organizer: "Community organizer",
};

/** A seat's human name: its role definition's name, else the label of its kind. */
export function roleName(kind: string, definitionName?: string | null): string {
  return definitionName ?? ROLE_KIND_LABEL[kind as RoleKind] ?? kind;
}

/** A role kind as the API and CSVs spell it (`tech_lead` -> `tech-lead`). */
export const roleKindKey = (kind: string): string => kind.replaceAll("_", "-");

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _kindsAgree: Same<RoleKind, DbRoleKind> = true;
const _ambassadorKindsAgree: Same<AmbassadorKind, DbAmbassadorKind> = true;
