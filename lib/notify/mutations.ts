import "server-only";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import type { MarkReadInput } from "./schemas";

/**
 * Marks the given notifications (or all) of the signed-in person read. Scoped by its reader: a
 * forged id of someone else's notification matches nothing.
 */
export async function markNotificationsRead(actor: Actor | null, input: MarkReadInput): Promise<number> {
  const me = await requirePermission(actor, "notifications.own", { subjectType: "User", subjectId: actor?.id ?? null });
  const { count } = await db.notification.updateMany({
    where: { userId: me.id, readAt: null, ...(input.ids === "all" ? {} : { id: { in: input.ids } }) },
    data: { readAt: await now() },
  });
  return count;
}
