import "server-only";
import { IncomingWebhook, type IncomingWebhookSendArguments } from "@slack/webhook";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { requireFound } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { openSecret, secretsEnabled } from "@/lib/secrets";
import { MAX_ATTEMPTS, RETRY_BACKOFF_MINUTES } from "./events";
import type { SlackMessage } from "./messages";
import { isUnderSlackBase } from "./schemas";

/** How long one post may take before it counts as failed (and is retried). */
export const POST_TIMEOUT_MS = 10_000;
/** A row being posted is leased this long: a worker that dies mid-post leaves it to the next sweep. */
const LEASE_MS = 5 * 60_000;
const BATCH = 50;

/**
 * The delivery sweep: posts every queued message that is due, oldest first. A failure (4xx, 5xx,
 * timeout, no route) is retried after RETRY_BACKOFF_MINUTES, then marked failed with its reason
 * for the TAG's leads, who may retry it from the lead console. Returns how many were sent.
 */
export async function deliverSlackMessages(at: Date, opts: { timeoutMs?: number } = {}): Promise<number> {
  const due = await db.slackDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: at } },
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: { id: true, tagId: true, attempts: true, message: true },
  });
  let sent = 0;
  for (const d of due) {
    // Compare-and-swap on the attempt count: of two sweeps running at once, one posts.
    const leased = await db.slackDelivery.updateMany({
      where: { id: d.id, status: "pending", attempts: d.attempts },
      data: { attempts: d.attempts + 1, nextAttemptAt: new Date(at.getTime() + LEASE_MS) },
    });
    if (leased.count === 0) continue;
    const error = await post(d.tagId, d.message as unknown as SlackMessage, opts.timeoutMs ?? POST_TIMEOUT_MS);
    const attempts = d.attempts + 1;
    if (!error) {
      await db.slackDelivery.update({ where: { id: d.id }, data: { status: "sent", sentAt: at, lastError: null } });
      sent++;
    } else if (attempts >= MAX_ATTEMPTS || error.final) {
      await db.slackDelivery.update({ where: { id: d.id }, data: { status: "failed", lastError: error.reason } });
    } else {
      const wait = RETRY_BACKOFF_MINUTES[attempts - 1]! * 60_000;
      await db.slackDelivery.update({
        where: { id: d.id },
        data: { lastError: error.reason, nextAttemptAt: new Date(at.getTime() + wait) },
      });
    }
  }
  return sent;
}

/** Posts one message to the TAG's current webhook; returns why it failed (`final`: retrying cannot help). */
async function post(
  tagId: string,
  message: SlackMessage,
  timeoutMs: number,
): Promise<{ reason: string; final?: boolean } | null> {
  if (!secretsEnabled())
    return { reason: "Slack is off: PORTAL_ENCRYPTION_KEY is not set on the server.", final: true };
  const channel = await db.tagSlack.findUnique({ where: { tagId }, select: { webhookCiphertext: true } });
  if (!channel) return { reason: "The TAG's Slack webhook was removed.", final: true };
  let url: string;
  try {
    url = openSecret(channel.webhookCiphertext);
  } catch {
    return {
      reason: "The stored webhook URL cannot be opened with the current PORTAL_ENCRYPTION_KEY: enter it again.",
      final: true,
    };
  }
  // Checked again here, not only when it was saved: a URL stored before SLACK_WEBHOOK_BASE_URL
  // changed, or a row written around the form, must not make the server call an address of its choosing.
  if (!isUnderSlackBase(url))
    return {
      reason: `The stored webhook URL does not start with ${env().SLACK_WEBHOOK_BASE_URL}: enter the channel's URL again.`,
      final: true,
    };
  try {
    await new IncomingWebhook(url, { timeout: timeoutMs }).send(message as unknown as IncomingWebhookSendArguments);
    return null;
  } catch (e) {
    return { reason: failureReason(e, timeoutMs) };
  }
}

/** What the lead console says about a failed post, without the URL (it holds the webhook's secret). */
function failureReason(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; statusCode?: number; original?: { name?: string }; cause?: { name?: string } };
  if (typeof err.statusCode === "number") return `Slack answered HTTP ${err.statusCode}.`;
  const name = err.cause?.name ?? err.original?.name ?? err.name;
  if (name === "TimeoutError" || name === "AbortError")
    return `Slack did not answer within ${timeoutMs / 1000} seconds.`;
  return "Slack could not be reached.";
}

/** A lead sends a failed message again: it is queued as new, with a fresh round of retries. */
export async function retrySlackDelivery(actor: Actor | null, input: { deliveryId: string }) {
  const found = await db.slackDelivery.findUnique({
    where: { id: input.deliveryId },
    select: { tagId: true, status: true },
  });
  const missing = "That message does not exist.";
  const subject = { subjectType: "SlackDelivery", subjectId: input.deliveryId, tagId: found?.tagId ?? null, missing };
  const { a, row: d } = await requireFound(actor, "slack.manage", found, subject);
  const at = await clockNow();
  await db.$transaction(async (tx) => {
    const { count } = await tx.slackDelivery.updateMany({
      where: { id: input.deliveryId, status: "failed" },
      data: { status: "pending", attempts: 0, nextAttemptAt: at },
    });
    if (count === 0) throw new AppError("CONFLICT", "Only a failed message can be sent again.");
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "slack.retry",
      subjectType: "SlackDelivery",
      subjectId: input.deliveryId,
      tagId: d.tagId,
      before: { status: "failed" },
      after: { status: "pending" },
    });
  });
  return { id: input.deliveryId };
}
