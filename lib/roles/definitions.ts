import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import type { RoleDefinitionInput } from "./schemas";
import { seatWarnings, type RegionCounts } from "./seat-rules";
import { loadHolders, lockRole, rulesOf } from "./seats";
import { REGIONS } from "@/lib/vocabulary";

function regionCounts(input: RoleDefinitionInput, prefix: "max" | "min"): RegionCounts {
  const out: RegionCounts = {};
  for (const r of REGIONS) {
    const v = input[`${prefix}${r}`];
    if (v !== undefined) out[r] = v;
  }
  return out;
}

/**
 * Defines a role of a TAG, or writes a new version of it (`roleKey`): the old version is
 * superseded, never edited, so the roster shows which rules were in force when a seat was given.
 * A rule the current roster already breaks is saved, and returned as warnings naming who breaks it.
 */
export async function defineRole(actor: Actor | null, input: RoleDefinitionInput) {
  const subject = { subjectType: "RoleDefinition", subjectId: input.roleKey ?? null, tagId: input.tagId };
  const a = await requirePermission(actor, "role.define", subject);
  const at = await now();
  const tag = await db.tag.findUnique({
    where: { id: input.tagId },
    select: { id: true, leaveCountsTowardCaps: true },
  });
  if (!tag) throw new AppError("NOT_FOUND", "That TAG does not exist.");
  const data = {
    tagId: tag.id,
    name: input.name,
    kind: input.kind,
    ambassadorKind: input.kind === "tag_ambassador" ? (input.ambassadorKind ?? null) : null,
    responsibilities: input.responsibilities,
    hoursPerMonth: input.hoursPerMonth ?? null,
    termMonths: input.termMonths ?? null,
    selection: input.selection,
    escalationPath: input.escalationPath,
    totalSeats: input.totalSeats ?? null,
    maxPerRegion: regionCounts(input, "max"),
    minPerRegion: regionCounts(input, "min"),
    maxPerEmployer: input.maxPerEmployer ?? null,
    eligibilityMinRecords: input.eligibilityMinRecords ?? null,
    eligibilityWindowMonths: input.eligibilityWindowMonths ?? null,
    // CNCF rules: chair and tech-lead changes always go to the TOC.
    needsTocApproval: input.kind === "chair" || input.kind === "tech_lead" ? true : input.needsTocApproval,
    createdAt: at,
    createdById: a.id,
  };
  return db.$transaction(async (tx) => {
    const roleKey = input.roleKey ?? randomUUID();
    await lockRole(tx, roleKey);
    let version = 1;
    let before: Record<string, unknown> | undefined;
    if (input.roleKey) {
      // The TAG is part of the query: a forged roleKey of another TAG matches nothing.
      const current = await tx.roleDefinition.findFirst({
        where: { roleKey, tagId: tag.id, supersededAt: null },
        select: {
          id: true,
          version: true,
          name: true,
          kind: true,
          totalSeats: true,
          maxPerRegion: true,
          minPerRegion: true,
          maxPerEmployer: true,
          needsTocApproval: true,
          termMonths: true,
        },
      });
      if (!current) throw new AppError("NOT_FOUND", "That role does not exist in this TAG.");
      await tx.roleDefinition.update({ where: { id: current.id }, data: { supersededAt: at } });
      version = current.version + 1;
      const { id: _id, ...rest } = current;
      before = rest;
    }
    const def = await tx.roleDefinition.create({
      data: { ...data, roleKey, version },
      select: { id: true, roleKey: true, version: true },
    });
    const warnings = seatWarnings(rulesOf(data), await loadHolders(tx, roleKey, at), tag.leaveCountsTowardCaps);
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "role.define",
      subjectType: "RoleDefinition",
      subjectId: def.id,
      tagId: tag.id,
      before: before as Prisma.InputJsonValue | undefined,
      after: {
        roleKey,
        version,
        name: data.name,
        kind: data.kind,
        totalSeats: data.totalSeats,
        maxPerRegion: data.maxPerRegion,
        minPerRegion: data.minPerRegion,
        maxPerEmployer: data.maxPerEmployer,
        termMonths: data.termMonths,
        needsTocApproval: data.needsTocApproval,
        warnings,
      },
    });
    return { ...def, warnings };
  });
}
