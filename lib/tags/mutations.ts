import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { createLeadershipRoles } from "@/lib/roles/leadership-roles";
import type { TagInput, UpdateTagInput } from "./schemas";

/** Admins create TAGs. A taken slug is a CONFLICT. */
export async function createTag(actor: Actor | null, input: TagInput) {
  await requirePermission(actor, "tag.manage", { subjectType: "Tag" });
  const at = await now();
  return db.$transaction(async (tx) => {
    const tag = await tx.tag.create({ data: input, select: { id: true, slug: true, leadershipModel: true } });
    // Every TAG has its Chair and Tech Lead roles from its creation.
    await createLeadershipRoles(tx, tag, { at, actorId: actor!.id });
    await recordAudit(tx, {
      at,
      actorId: actor!.id,
      action: "tag.create",
      subjectType: "Tag",
      subjectId: tag.id,
      tagId: tag.id,
      after: input,
    });
    return { id: tag.id, slug: tag.slug };
  });
}

/** Admins edit a TAG and its settings; the audit event keeps before and after. */
export async function updateTag(actor: Actor | null, input: UpdateTagInput) {
  await requirePermission(actor, "tag.manage", { subjectType: "Tag", subjectId: input.id, tagId: input.id });
  const at = await now();
  const { id, ...data } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.tag.findUnique({ where: { id }, omit: { createdAt: true, updatedAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "That TAG does not exist.");
    const tag = await tx.tag.update({ where: { id }, data, select: { id: true, slug: true } });
    const { id: _id, ...beforeData } = before;
    await recordAudit(tx, {
      at,
      actorId: actor!.id,
      action: "tag.update",
      subjectType: "Tag",
      subjectId: id,
      tagId: id,
      before: beforeData,
      after: data,
    });
    return tag;
  });
}
