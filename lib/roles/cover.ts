import "server-only";
import { db } from "@/lib/db";
import { dayOf } from "@/lib/vocabulary";
import { leadSeatWhere } from "./seats";

/**
 * TAGs where `userId` covers a serving lead's leave today and the role (its current version) gives
 * cover the seat's powers. Read with every actor, so the powers start and stop with the leave.
 */
export async function coveredLeadTags(userId: string, at: Date): Promise<string[]> {
  const today = dayOf(at);
  const leaves = await db.leave.findMany({
    where: { coverUserId: userId, from: { lte: today }, to: { gte: today }, assignment: leadSeatWhere(at) },
    select: { assignment: { select: { tagId: true, roleDefinition: { select: { roleKey: true } } } } },
  });
  const keys = leaves.flatMap((l) => (l.assignment.roleDefinition ? [l.assignment.roleDefinition.roleKey] : []));
  if (keys.length === 0) return [];
  const giving = await db.roleDefinition.findMany({
    where: { roleKey: { in: keys }, supersededAt: null, coverHasPowers: true },
    select: { roleKey: true },
  });
  const ok = new Set(giving.map((d) => d.roleKey));
  return leaves.filter((l) => ok.has(l.assignment.roleDefinition?.roleKey ?? "")).map((l) => l.assignment.tagId);
}
