/** Setups the integration tests share, built on the factories: a TAG with its lead, a seat, a call's outcome. */
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { loadActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createItem } from "@/lib/help-wanted/items";
import { itemSchema } from "@/lib/help-wanted/schemas";
import type { Actor } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineRole } from "@/lib/roles/definitions";
import { RoleDefinitionSchema } from "@/lib/roles/schemas";
import type { RoleKind } from "@/lib/vocabulary";
import type { LoginResolver } from "@/lib/auth/github-logins";
import { createTag, createUser } from "./factories";

/** The outcome code of a call: "ok", an AppError code, or the thrown text. */
export const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : `THROWN ${String(e)}`),
  );

/**
 * A seat of `kind` for `userId` in the TAG, stored as it is (not through the appointment rules):
 * active, requested and started at `over.requestedAt` (now unless told), unless `over` says otherwise.
 */
export function createSeat(tagId: string, userId: string, kind: RoleKind = "chair", over: SeatFields = {}) {
  const at = over.requestedAt ?? new Date();
  return db.roleAssignment.create({
    data: { tagId, userId, kind, status: "active", requestedAt: at, startAt: at, ...over },
  });
}
type SeatFields = Partial<Omit<Prisma.RoleAssignmentUncheckedCreateInput, "tagId" | "userId" | "kind">>;

/**
 * GitHub people (by login, through `resolve`: the stand-in's) as chairs of the TAG: their portal
 * account by GitHub id (made if none has it yet), each with an active chair seat.
 */
export async function seatGithubPeople(tagId: string, logins: readonly string[], resolve: LoginResolver) {
  for (const [login, r] of await resolve(logins)) {
    if ("error" in r) throw new Error(`${login}: ${r.error}`);
    const githubId = BigInt(r.githubId);
    const user =
      (await db.user.findUnique({ where: { githubId } })) ?? (await createUser({ login: r.login, githubId }));
    await createSeat(tagId, user.id, "chair");
  }
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

/** An item the lead posts in the TAG through the form's schema and the real operation: one place of content work unless `over` says otherwise. */
export async function postItem(tagSlug: string, leadId: string, over: Record<string, unknown> = {}) {
  const input = itemSchema(await now()).parse({
    title: `Item ${randomUUID()}`,
    body: "Details",
    tags: tagSlug,
    kind: "content",
    places: 1,
    ...over,
  });
  return createItem(await loadActor(leadId), input);
}

/** A role the actor defines in the TAG, through the form's schema and the real operation; `fields` as the form sends them. */
export async function defineRoleIn(actor: Actor | null, tagId: string, fields: Record<string, string>) {
  return defineRole(actor, RoleDefinitionSchema.parse({ tagId, ...fields }));
}

/** The TAG's Chair or Tech Lead role (current version), which it has from its creation. */
export function standardRole(tagId: string, kind: "chair" | "tech_lead") {
  return db.roleDefinition.findFirstOrThrow({ where: { tagId, kind, supersededAt: null } });
}

/** The three-step leadership ladder the pathway tests define; `reviewer` is what its Reviewer step asks for. */
export const threeStepLadder = (reviewer: string) =>
  [
    "Contributor: 1 pull request",
    `Reviewer: ${reviewer}`,
    "Shadow: 1 assessment shadowed in 12 months; mentor sign-off",
  ].join("\n");

/** A new TAG and four new people for a pathway: its lead, a member, a mentor and one more; `at` is the portal clock. */
export async function pathwayPeople() {
  const tag = await createTag();
  const [lead, member, mentor, other] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  return { tag, lead, member, mentor, other, at: await now() };
}
