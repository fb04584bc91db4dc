import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { verify as verifyAppSignature } from "@octokit/webhooks-methods";
import { admitAppDelivery } from "@/lib/github/app/installations";
import { recordRosterPullOutcome } from "@/lib/github/roster-pulls";
import { expireBoardCache } from "@/lib/help-wanted/board-cache";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/responses";
import { readCappedBody, verifySignature } from "@/lib/github/webhook";
import { processWebhookDelivery } from "@/lib/github/webhook-deliveries";

export const dynamic = "force-dynamic";

/**
 * GitHub webhooks (issues, pull_request, pull_request_review, issue_comment). Authenticated by the
 * `X-Hub-Signature-256` HMAC of the raw body: with GITHUB_APP_WEBHOOK_SECRET for the GitHub App's
 * central deliveries, or GITHUB_WEBHOOK_SECRET for a repository's own webhook (token mode). An App
 * delivery from an installation or repository the portal does not know answers 202 and changes
 * nothing. Bodies over 1 MB are refused before they are buffered.
 */
export async function POST(req: Request) {
  const { GITHUB_WEBHOOK_SECRET: secret, GITHUB_APP_WEBHOOK_SECRET: appSecret } = env();
  if (!secret && !appSecret) return errorResponse("UNAVAILABLE", "Webhooks are not configured.");
  const body = await readCappedBody(req);
  if (body === null)
    return NextResponse.json({ error: { code: "INVALID", message: "The body is larger than 1 MB." } }, { status: 413 });
  const signature = req.headers.get("x-hub-signature-256");
  const fromApp = Boolean(
    appSecret &&
    signature &&
    (await verifyAppSignature(appSecret, body.toString("utf8"), signature).catch(() => false)),
  );
  if (!fromApp && !(secret && verifySignature(secret, body, signature)))
    return errorResponse("UNAUTHENTICATED", "Bad or missing signature.");
  const event = req.headers.get("x-github-event") ?? "";
  const deliveryId = req.headers.get("x-github-delivery") ?? "";
  if (!/^[\w-]{1,100}$/.test(event) || !/^[\w-]{1,100}$/.test(deliveryId))
    return errorResponse("INVALID", "Missing X-GitHub-Event or X-GitHub-Delivery.");
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    return errorResponse("INVALID", "The body is not JSON.");
  }
  if (fromApp) {
    const admitted = await admitAppDelivery(event, payload);
    if (admitted) return NextResponse.json({ outcome: admitted.outcome }, { status: admitted.status });
  }
  const roster = await recordRosterPullOutcome(event, payload);
  if (roster) return NextResponse.json({ outcome: roster.outcome }, { status: 200 });
  const bodySha256 = createHash("sha256").update(body).digest("hex");
  const r = await processWebhookDelivery({ deliveryId, bodySha256 }, event, payload);
  // Board cards show a linked issue's state: drop cached board pages at once.
  if (r.linkedUpdated) await expireBoardCache();
  return NextResponse.json(
    { outcome: r.outcome, imported: r.imported ?? 0, linkedUpdated: r.linkedUpdated ?? 0, drafts: r.drafts ?? 0 },
    { status: r.status },
  );
}
