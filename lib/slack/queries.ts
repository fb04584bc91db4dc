import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { secretsEnabled } from "@/lib/secrets";

/** The lead console's Slack section: the channel (URL hint only), failed messages, and how many wait. */
export async function getSlackConsole(tagId: string) {
  const [channel, failed, pending] = await Promise.all([
    db.tagSlack.findUnique({ where: { tagId }, select: { webhookHint: true, events: true, updatedAt: true } }),
    db.slackDelivery.findMany({
      where: { tagId, status: "failed" },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, event: true, message: true, lastError: true, attempts: true, createdAt: true },
    }),
    db.slackDelivery.count({ where: { tagId, status: "pending" } }),
  ]);
  const e = env();
  return {
    enabled: secretsEnabled(),
    baseUrl: e.SLACK_WEBHOOK_BASE_URL,
    // The demo's webhooks go to its Slack stand-in, whose page lists what arrived.
    demoOutbox: e.DEMO ? new URL("/outbox", e.SLACK_WEBHOOK_BASE_URL).toString() : null,
    channel,
    failed: failed.map((f) => ({
      id: f.id,
      text: (f.message as { text?: string }).text ?? f.event,
      lastError: f.lastError,
      attempts: f.attempts,
      createdAt: f.createdAt.toISOString(),
    })),
    pending,
  };
}
