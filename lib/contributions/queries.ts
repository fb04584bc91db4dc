import "server-only";
import { db } from "@/lib/db";
import { canInAnyTag, tagScope, type Actor } from "@/lib/auth/permissions";

const recordSelect = {
  id: true,
  kind: true,
  source: true,
  verification: true,
  occurredAt: true,
  title: true,
  link: true,
  rejectReason: true,
  tag: { select: { slug: true, name: true } },
} as const;

/** A person's own self-reported contributions, newest first. */
export function listOwnSelfReports(userId: string) {
  return db.contributionRecord.findMany({
    where: { userId, source: "self_reported" },
    orderBy: { occurredAt: "desc" },
    take: 200,
    select: recordSelect,
  });
}

/** Pending self-reports in the TAGs the actor leads (every TAG for an admin), except the actor's own. */
export function listToVerify(actor: Actor) {
  if (!canInAnyTag(actor, "contribution.verify")) return Promise.resolve([]);
  return db.contributionRecord.findMany({
    where: {
      source: "self_reported",
      verification: "pending",
      userId: { not: actor.id },
      ...tagScope(actor, "contribution.verify"),
    },
    orderBy: { occurredAt: "asc" },
    take: 200,
    select: { ...recordSelect, user: { select: { login: true, name: true } } },
  });
}

export function listTagChoices() {
  return db.tag.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
