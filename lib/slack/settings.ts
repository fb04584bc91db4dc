import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { sealSecret, secretsEnabled } from "@/lib/secrets";
import type { SlackSettingsInput } from "./schemas";

/** What the console shows of a webhook URL: enough to recognise it, not enough to post to it. */
export function webhookHint(url: string): string {
  const u = new URL(url);
  return `${u.origin}/…${u.pathname.slice(-4)}`;
}

/**
 * A TAG's leads set its Slack webhook (sealed with PORTAL_ENCRYPTION_KEY) and the events it
 * receives. The audit entry records the change without the URL (it is the channel's secret).
 */
export async function saveSlackSettings(actor: Actor | null, input: SlackSettingsInput) {
  const a = await requirePermission(actor, "slack.manage", {
    subjectType: "Tag",
    subjectId: input.tagId,
    tagId: input.tagId,
  });
  if (!secretsEnabled())
    throw new AppError("CONFLICT", "Slack is off on this server: PORTAL_ENCRYPTION_KEY is not set.");
  const at = await now();
  return db.$transaction(async (tx) => {
    const tag = await tx.tag.findUnique({ where: { id: input.tagId }, select: { slug: true } });
    if (!tag) throw new AppError("NOT_FOUND", "That TAG does not exist.");
    const before = await tx.tagSlack.findUnique({
      where: { tagId: input.tagId },
      select: { events: true, webhookHint: true },
    });
    if (!before && !input.webhookUrl)
      throw new AppError("INVALID", "Enter the channel's webhook URL.", {
        webhookUrl: ["Enter the channel's webhook URL"],
      });
    const url = input.webhookUrl
      ? { webhookCiphertext: sealSecret(input.webhookUrl), webhookHint: webhookHint(input.webhookUrl) }
      : {};
    const data = { ...url, events: input.events, updatedAt: at, updatedById: a.id };
    await tx.tagSlack.upsert({
      where: { tagId: input.tagId },
      create: { tagId: input.tagId, webhookCiphertext: "", webhookHint: "", ...data },
      update: data,
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "slack.configure",
      subjectType: "Tag",
      subjectId: input.tagId,
      tagId: input.tagId,
      ...(before ? { before: { events: before.events, webhook: before.webhookHint } } : {}),
      after: {
        events: input.events,
        webhook: url.webhookHint ?? before!.webhookHint,
        urlChanged: Boolean(input.webhookUrl),
      },
    });
    return { slug: tag.slug };
  });
}

/** Turns the TAG's Slack delivery off: the webhook is forgotten; queued messages then fail with that reason. */
export async function removeSlackSettings(actor: Actor | null, input: { tagId: string }) {
  const a = await requirePermission(actor, "slack.manage", {
    subjectType: "Tag",
    subjectId: input.tagId,
    tagId: input.tagId,
  });
  const at = await now();
  return db.$transaction(async (tx) => {
    const before = await tx.tagSlack.findUnique({
      where: { tagId: input.tagId },
      select: { events: true, webhookHint: true, tag: { select: { slug: true } } },
    });
    if (!before) throw new AppError("NOT_FOUND", "This TAG has no Slack webhook.");
    await tx.tagSlack.delete({ where: { tagId: input.tagId } });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "slack.remove",
      subjectType: "Tag",
      subjectId: input.tagId,
      tagId: input.tagId,
      before: { events: before.events, webhook: before.webhookHint },
    });
    return { slug: before.tag.slug };
  });
}
