import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { parseReportPeriod } from "./report";
import { NARRATIVE_KEYS, type Narrative, type SaveTagReportDraftInput } from "./schemas";

/**
 * A lead (or admin) saves the narrative of the TAG's report for a period. `version` is the one the
 * editor showed: a draft another lead saved meanwhile is not overwritten.
 */
export async function saveTagReportDraft(actor: Actor | null, input: SaveTagReportDraftInput) {
  const tag = await db.tag.findUnique({ where: { id: input.tagId }, select: { id: true, slug: true } });
  const a = await requirePermission(actor, "tag-report.write", {
    subjectType: "TagReportDraft",
    subjectId: input.tagId,
    tagId: tag?.id ?? null,
  });
  if (!tag) throw new AppError("NOT_FOUND", "That TAG does not exist.");
  const period = parseReportPeriod(input.period);
  if (!period) throw new AppError("INVALID", "A period is a quarter (2026-Q3) or a year (2026).");
  const narrative: Narrative = Object.fromEntries(
    NARRATIVE_KEYS.flatMap((k) => (input[k]?.trim() ? [[k, input[k].trim()]] : [])),
  );
  const at = await now();
  return db.$transaction(async (tx) => {
    const before = await tx.tagReportDraft.findUnique({
      where: { tagId_period: { tagId: tag.id, period: period.key } },
      select: { narrative: true, version: true },
    });
    if ((before?.version ?? 0) !== input.version)
      throw new AppError("CONFLICT", "Another lead saved this report since you opened it. Reload and try again.");
    const saved = before
      ? await tx.tagReportDraft.update({
          where: { tagId_period: { tagId: tag.id, period: period.key }, version: input.version },
          data: { narrative, version: { increment: 1 }, updatedAt: at, updatedById: a.id },
        })
      : await tx.tagReportDraft.create({
          data: { tagId: tag.id, period: period.key, narrative, updatedAt: at, updatedById: a.id },
        });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "tag-report.write",
      subjectType: "TagReportDraft",
      subjectId: saved.id,
      tagId: tag.id,
      before: before ? { period: period.key, narrative: before.narrative ?? {}, version: before.version } : undefined,
      after: { period: period.key, narrative, version: saved.version },
    });
    return { slug: tag.slug, period: period.key, version: saved.version };
  });
}
