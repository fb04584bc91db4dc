import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { isUniqueViolation } from "@/lib/errors";
import { helpWantedLabelsFor, notifyDraftsOffered, offerDrafts, refreshLinkedItems, snapshotOf } from "./drafts";
import { ingestGithubWork, tagForRepo } from "./ingest";
import { interpretEvent, issueOfEvent } from "./webhook";

export interface WebhookOutcome {
  status: 200 | 202;
  outcome: string;
  imported?: number;
  /** Items whose linked issue's state, title or assignees were refreshed. */
  linkedUpdated?: number;
  drafts?: number;
}

/**
 * Applies one verified, parsed delivery. An already processed `X-GitHub-Delivery` changes
 * nothing; unknown events and repositories outside every TAG store nothing. Every `issues`
 * delivery also refreshes the items linked to that issue (closed, reopened, assigned...) and
 * offers an open issue with one of the repository's help-wanted labels as a draft.
 */
export async function processWebhookDelivery(
  deliveryId: string,
  event: string,
  payload: unknown,
): Promise<WebhookOutcome> {
  if (event === "ping") return { status: 200, outcome: "pong" };
  if (await db.webhookDelivery.findUnique({ where: { deliveryId }, select: { deliveryId: true } }))
    return { status: 200, outcome: "already processed" };
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
      await tx.webhookDelivery.create({ data: { deliveryId, event, receivedAt: at, outcome: "pending" } });
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
  const outcome = imported > 0 ? "imported" : linkedUpdated + drafts > 0 ? "updated" : "nothing new";
  return { status: 200, outcome, imported, linkedUpdated, drafts };
}
