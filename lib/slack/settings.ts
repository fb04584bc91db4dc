import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { openTagIntegration } from "@/lib/integrations/tag-integration";
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
  const t = await openTagIntegration(actor, "slack.manage", input.tagId);
  if (!secretsEnabled())
    throw new AppError("CONFLICT", "Slack is off on this server: PORTAL_ENCRYPTION_KEY is not set.");
  await t.change("slack.configure", async (tx) => {
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
    const data = { ...url, events: input.events, updatedAt: t.at, updatedById: t.actorId };
    await tx.tagSlack.upsert({
      where: { tagId: input.tagId },
      create: { tagId: input.tagId, webhookCiphertext: "", webhookHint: "", ...data },
      update: data,
    });
    return {
      before: before ? { events: before.events, webhook: before.webhookHint } : undefined,
      after: {
        events: input.events,
        webhook: url.webhookHint ?? before!.webhookHint,
        urlChanged: Boolean(input.webhookUrl),
      },
      result: null,
    };
  });
  return { slug: t.slug };
}

/** Turns the TAG's Slack delivery off: the webhook is forgotten; queued messages then fail with that reason. */
export async function removeSlackSettings(actor: Actor | null, input: { tagId: string }) {
  const t = await openTagIntegration(actor, "slack.manage", input.tagId);
  await t.change("slack.remove", async (tx) => {
    const before = await tx.tagSlack.findUnique({
      where: { tagId: input.tagId },
      select: { events: true, webhookHint: true },
    });
    if (!before) throw new AppError("NOT_FOUND", "This TAG has no Slack webhook.");
    await tx.tagSlack.delete({ where: { tagId: input.tagId } });
    return { before: { events: before.events, webhook: before.webhookHint }, result: null };
  });
  return { slug: t.slug };
}
