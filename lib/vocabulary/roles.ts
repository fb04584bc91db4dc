import type * as Db from "../generated/prisma/enums.ts";
import { LABELS, labelled, type Same } from "./labelled.ts";

/** Kinds of seat on a TAG's roster (the Prisma enum `RoleKind`). */
export const { keys: ROLE_KINDS, label: ROLE_KIND_LABEL } = labelled(LABELS.roleKind);
export type RoleKind = (typeof ROLE_KINDS)[number];

/** The kinds that lead a TAG: their holders get the `lead` role of the permission table. */
export const LEAD_KINDS = ["chair", "tech_lead"] as const satisfies readonly RoleKind[];

/** What a TAG Ambassador role is for (the Prisma enum `TagAmbassadorKind`). */
export const { keys: AMBASSADOR_KINDS, label: AMBASSADOR_KIND_LABEL } = labelled(LABELS.ambassadorKind);
export type AmbassadorKind = (typeof AMBASSADOR_KINDS)[number];

/** A seat's human name: its role definition's name, else the label of its kind. */
export function roleName(kind: string, definitionName?: string | null): string {
  return definitionName ?? ROLE_KIND_LABEL[kind as RoleKind] ?? kind;
}

/** A role kind as the API and CSVs spell it (`tech_lead` -> `tech-lead`). */
export const roleKindKey = (kind: string): string => kind.replaceAll("_", "-");

const _kindsAgree: Same<RoleKind, Db.RoleKind> = true;
const _ambassadorKindsAgree: Same<AmbassadorKind, Db.TagAmbassadorKind> = true;
