/**
 * Signed webhook delivery from the stand-in to the portal, as GitHub delivers them: a JSON body,
 * `X-GitHub-Event`, a fresh `X-GitHub-Delivery` id and `X-Hub-Signature-256` (HMAC-SHA256 of the
 * raw body with the shared secret). The target is set at start-up (`webhookUrl`, `webhookSecret`)
 * or by a test through POST /_stand-in/webhook-target {url, secret}. Every delivery is kept, with
 * the portal's status, for GET /_stand-in/deliveries.
 */
import { createHmac, randomUUID } from "node:crypto";

export interface DeliveryRecord {
  id: string;
  event: string;
  status: number | null;
  error: string | null;
  at: string;
}

export function createWebhookDeliverer(initial: { url?: string; secret?: string }) {
  let target = { url: initial.url ?? null, secret: initial.secret ?? null } as {
    url: string | null;
    secret: string | null;
  };
  const log: DeliveryRecord[] = [];
  return {
    setTarget(url: string | null, secret: string | null) {
      target = { url, secret };
    },
    get configured() {
      return Boolean(target.url && target.secret);
    },
    deliveries: () => [...log],
    /** Sends one event; never throws (GitHub records a failed delivery and moves on). */
    async deliver(event: string, payload: unknown, secretOverride?: string): Promise<DeliveryRecord> {
      const rec: DeliveryRecord = { id: randomUUID(), event, status: null, error: null, at: new Date().toISOString() };
      log.push(rec);
      if (log.length > 500) log.shift();
      const secret = secretOverride ?? target.secret;
      if (!target.url || !secret) {
        rec.error = "no webhook target configured";
        return rec;
      }
      const body = JSON.stringify(payload);
      try {
        const res = await fetch(target.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-github-event": event,
            "x-github-delivery": rec.id,
            "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        rec.status = res.status;
        await res.arrayBuffer().catch(() => undefined);
      } catch (e) {
        rec.error = e instanceof Error ? e.message : String(e);
      }
      return rec;
    },
  };
}

export type WebhookDeliverer = ReturnType<typeof createWebhookDeliverer>;
