import "server-only";
import { db } from "@/lib/db";
import { tagsChangedHere } from "@/lib/cache/stamps";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { findPersonByLogin } from "@/lib/people/resolve";
import { createLeadershipRoles } from "@/lib/roles/leadership-roles";
import { CHAIR_SETTING_KEYS, type TagSettings } from "@/lib/vocabulary";
import type { TagInput, UpdateTagInput } from "./schemas";
import { tagProfileSelect } from "./queries";
import { applyTagSettings, recordFirstSettings } from "./settings";

/**
 * TOC liaisons are people: a login already listed keeps its GitHub id; a new one is found (the one
 * account holding it) and kept by its GitHub id.
 */
async function liaisonFields(logins: string[], known?: { tocLiaisons: string[]; tocLiaisonIds: bigint[] }) {
  const out = { tocLiaisons: [] as string[], tocLiaisonIds: [] as bigint[] };
  for (const login of logins) {
    const i = known?.tocLiaisons.findIndex((l) => l.toLowerCase() === login.toLowerCase()) ?? -1;
    const person = i >= 0 ? null : await findPersonByLogin(login, "tocLiaisons");
    out.tocLiaisons.push(person?.login ?? known!.tocLiaisons[i]!);
    out.tocLiaisonIds.push(person?.githubId ?? known!.tocLiaisonIds[i] ?? 0n);
  }
  return out;
}

/** The admin form's fields split into the TAG's description and its (versioned) settings. */
function split<T extends Partial<TagSettings>>(input: T) {
  const settings: Partial<TagSettings> = {};
  const rest: Record<string, unknown> = { ...input };
  for (const k of CHAIR_SETTING_KEYS) {
    if (k in input) Object.assign(settings, { [k]: input[k] });
    delete rest[k];
  }
  return { settings, rest: rest as Omit<T, (typeof CHAIR_SETTING_KEYS)[number]> };
}

/** Admins create TAGs; the settings become version 1. A taken slug is a CONFLICT. */
export async function createTag(actor: Actor | null, input: TagInput) {
  await requirePermission(actor, "tag.manage", { subjectType: "Tag" });
  const at = await now();
  const liaisons = await liaisonFields(input.tocLiaisons);
  const created = await db.$transaction(async (tx) => {
    const tag = await tx.tag.create({
      data: { ...input, ...liaisons, createdAt: at },
      select: { id: true, slug: true, leadershipModel: true },
    });
    // Every TAG has its Chair and Tech Lead roles from its creation.
    await createLeadershipRoles(tx, tag, { at, actorId: actor!.id });
    await recordFirstSettings(tx, tag.id, actor!.id, at);
    await recordAudit(tx, {
      at,
      actorId: actor!.id,
      action: "tag.create",
      subjectType: "Tag",
      subjectId: tag.id,
      tagId: tag.id,
      after: { ...input, tocLiaisonIds: liaisons.tocLiaisonIds.map(String) },
    });
    return { id: tag.id, slug: tag.slug };
  });
  tagsChangedHere();
  return created;
}

/**
 * Admins edit a TAG; the audit event keeps before and after. Settings on the same form are saved
 * as a new settings version (as a chair's change on the settings page would be).
 */
export async function updateTag(actor: Actor | null, input: UpdateTagInput) {
  await requirePermission(actor, "tag.manage", { subjectType: "Tag", subjectId: input.id, tagId: input.id });
  const at = await now();
  const { id, ...fields } = input;
  const { settings, rest } = split(fields);
  const known = await db.tag.findUnique({ where: { id }, select: { tocLiaisons: true, tocLiaisonIds: true } });
  const data = { ...rest, ...(await liaisonFields(rest.tocLiaisons, known ?? undefined)) };
  const updated = await db.$transaction(async (tx) => {
    const before = await tx.tag.findUnique({
      where: { id },
      select: tagProfileSelect,
    });
    if (!before) throw new AppError("NOT_FOUND", "That TAG does not exist.");
    const tag = await tx.tag.update({ where: { id }, data, select: { id: true, slug: true } });
    const { tocLiaisonIds, ...described } = before;
    // GitHub ids are numbers beyond JSON's: the audit keeps them as text.
    const beforeData = { ...described, tocLiaisonIds: tocLiaisonIds.map(String) };
    await recordAudit(tx, {
      at,
      actorId: actor!.id,
      action: "tag.update",
      subjectType: "Tag",
      subjectId: id,
      tagId: id,
      before: beforeData,
      after: { ...data, tocLiaisonIds: data.tocLiaisonIds.map(String) },
    });
    await applyTagSettings(tx, { tagId: id, next: settings, actorId: actor!.id, at, reason: "Edited by an admin" });
    return tag;
  });
  tagsChangedHere();
  return updated;
}
