import "server-only";
import { db, type Tx } from "@/lib/db";
import { now } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/actions";
import { requireTag } from "@/lib/auth/actor";
import type { Action, Actor } from "@/lib/auth/permissions";

/**
 * The one shape of a lead's change to how a TAG connects to a service (its Slack channel, its
 * GitHub project board): the permission checked in the TAG (a refusal audited, a missing TAG
 * NOT_FOUND), then `change`, which writes the link and the audit entry of `action` in one
 * transaction. Work that must not hold a transaction (asking GitHub) goes between the two calls.
 */
export async function openTagIntegration(actor: Actor | null, permission: Action, tagId: string) {
  const tag = await db.tag.findUnique({ where: { id: tagId }, select: { slug: true } });
  const { a, row } = await requireTag(actor, permission, tagId, tag);
  const at = await now();
  return {
    slug: row.slug,
    actorId: a.id,
    at,
    /** `body` returns what the audit entry says before and after (never a secret), and its result. */
    change: <R>(
      action: AuditAction,
      body: (tx: Tx) => Promise<{ before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue; result: R }>,
    ) =>
      db.$transaction(async (tx) => {
        const { before, after, result } = await body(tx);
        await recordAudit(tx, {
          at,
          actorId: a.id,
          action,
          subjectType: "Tag",
          subjectId: tagId,
          tagId,
          before,
          after,
        });
        return result;
      }),
  };
}
