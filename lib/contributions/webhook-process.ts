import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { isUniqueViolation } from "@/lib/errors";
import { ingestGithubWork, tagForRepo } from "./github-ingest";
import { interpretEvent } from "./webhook";

export interface WebhookOutcome {
  status: 200 | 202;
  outcome: string;
  imported?: number;
}

/**
 * Applies one verified, parsed delivery. An already processed `X-GitHub-Delivery` changes
 * nothing; unknown events and repositories outside every TAG store nothing.
 */
export async function processWebhookDelivery(deliveryId: string, event: string, payload: unknown): Promise<WebhookOutcome> {
  if (event === "ping") return { status: 200, outcome: "pong" };
  if (await db.webhookDelivery.findUnique({ where: { deliveryId }, select: { deliveryId: true } })) return { status: 200, outcome: "already processed" };
  const meaning = interpretEvent(event, payload);
  if (meaning.kind === "ignored") return { status: 202, outcome: meaning.reason };
  const tagId = await tagForRepo(meaning.repo);
  if (!tagId) return { status: 202, outcome: "unknown repository" };
  const at = await now();
  try {
    const imported = await db.$transaction(async (tx) => {
      await tx.webhookDelivery.create({ data: { deliveryId, event, receivedAt: at, outcome: "pending" } });
      const n = await ingestGithubWork([meaning.work], tagId, tx);
      await tx.webhookDelivery.update({ where: { deliveryId }, data: { outcome: n > 0 ? "imported" : "nothing new" } });
      return n;
    });
    return { status: 200, outcome: imported > 0 ? "imported" : "nothing new", imported };
  } catch (e) {
    if (isUniqueViolation(e)) return { status: 200, outcome: "already processed" };
    throw e;
  }
}
