import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { isUniqueViolation } from "@/lib/errors";
import { helpWantedLabelsFor, notifyDraftsOffered, offerDrafts, refreshLinkedItems, snapshotOf } from "./drafts";
import { ingestGithubWork, tagForRepo } from "./ingest";
import type { ItemChangeSink } from "@/lib/help-wanted/items";
import { applyIssueState, githubIssueSync, isOwnWrite } from "./issue-sync";
import { applyProjectItemEvent } from "./projects";
import { interpretEvent, issueOfEvent, ownWriteSignal } from "./webhook";

export interface WebhookOutcome {
  status: 200 | 202;
  outcome: string;
  imported?: number;
  /** Items whose linked issue's state, title or assignees were refreshed. */
  linkedUpdated?: number;
  /** Items whose claims or state followed the issue being closed or reopened. */
  itemsChanged?: number;
  drafts?: number;
}

/** Which delivery this is: GitHub's `X-GitHub-Delivery` id and the SHA-256 of the signed raw body. */
export interface DeliveryKey {
  deliveryId: string;
  bodySha256: string;
}

/**
 * Applies one verified, parsed delivery. A delivery already processed changes nothing: the same
 * `X-GitHub-Delivery`, or the same signed body under another id (the id header is not signed, so
 * a captured delivery replayed with a fresh id is still recognised). Unknown events and
 * repositories outside every TAG store nothing. Every `issues` delivery also refreshes the items
 * linked to that issue (closed, reopened, assigned...) and offers an open issue with one of the
 * repository's help-wanted labels as a draft; closing or reopening it moves the items' work
 * (lib/github/issue-sync.ts, whose label writes go to `sink`). The portal's own writes coming back
 * are recorded as such and change nothing.
 */
export async function processWebhookDelivery(
  { deliveryId, bodySha256 }: DeliveryKey,
  event: string,
  payload: unknown,
  sink: ItemChangeSink = githubIssueSync(),
): Promise<WebhookOutcome> {
  if (event === "ping") return { status: 200, outcome: "pong" };
  if (
    await db.webhookDelivery.findFirst({
      where: { OR: [{ deliveryId }, { bodySha256 }] },
      select: { deliveryId: true },
    })
  )
    return { status: 200, outcome: "already processed" };
  if (await isOwnWrite(ownWriteSignal(event, payload))) {
    await db.webhookDelivery
      .create({ data: { deliveryId, bodySha256, event, receivedAt: await now(), outcome: "own write" } })
      .catch((e) => {
        if (!isUniqueViolation(e)) throw e;
      });
    return { status: 200, outcome: "own write" };
  }
  if (event === "projects_v2_item") return applyProjectItemEvent({ deliveryId, bodySha256 }, payload, sink);
  const meaning = interpretEvent(event, payload);
  const issue = issueOfEvent(event, payload);
  if (meaning.kind === "ignored" && !issue) return { status: 202, outcome: meaning.reason };
  const repo = meaning.kind === "work" ? meaning.repo : issue!.repo;
  const tagId = await tagForRepo(repo);
  if (!tagId) return { status: 202, outcome: "unknown repository" };
  const at = await now();
  let imported: number;
  try {
    imported = await db.$transaction(async (tx) => {
      await tx.webhookDelivery.create({ data: { deliveryId, bodySha256, event, receivedAt: at, outcome: "pending" } });
      const n = meaning.kind === "work" ? await ingestGithubWork([meaning.work], tagId, tx) : 0;
      await tx.webhookDelivery.update({
        where: { deliveryId },
        data: { outcome: n > 0 ? "imported" : issue ? "issue refreshed" : "nothing new" },
      });
      return n;
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { status: 200, outcome: "already processed" };
    throw e;
  }
  if (!issue) return { status: 200, outcome: imported > 0 ? "imported" : "nothing new", imported };
  // After the delivery is claimed: a failure here is mended by the next sync, never doubled by a redelivery.
  const snapshot = snapshotOf(issue.repo, issue.issue);
  const linkedUpdated = await refreshLinkedItems([snapshot], at);
  const tag = await db.tag.findUniqueOrThrow({ where: { id: tagId }, select: { id: true, slug: true } });
  const labels = (await helpWantedLabelsFor([issue.repo])).get(issue.repo.toLowerCase())!;
  const drafts = await offerDrafts(tag, [snapshot], labels, at);
  await notifyDraftsOffered(tag, drafts, at);
  const itemsChanged =
    issue.action === "closed" || issue.action === "reopened"
      ? await applyIssueState(snapshot, issue.action, at, sink)
      : 0;
  const outcome = imported > 0 ? "imported" : linkedUpdated + drafts + itemsChanged > 0 ? "updated" : "nothing new";
  return { status: 200, outcome, imported, linkedUpdated, drafts, itemsChanged };
}
