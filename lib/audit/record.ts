import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";

export interface AuditInput {
  at: Date;
  actorId: string | null;
  /** `entity.verb`, the permission table's action name (e.g. `roster.appoint`). */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  tagId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/**
 * Appends an audit event. Pass the transaction client so the event commits with the change it
 * describes (nothing changes silently; nothing is logged that did not happen).
 */
export async function recordAudit(tx: Pick<Tx, "auditEvent">, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      at: e.at,
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId ?? null,
      tagId: e.tagId ?? null,
      before: e.before,
      after: e.after,
    },
  });
}

/**
 * Records a refused attempt (failed authorization or a guard). Written outside any
 * transaction: the refused change rolls back, the record of the attempt stays.
 */
export async function recordRefusal(e: Omit<AuditInput, "before" | "after"> & { reason: string }): Promise<void> {
  await db.auditEvent.create({
    data: {
      at: e.at,
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId ?? null,
      tagId: e.tagId ?? null,
      outcome: "refused",
      reason: e.reason,
    },
  });
}
