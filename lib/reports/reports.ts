import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { recordAudit, createAudited } from "@/lib/audit/record";
import { now as clockNow } from "@/lib/clock";
import { consumeRateLimit } from "@/lib/rate-limit";
import { notifyLeads } from "@/lib/help-wanted/notify-leads";
import { DecideReportSchema, ReportTextSchema, TEXT_KIND_LABEL, UnhideTextSchema, type TextKind } from "./schemas";
import { locateText } from "./queries";

/** Parses here too (not only in the action), so every caller gets the same clear refusal. */
function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const { fieldErrors, formErrors } = z.flattenError(r.error);
  const first = [...formErrors, ...Object.values(fieldErrors).flat()][0] ?? "Some fields need attention.";
  throw new AppError("INVALID", String(first), fieldErrors as Record<string, string[]>);
}

export const REPORT_LIMIT = { limit: 10, windowMs: 60 * 60_000 };

/**
 * Reports a text to the leads of its TAG (a bio, which has no TAG, to the admins): once per person
 * and text while the report is open. The leads are told; the reporter is never named to the author.
 */
export async function reportText(actor: Actor | null, raw: unknown): Promise<{ id: string }> {
  const a = await requirePermission(actor, "text.report", { subjectType: "TextReport" });
  const input = parse(ReportTextSchema, raw);
  const at = await clockNow();
  await consumeRateLimit(`report:${a.id}`, REPORT_LIMIT.limit, REPORT_LIMIT.windowMs, at);
  const subjectId =
    input.subjectId ??
    (input.login
      ? (
          await db.user.findFirst({
            where: { login: { equals: input.login, mode: "insensitive" }, deletedAt: null },
            orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
            select: { id: true },
          })
        )?.id
      : undefined);
  const text = subjectId && (await locateText(input.subjectType, subjectId));
  if (!subjectId || !text) throw new AppError("NOT_FOUND", "That text does not exist.");
  if (input.subjectType === "bio" && subjectId === a.id)
    throw new AppError("CONFLICT", "That is your own bio: edit it on your profile instead.");
  const report = await db.$transaction(async (tx) => {
    // One open report per person and text; the lock on the reporter serialises a double click.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${a.id}::uuid FOR UPDATE`;
    const open = await tx.textReport.count({
      where: { subjectType: input.subjectType, subjectId, reporterId: a.id, resolvedAt: null },
    });
    if (open) throw new AppError("CONFLICT", "You already reported this text; the leads have your report.");
    return createAudited(
      tx,
      tx.textReport.create({
        data: {
          subjectType: input.subjectType,
          subjectId,
          reason: input.reason,
          tagId: text.tagId,
          reporterId: a.id,
          createdAt: at,
        },
        select: { id: true },
      }),
      {
        at,
        actorId: a.id,
        action: "text.report",
        subjectType: "TextReport",
        tagId: text.tagId,
        after: { subjectType: input.subjectType, subjectId },
      },
    );
  });
  // After the commit, as for a volunteer request: mail must not hold the transaction open.
  if (text.tagId)
    await notifyLeads(
      db,
      [text.tagId],
      {
        kind: `${text.group}.text-reported`,
        title: `A ${TEXT_KIND_LABEL[input.subjectType]} was reported: ${text.title}`,
        body: input.reason,
        link: text.consoleLink,
      },
      at,
      a.id,
    );
  return report;
}

/**
 * A lead of the text's TAG (or an admin) hides the reported text, with a reason readers see in its
 * place, or keeps it. Hiding settles every open report of that text; keeping settles this one.
 */
export async function decideReport(actor: Actor | null, raw: unknown): Promise<{ outcome: "hidden" | "kept" }> {
  const input = parse(DecideReportSchema, raw);
  const report = await db.textReport.findUnique({ where: { id: input.reportId } });
  const a = await requirePermission(actor, "text.hide", {
    tagId: report?.tagId ?? null,
    subjectType: "TextReport",
    subjectId: input.reportId,
  });
  if (!report) throw new AppError("NOT_FOUND", "That report does not exist.");
  const at = await clockNow();
  const subject = { subjectType: report.subjectType as TextKind, subjectId: report.subjectId };
  const outcome = input.decision === "hide" ? "hidden" : "kept";
  await db.$transaction(async (tx) => {
    const settled = await tx.textReport.updateMany({
      where: input.decision === "hide" ? { ...subject, resolvedAt: null } : { id: report.id, resolvedAt: null },
      data: { resolvedAt: at, resolvedById: a.id, outcome },
    });
    if (settled.count === 0) throw new AppError("CONFLICT", "This report was already settled.");
    if (input.decision === "hide")
      await tx.hiddenText.upsert({
        where: { subjectType_subjectId: subject },
        create: { ...subject, tagId: report.tagId, reason: input.reason, hiddenById: a.id, hiddenAt: at },
        update: { reason: input.reason, hiddenById: a.id, hiddenAt: at },
      });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: input.decision === "hide" ? "text.hide" : "text.keep",
      subjectType: "TextReport",
      subjectId: report.id,
      tagId: report.tagId,
      after: { ...subject, outcome, ...(input.decision === "hide" ? { reason: input.reason } : {}) },
    });
  });
  return { outcome };
}

/**
 * A lead of the text's TAG (or an admin, for bios) shows a hidden text again, saying why. The hide
 * and its reason stay in the audit log; a later report may hide it again.
 */
export async function unhideText(actor: Actor | null, raw: unknown): Promise<{ subjectType: TextKind }> {
  const input = parse(UnhideTextSchema, raw);
  const subject = { subjectType: input.subjectType, subjectId: input.subjectId };
  const hidden = await db.hiddenText.findUnique({ where: { subjectType_subjectId: subject } });
  // Not hidden (any more): the text's own TAG scopes the check, so its lead hears "not hidden".
  const tagId = hidden ? hidden.tagId : ((await locateText(input.subjectType, input.subjectId))?.tagId ?? null);
  const a = await requirePermission(actor, "text.hide", {
    tagId,
    subjectType: "HiddenText",
    subjectId: input.subjectId,
  });
  if (!hidden) throw new AppError("NOT_FOUND", "That text is not hidden.");
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    // Compare-and-swap on the hide this lead saw: of two leads at once, one shows it again.
    const { count } = await tx.hiddenText.deleteMany({ where: { ...subject, hiddenAt: hidden.hiddenAt } });
    if (count === 0) throw new AppError("CONFLICT", "Someone changed this text's state meanwhile. Reload the page.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "text.unhide",
      subjectType: "HiddenText",
      subjectId: input.subjectId,
      tagId: hidden.tagId,
      before: { ...subject, reason: hidden.reason, hiddenById: hidden.hiddenById },
      after: { ...subject, reason: input.reason },
    });
  });
  return { subjectType: input.subjectType };
}
