import "server-only";
import { db } from "@/lib/db";
import { notify } from "@/lib/notify/send";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Notifies the chairs and tech leads (active seats) of the given TAGs, each once, except one person. */
export async function notifyLeads(
  tx: Tx | typeof db,
  tagIds: string[],
  n: { kind: string; title: string; body?: string; link: string; dedupeKey?: string },
  at: Date,
  exceptUserId?: string,
) {
  const leads = await tx.roleAssignment.findMany({
    where: { tagId: { in: tagIds }, status: "active", kind: { in: ["chair", "tech_lead"] } },
    select: { userId: true },
    distinct: ["userId"],
  });
  for (const l of leads)
    if (l.userId !== exceptUserId)
      await notify({ userId: l.userId, ...n, dedupeKey: n.dedupeKey ? `${n.dedupeKey}:${l.userId}` : undefined }, at);
}
