import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requireTag } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { formatTargets, parseTargets } from "./targets";
import { loadTargets } from "./load";
import type { SaveTargetsInput } from "./schemas";

/**
 * A chair (or admin) replaces the TAG's representation targets as a whole: they are a TAG setting
 * (`tag.settings`). Any bad line refuses the whole text; the before and after texts are audited, so
 * the audit log is the targets' version history.
 */
export async function saveTargets(actor: Actor | null, input: SaveTargetsInput) {
  const found = await db.tag.findUnique({ where: { id: input.tagId }, select: { id: true, slug: true } });
  const { a, row: tag } = await requireTag(actor, "tag.settings", input.tagId, found);
  const parsed = parseTargets(input.targets);
  if (!parsed.ok)
    throw new AppError("INVALID", "The targets need changes: see under the field.", {
      targets: [parsed.errors.join(" ")],
    });
  const at = await now();
  return db.$transaction(async (tx) => {
    // Serialises two chairs saving at once: the second sees the first's rows as "before".
    await tx.$queryRaw`SELECT id FROM "Tag" WHERE id = ${tag.id}::uuid FOR UPDATE`;
    const before = formatTargets(await loadTargets(tag.id));
    await tx.representationTarget.deleteMany({ where: { tagId: tag.id } });
    await tx.representationTarget.createMany({
      data: parsed.targets.map((t, i) => ({
        tagId: tag.id,
        audience: t.group,
        region: t.region,
        country: t.country,
        minimum: t.minimum,
        // Keeps the editor's order when read back.
        createdAt: new Date(at.getTime() + i),
      })),
    });
    const after = formatTargets(parsed.targets);
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "tag.representation",
      subjectType: "Tag",
      subjectId: tag.id,
      tagId: tag.id,
      before: { targets: before },
      after: { targets: after },
    });
    return { slug: tag.slug, count: parsed.targets.length };
  });
}
