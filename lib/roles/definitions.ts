import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { checkRequiredStep } from "@/lib/pathways/required-step";
import type { RetireRoleInput, RoleDefinitionInput } from "./schemas";
import { seatWarnings, type RegionCounts } from "./seat-rules";
import { withdrawPendingSeat } from "./seat-decisions";
import { holderOf, lockRole, rulesOf, seatHolderSelect } from "./seats";
import { LEAD_KINDS, REGIONS, ROLE_KIND_LABEL, SEAT_TAKEN_STATUSES } from "@/lib/vocabulary";

function regionCounts(input: RoleDefinitionInput, prefix: "max" | "min"): RegionCounts {
  const out: RegionCounts = {};
  for (const r of REGIONS) {
    const v = input[`${prefix}${r}`];
    if (v !== undefined) out[r] = v;
  }
  return out;
}

const isLeadKind = (kind: string) => (LEAD_KINDS as readonly string[]).includes(kind);

/**
 * Seats of `kind` in the TAG that no live role holds: given outside any role (before every TAG had
 * its roles), or under a role since retired. A new role of that kind adopts them.
 */
function orphanSeats(tx: Tx, tagId: string, kind: RoleDefinitionInput["kind"]) {
  return tx.roleAssignment.findMany({
    where: {
      tagId,
      kind,
      status: { in: [...SEAT_TAKEN_STATUSES] },
      OR: [{ roleDefinitionId: null }, { roleDefinition: { retiredAt: { not: null } } }],
    },
    orderBy: { requestedAt: "asc" },
    select: seatHolderSelect,
  });
}

/** The seats the rules will see: the role's own (any version), plus those it adopts. */
async function seatsUnder(tx: Tx, roleKey: string | null, adopted: Awaited<ReturnType<typeof orphanSeats>>, at: Date) {
  const own = roleKey
    ? await tx.roleAssignment.findMany({
        where: { roleDefinition: { roleKey }, status: { in: [...SEAT_TAKEN_STATUSES] } },
        select: seatHolderSelect,
      })
    : [];
  return [...own, ...adopted].map((r) => holderOf(r, at));
}

/**
 * Defines a role of a TAG, or writes a new version of it (`roleKey`): the old version is
 * superseded, never edited, so the roster shows which rules were in force when a seat was given.
 * A TAG has one Chair and one Tech Lead role (it has them from its creation). A new role adopts
 * the TAG's seats of its kind that no live role holds; when there are any, the lead previews first
 * (`mode: "preview"` writes nothing) and saves with the number shown (`adoptCount`). A rule the
 * roster already breaks is saved, and returned as warnings naming who breaks it.
 */
export async function defineRole(actor: Actor | null, input: RoleDefinitionInput) {
  const r = await writeRole(actor, input, false);
  if (!r.saved)
    throw new AppError(
      "CONFLICT",
      `This role would adopt ${r.adopts.length} seat${r.adopts.length === 1 ? "" : "s"} (${r.adopts.join(", ")}): preview it, then save.`,
    );
  return r;
}

/** What saving the role would do, without writing: the seats it would adopt and the warnings. */
export async function previewRole(actor: Actor | null, input: RoleDefinitionInput) {
  const r = await writeRole(actor, input, true);
  return { roleKey: input.roleKey ?? null, adopts: r.adopts, warnings: r.warnings };
}

async function writeRole(actor: Actor | null, input: RoleDefinitionInput, dryRun: boolean) {
  const subject = { subjectType: "RoleDefinition", subjectId: input.roleKey ?? null, tagId: input.tagId };
  const a = await requirePermission(actor, "role.define", subject);
  const at = await now();
  const tag = await db.tag.findUnique({
    where: { id: input.tagId },
    select: { id: true, leaveCountsTowardCaps: true },
  });
  if (!tag) throw new AppError("NOT_FOUND", "That TAG does not exist.");
  await checkRequiredStep(tag.id, input.requiredStep);
  const data = {
    tagId: tag.id,
    name: input.name,
    kind: input.kind,
    ambassadorKind: input.kind === "tag_ambassador" ? (input.ambassadorKind ?? null) : null,
    responsibilities: input.responsibilities,
    deliverables: input.deliverables,
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
    requiredStep: input.requiredStep ?? null,
    // CNCF rules: chair and tech-lead changes always go to the TOC.
    needsTocApproval: isLeadKind(input.kind) ? true : input.needsTocApproval,
    emeritusAfterTerm: input.emeritusAfterTerm,
    coverHasPowers: input.coverHasPowers,
    createdAt: at,
    createdById: a.id,
  };
  const PREVIEW = Symbol("preview");
  let preview: { adopts: string[]; warnings: string[] } | null = null;
  try {
    return await db.$transaction(async (tx) => {
      const roleKey = input.roleKey ?? randomUUID();
      await lockRole(tx, roleKey);
      let version = 1;
      let before: Record<string, unknown> | undefined;
      let adopted: Awaited<ReturnType<typeof orphanSeats>> = [];
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
            retiredAt: true,
          },
        });
        if (!current) throw new AppError("NOT_FOUND", "That role does not exist in this TAG.");
        if (current.retiredAt) throw new AppError("CONFLICT", `${current.name} is retired: define a new role instead.`);
        if (current.kind !== input.kind)
          throw new AppError("INVALID", "A role keeps its kind; define a new role for another kind.", {
            kind: [`This role is a ${ROLE_KIND_LABEL[current.kind]} role`],
          });
        await tx.roleDefinition.update({ where: { id: current.id }, data: { supersededAt: at } });
        version = current.version + 1;
        const { id: _id, retiredAt: _r, ...rest } = current;
        before = rest;
      } else {
        if (isLeadKind(input.kind)) {
          const existing = await tx.roleDefinition.findFirst({
            where: { tagId: tag.id, kind: input.kind, supersededAt: null, retiredAt: null },
            select: { name: true },
          });
          if (existing)
            throw new AppError("CONFLICT", `This TAG already has its ${existing.name} role: edit it instead.`, {
              kind: [`Edit the ${existing.name} role instead`],
            });
        }
        adopted = await orphanSeats(tx, tag.id, input.kind);
      }
      const warnings = seatWarnings(
        rulesOf(data),
        await seatsUnder(tx, input.roleKey ?? null, adopted, at),
        tag.leaveCountsTowardCaps,
      );
      const adopts = adopted.map((s) => `@${s.user.login}`);
      if (dryRun || (adopted.length > 0 && input.adoptCount !== adopted.length)) {
        preview = { adopts, warnings };
        throw PREVIEW;
      }
      const def = await tx.roleDefinition.create({
        data: { ...data, roleKey, version },
        select: { id: true, roleKey: true, version: true },
      });
      if (adopted.length)
        await tx.roleAssignment.updateMany({
          where: { id: { in: adopted.map((s) => s.id) } },
          data: { roleDefinitionId: def.id },
        });
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
          emeritusAfterTerm: data.emeritusAfterTerm,
          coverHasPowers: data.coverHasPowers,
          adopted: adopted.map((s) => s.id),
          warnings,
        },
      });
      return { ...def, saved: true as const, adopts, warnings };
    });
  } catch (e) {
    if (e !== PREVIEW || !preview) throw e;
    const p = preview as { adopts: string[]; warnings: string[] };
    return { saved: false as const, roleKey: input.roleKey ?? null, adopts: p.adopts, warnings: p.warnings };
  }
}

/**
 * Retires a role: a new version marked retired, so it takes no new seats; the seats held run to
 * their term end; pending appointments to it are closed. Chair and Tech Lead roles stay.
 */
export async function retireRole(actor: Actor | null, input: RetireRoleInput) {
  const subject = { subjectType: "RoleDefinition", subjectId: input.roleKey, tagId: input.tagId };
  const a = await requirePermission(actor, "role.define", subject);
  const at = await now();
  return db.$transaction(async (tx) => {
    await lockRole(tx, input.roleKey);
    const current = await tx.roleDefinition.findFirst({
      where: { roleKey: input.roleKey, tagId: input.tagId, supersededAt: null },
    });
    if (!current) throw new AppError("NOT_FOUND", "That role does not exist in this TAG.");
    if (isLeadKind(current.kind))
      throw new AppError("CONFLICT", `Every TAG keeps its ${current.name} role; end or change its seats instead.`);
    if (current.retiredAt) throw new AppError("CONFLICT", `${current.name} is already retired.`);
    await tx.roleDefinition.update({ where: { id: current.id }, data: { supersededAt: at } });
    const { id: _id, supersededAt: _s, maxPerRegion, minPerRegion, ...rest } = current;
    const def = await tx.roleDefinition.create({
      data: {
        ...rest,
        maxPerRegion: maxPerRegion ?? {},
        minPerRegion: minPerRegion ?? {},
        version: current.version + 1,
        retiredAt: at,
        createdAt: at,
        createdById: a.id,
      },
      select: { id: true, roleKey: true, version: true },
    });
    const pending = await tx.roleAssignment.findMany({
      where: { roleDefinition: { roleKey: input.roleKey }, status: "pending" },
      select: { id: true },
    });
    for (const p of pending)
      await withdrawPendingSeat(tx, p.id, { id: a.id, at, reason: `${current.name} was retired` });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "role.retire",
      subjectType: "RoleDefinition",
      subjectId: def.id,
      tagId: input.tagId,
      before: { version: current.version },
      after: { roleKey: def.roleKey, version: def.version, retired: true, closedPending: pending.map((p) => p.id) },
    });
    return { ...def, closedPending: pending.length };
  });
}
