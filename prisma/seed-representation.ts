/**
 * Demo data for representation targets (issue 21 point 3): every demo TAG aims for a leader from
 * each region, and one a country target, so `/toc/<slug>` shows targets met, missed and withheld.
 * Idempotent: a TAG that already has targets is left alone.
 */
import type { PrismaClient } from "../lib/generated/prisma/client.ts";

export async function seedRepresentation(db: PrismaClient): Promise<void> {
  const tags = await db.tag.findMany({ select: { id: true }, orderBy: { slug: "asc" } });
  const at = new Date();
  for (const [i, tag] of tags.entries()) {
    if (await db.representationTarget.count({ where: { tagId: tag.id } })) continue;
    const rows = [
      { audience: "leadership" as const, region: "APAC" as const, country: null, minimum: 1 },
      { audience: "leadership" as const, region: "EMEA" as const, country: null, minimum: 1 },
      { audience: "leadership" as const, region: "Americas" as const, country: null, minimum: 1 },
      ...(i === 0 ? [{ audience: "ambassadors" as const, region: null, country: "IN", minimum: 1 }] : []),
    ];
    await db.representationTarget.createMany({
      data: rows.map((r, j) => ({ ...r, tagId: tag.id, createdAt: new Date(at.getTime() + j) })),
    });
  }
}
