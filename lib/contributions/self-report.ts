import "server-only";
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createAudited, recordAudit } from "@/lib/audit/record";
import { refuseByGuard, requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { notify } from "@/lib/notify/send";
import type { SelfReportInput, VerifyInput } from "./schemas";

/** Any signed-in person reports their own talk, blog post, ... for a TAG; it waits for a lead. */
export async function selfReportContribution(actor: Actor | null, input: SelfReportInput) {
  const tag = await db.tag.findUnique({ where: { slug: input.tagSlug }, select: { id: true, name: true } });
  const a = await requirePermission(actor, "contribution.self-report", {
    subjectType: "ContributionRecord",
    tagId: tag?.id ?? null,
  });
  if (!tag) throw new AppError("INVALID", "Unknown TAG", { tagSlug: ["Unknown TAG"] });
  const at = await clockNow();
  if (input.occurredAt.getTime() > at.getTime())
    throw new AppError("INVALID", "The date cannot be in the future", {
      occurredAt: ["The date cannot be in the future"],
    });
  return db.$transaction(async (tx) => {
    const r = await createAudited(
      tx,
      tx.contributionRecord.create({
        data: {
          userId: a.id,
          tagId: tag.id,
          kind: input.kind,
          source: "self_reported",
          verification: "pending",
          occurredAt: input.occurredAt,
          title: input.title,
          link: input.link ?? null,
          createdAt: at,
        },
        select: { id: true },
      }),
      {
        at,
        actorId: a.id,
        action: "contribution.self-report",
        subjectType: "ContributionRecord",
        tagId: tag.id,
        after: {
          kind: input.kind,
          title: input.title,
          link: input.link ?? null,
          occurredAt: input.occurredAt.toISOString(),
        },
      },
    );
    return r;
  });
}

/**
 * A lead of the record's TAG (or an admin) verifies or rejects a pending self-report. The check is
 * against the record as stored; nobody decides on their own report.
 */
export async function verifyContribution(actor: Actor | null, input: VerifyInput) {
  const rec = await db.contributionRecord.findUnique({
    where: { id: input.recordId },
    select: { id: true, userId: true, tagId: true, source: true, verification: true, title: true },
  });
  const a = await requirePermission(actor, "contribution.verify", {
    subjectType: "ContributionRecord",
    subjectId: input.recordId,
    tagId: rec?.tagId ?? null,
  });
  if (!rec || rec.source !== "self_reported")
    throw new AppError("NOT_FOUND", "That self-reported contribution does not exist.");
  if (rec.userId === a.id)
    await refuseByGuard(
      a,
      "contribution.verify",
      { subjectType: "ContributionRecord", subjectId: rec.id, tagId: rec.tagId },
      "You cannot verify or reject your own contribution.",
    );
  const at = await clockNow();
  const verification = input.decision === "verify" ? "verified" : "rejected";
  await db.$transaction(async (tx) => {
    const updated = await tx.contributionRecord.updateMany({
      where: { id: rec.id, verification: "pending" },
      data: {
        verification,
        verifiedById: a.id,
        verifiedAt: at,
        rejectReason: verification === "rejected" ? (input.reason ?? null) : null,
      },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "That contribution was already decided.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "contribution.verify",
      subjectType: "ContributionRecord",
      subjectId: rec.id,
      tagId: rec.tagId,
      before: { verification: "pending" },
      after: { verification, reason: input.reason ?? null },
    });
  });
  await notify(
    {
      userId: rec.userId,
      kind: `contribution.${verification}`,
      title:
        verification === "verified"
          ? `Your contribution "${rec.title}" was verified`
          : `Your contribution "${rec.title}" was not accepted`,
      body: verification === "rejected" && input.reason ? `Reason: ${input.reason}` : "",
      link: "/contributions",
    },
    at,
  );
  return { id: rec.id, verification };
}
