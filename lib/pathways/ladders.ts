import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requireTag } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { parseLadder } from "./ladder";
import type { SaveLadderInput } from "./schemas";

/**
 * A lead (or admin) defines or changes the TAG's ladder. The text is parsed here, against the
 * TAG's activity window for criteria without one; any problem refuses the whole ladder, line by
 * line. `version` is the one the editor showed: a ladder changed meanwhile is not overwritten.
 */
export async function saveLadder(actor: Actor | null, input: SaveLadderInput) {
  const found = await db.tag.findUnique({
    where: { id: input.tagId },
    select: { id: true, slug: true, activityWindowMonths: true },
  });
  const { a, row: tag } = await requireTag(actor, "pathway.define", input.tagId, found, "PathwayLadder");
  const parsed = parseLadder(input.steps, tag.activityWindowMonths);
  if (!parsed.ok)
    throw new AppError("INVALID", "The ladder needs changes: see under the steps.", {
      steps: [parsed.errors.join(" ")],
    });
  const at = await now();
  return db.$transaction(async (tx) => {
    const before = await tx.pathwayLadder.findUnique({
      where: { tagId: tag.id },
      select: { steps: true, version: true },
    });
    if ((before?.version ?? 0) !== input.version)
      throw new AppError("CONFLICT", "Someone changed the ladder since you opened it. Reload and try again.");
    const steps = parsed.ladder;
    const saved = before
      ? await tx.pathwayLadder.update({
          where: { tagId: tag.id, version: input.version },
          data: { steps, version: { increment: 1 }, updatedAt: at, updatedById: a.id },
        })
      : await tx.pathwayLadder.create({ data: { tagId: tag.id, steps, updatedAt: at, updatedById: a.id } });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "pathway.define",
      subjectType: "PathwayLadder",
      subjectId: tag.id,
      tagId: tag.id,
      before: before ? { steps: before.steps ?? [], version: before.version } : undefined,
      after: { steps, version: saved.version },
    });
    return { slug: tag.slug, version: saved.version, steps: steps.length };
  });
}
