// Not server-only, and no runtime import: the CLI tools (tags.yaml and Elekto imports,
// admin:grant) write their events through these functions with their own Prisma client.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "../db.ts";
import type { AuditAction, RefusedAction } from "./actions.ts";

export interface AuditInput {
  at: Date;
  actorId: string | null;
  /** `entity.verb` from the typed list in ./actions.ts (the permission's name where there is one). */
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  tagId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

type AuditClient = Pick<Tx, "auditEvent">;

const row = (e: Omit<AuditInput, "action"> & { action: RefusedAction }) => ({
  at: e.at,
  actorId: e.actorId,
  action: e.action,
  subjectType: e.subjectType,
  subjectId: e.subjectId ?? null,
  tagId: e.tagId ?? null,
  before: e.before,
  after: e.after,
});

/**
 * Appends audit events. Pass the transaction client so the events commit with the change they
 * describe (nothing changes silently; nothing is logged that did not happen).
 */
export async function recordAudit(tx: AuditClient, e: AuditInput | readonly AuditInput[]): Promise<void> {
  if (Array.isArray(e)) await tx.auditEvent.createMany({ data: e.map(row) });
  else await tx.auditEvent.create({ data: row(e as AuditInput) });
}

/**
 * Creates a row and the audit entry whose subject it is, on the same transaction client, so that
 * no row exists without its entry. `create` is the (lazy) Prisma create; returns the new row.
 */
export async function createAudited<T extends { id: string }>(
  tx: AuditClient,
  create: PromiseLike<T>,
  e: Omit<AuditInput, "subjectId">,
): Promise<T> {
  const created = await create;
  await recordAudit(tx, { ...e, subjectId: created.id });
  return created;
}

/**
 * Records a refused attempt (failed authorization or a guard). Pass `db`, outside any
 * transaction: the refused change rolls back, the record of the attempt stays.
 */
export async function recordRefusal(
  client: AuditClient,
  e: Omit<AuditInput, "action" | "before" | "after"> & { action: RefusedAction; reason: string },
): Promise<void> {
  await client.auditEvent.create({ data: { ...row(e), outcome: "refused", reason: e.reason } });
}
