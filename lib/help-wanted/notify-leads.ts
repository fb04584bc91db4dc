import "server-only";
import type { Tx } from "@/lib/db";
import { notify } from "@/lib/notify/send";
import { LEAD_KINDS } from "@/lib/vocabulary";

/** Notifies the chairs and tech leads (active seats) of the given TAGs, each once, except one person. */
export async function notifyLeads(
  tx: Tx,
  tagIds: string[],
  n: { kind: string; title: string; body?: string; link: string; dedupeKey?: string },
  at: Date,
  exceptUserId?: string,
) {
  const leads = await tx.roleAssignment.findMany({
    where: { tagId: { in: tagIds }, status: "active", kind: { in: [...LEAD_KINDS] } },
    select: { userId: true },
    distinct: ["userId"],
  });
  for (const l of leads)
    if (l.userId !== exceptUserId)
      await notify({ userId: l.userId, ...n, dedupeKey: n.dedupeKey ? `${n.dedupeKey}:${l.userId}` : undefined }, at);
}
