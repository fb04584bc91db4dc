import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { helpWantedLabelsFor } from "./drafts";
import { parseHelpWantedLabels } from "./labels";
import type { HelpWantedLabelsInput } from "./schemas";

/**
 * A lead of a TAG that lists the repository (or an admin) sets the labels that mark its issues as
 * help wanted ("start a GitHub sync, configure a TAG's repositories": `github.sync`). Labels are
 * stored lower-cased and compared case-insensitively; the next sync reads the new labels' lists.
 */
export async function setHelpWantedLabels(actor: Actor | null, input: HelpWantedLabelsInput) {
  const key = input.repo.toLowerCase();
  const tags = (
    await db.tag.findMany({
      where: { repositories: { isEmpty: false } },
      select: { id: true, repositories: true },
      orderBy: { slug: "asc" },
    })
  ).filter((t) => t.repositories.some((r) => r.toLowerCase() === key));
  const tagId = tags.find((t) => can(actor, "github.sync", t.id))?.id ?? tags[0]?.id ?? null;
  const a = await requirePermission(actor, "github.sync", { subjectType: "RepositorySettings", subjectId: key, tagId });
  if (!tagId) throw new AppError("NOT_FOUND", "No TAG lists this repository.");
  const parsed = parseHelpWantedLabels(input.labels);
  if (!parsed.ok) throw new AppError("INVALID", parsed.error, { labels: [parsed.error] });
  const at = await now();
  const before = (await helpWantedLabelsFor([key])).get(key)!;
  await db.$transaction(async (tx) => {
    await tx.repositorySettings.upsert({
      where: { repo: key },
      create: { repo: key, helpWantedLabels: parsed.labels, updatedAt: at },
      update: { helpWantedLabels: parsed.labels, updatedAt: at },
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "github.labels",
      subjectType: "RepositorySettings",
      subjectId: key,
      tagId,
      before: { helpWantedLabels: before },
      after: { helpWantedLabels: parsed.labels },
    });
  });
  return { repo: key, labels: parsed.labels };
}
