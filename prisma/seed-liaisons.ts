/**
 * Demo data for liaisons: TAG Ambassador seats to make liaisons of (issue 5, item 6). The seed
 * gives no liaisons themselves: a chair creates them at /liaisons. Idempotent: a seat already held
 * is left alone.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../lib/generated/prisma/client.ts";
import { giveApprovedSeat } from "./seed-seats.ts";

/** Who holds a TAG Ambassador seat in the demo, by login and TAG slug. */
export const demoAmbassadorSeats = [{ login: "amy-ambassador", tag: "security-and-compliance" }] as const;

export async function seedLiaisons(db: PrismaClient): Promise<void> {
  const seededAt = new Date("2026-01-15T00:00:00Z");
  for (const s of demoAmbassadorSeats) {
    const [user, tag] = await Promise.all([
      db.user.findFirst({
        where: { login: s.login },
        orderBy: { createdAt: "asc" },
        select: { id: true, login: true, region: true, employer: true },
      }),
      db.tag.findUnique({ where: { slug: s.tag }, select: { id: true } }),
    ]);
    if (!user || !tag) throw new Error(`seedLiaisons: run the main seed first (${s.login} in ${s.tag} not found)`);
    const held = await db.roleAssignment.findFirst({
      where: { tagId: tag.id, userId: user.id, kind: "tag_ambassador", status: "active" },
      select: { id: true },
    });
    if (held) continue;
    // Every seat belongs to a role of its TAG: the demo's TAG Ambassador role for project liaisons.
    await db.$transaction(async (tx) => {
      const role =
        (await tx.roleDefinition.findFirst({
          where: { tagId: tag.id, kind: "tag_ambassador", ambassadorKind: "project_liaison", supersededAt: null },
          select: { roleKey: true },
        })) ??
        (await tx.roleDefinition.create({
          data: {
            tagId: tag.id,
            roleKey: randomUUID(),
            version: 1,
            name: "TAG Ambassador (project liaison)",
            kind: "tag_ambassador",
            ambassadorKind: "project_liaison",
            responsibilities: "Liaises between the TAG and a CNCF project: monthly check-ins, reviews, escalations.",
            createdAt: seededAt,
          },
          select: { roleKey: true },
        }));
      await giveApprovedSeat(tx, { roleKey: role.roleKey, tagId: tag.id, person: user, at: seededAt, termEndAt: null });
    });
  }
}
