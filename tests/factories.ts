/** Test data builders: unique names per call so tests sharing a database never collide. */
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus, ContributionKind } from "@/lib/generated/prisma/enums";
import { createLeadershipRoles } from "@/lib/roles/leadership-roles";

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}${randomInt(1e6).toString(36)}`;

export async function createUser(
  over: Partial<{
    login: string;
    githubId: bigint;
    region: "APAC" | "EMEA" | "Americas" | null;
    timezone: string | null;
    email: string | null;
    createdAt: Date;
    isAdmin: boolean;
    isTocMember: boolean;
  }> = {},
) {
  const u = unique();
  return db.user.create({
    data: {
      githubId: over.githubId ?? BigInt(1_000_000 + randomInt(1e9)),
      login: over.login ?? `user-${u}`,
      name: `Test ${u}`,
      email: over.email === undefined ? `${u}@example.test` : over.email,
      region: over.region === undefined ? "EMEA" : over.region,
      timezone: over.timezone === undefined ? "Europe/Berlin" : over.timezone,
      isAdmin: over.isAdmin ?? false,
      isTocMember: over.isTocMember ?? false,
      ...(over.createdAt ? { createdAt: over.createdAt } : {}),
    },
  });
}

/** A TAG as the portal creates one: with its Chair and Tech Lead roles. */
export async function createTag(over: Partial<{ slug: string; name: string }> = {}) {
  const u = unique();
  return db.$transaction(async (tx) => {
    const tag = await tx.tag.create({ data: { slug: over.slug ?? `tag-${u}`, name: over.name ?? `TAG ${u}` } });
    await createLeadershipRoles(tx, tag, { at: new Date(), actorId: null });
    return tag;
  });
}

/**
 * A help-wanted item on one TAG, stored as it is (any state; not through the operation under
 * test): open content work created at `createdAt` (now unless told), unless `over` says otherwise.
 */
export function insertItem(tagId: string, over: Partial<Omit<Prisma.HelpWantedItemCreateInput, "tags">> = {}) {
  const at = over.createdAt ?? new Date();
  return db.helpWantedItem.create({
    data: {
      title: `Item ${unique()}`,
      kind: "content",
      createdAt: at,
      updatedAt: at,
      ...over,
      tags: { create: { tagId } },
    },
  });
}

/** A person's claim on an item in `status`, stored as it is, with its last activity at `createdAt` (now unless told). */
export function insertClaim(
  itemId: string,
  userId: string,
  status: ClaimStatus,
  over: Partial<Omit<Prisma.ClaimUncheckedCreateInput, "itemId" | "userId" | "status">> = {},
) {
  const at = over.createdAt ?? new Date();
  return db.claim.create({ data: { itemId, userId, status, createdAt: at, lastActivityAt: at, ...over } });
}

/** A contribution record of `kind` by a person in a TAG at `occurredAt`, stored as it is: from GitHub unless `over` says otherwise. */
export function insertRecord(
  userId: string,
  tagId: string,
  kind: ContributionKind,
  occurredAt: Date,
  over: Partial<Omit<Prisma.ContributionRecordUncheckedCreateInput, "userId" | "tagId" | "kind" | "occurredAt">> = {},
) {
  return db.contributionRecord.create({ data: { userId, tagId, kind, source: "github", occurredAt, ...over } });
}
