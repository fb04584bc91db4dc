/** Setups the integration tests share, built on the factories: a TAG with its lead, a seat, a call's outcome. */
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { RoleKind } from "@/lib/vocabulary";
import { createTag, createUser } from "./factories";

/** The outcome code of a call: "ok", an AppError code, or the thrown text. */
export const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : `THROWN ${String(e)}`),
  );

/** An active seat of `kind` for `userId` in the TAG, from `at` (now unless told). */
export function createSeat(tagId: string, userId: string, kind: RoleKind = "chair", at = new Date()) {
  return db.roleAssignment.create({ data: { tagId, userId, kind, status: "active", requestedAt: at, startAt: at } });
}

/** A TAG (with `settings`) and a person holding an active seat of `kind` (a chair unless told) in it. */
export async function tagWithLead(
  settings: { autoAccept?: boolean; maxActiveClaims?: number } = {},
  kind: RoleKind = "chair",
) {
  const tag = await createTag();
  if (Object.keys(settings).length) await db.tag.update({ where: { id: tag.id }, data: settings });
  const lead = await createUser();
  await createSeat(tag.id, lead.id, kind);
  return { tag, lead, leadActor: (await loadActor(lead.id))! };
}
