import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { ITEM_KIND_LABEL } from "@/lib/vocabulary";
import { eventKindOf, type TagEvent } from "./events";
import { ELECTION_PHASE_HEADLINE, slackMessage, type SlackMessage } from "./messages";

/**
 * The one call a domain makes when something a TAG's Slack channel may want happens
 * (docs/decisions/015): inside the domain's transaction, it queues a message for every TAG of
 * the event whose channel chose that kind of event. Rolled back with the change; posted later by
 * the delivery sweep (lib/slack/deliveries.ts). Paths are written here, not imported, so that
 * lib/slack depends on no domain (the domains depend on it).
 */
export async function notifyTagChannel(
  tx: Tx,
  tagIds: string | readonly string[],
  event: TagEvent,
  at: Date,
): Promise<number> {
  const channels = await tx.tagSlack.findMany({
    where: { tagId: { in: typeof tagIds === "string" ? [tagIds] : [...tagIds] }, events: { has: eventKindOf(event) } },
    select: { tagId: true, tag: { select: { name: true } } },
  });
  if (channels.length === 0) return 0;
  const build = await messageBuilder(tx, event);
  if (!build) return 0;
  await tx.slackDelivery.createMany({
    data: channels.map((c) => ({
      tagId: c.tagId,
      event: event.kind,
      message: build(c.tag.name),
      createdAt: at,
      nextAttemptAt: at,
    })),
  });
  return channels.length;
}

/** What an election's message says: its title, whether it is a test, and why it was cancelled. */
const ELECTION_FACTS = { title: true, isTest: true, cancelReason: true } as const;

const portalUrl = (path: string) => `${env().NEXTAUTH_URL.replace(/\/+$/, "")}${path}`;

/** Reads what the message says (as of this transaction) and returns it per TAG name. */
async function messageBuilder(tx: Tx, event: TagEvent): Promise<((tagName: string) => SlackMessage) | null> {
  switch (event.kind) {
    case "help-wanted.new": {
      const item = await tx.helpWantedItem.findUnique({
        where: { id: event.itemId },
        select: { title: true, kind: true, places: true },
      });
      if (!item) return null;
      return (tagName) =>
        slackMessage({
          headline: "New help wanted",
          title: item.title,
          url: portalUrl(`/help-wanted/${event.itemId}`),
          detail: `${ITEM_KIND_LABEL[item.kind]} · ${item.places} ${item.places === 1 ? "place" : "places"}`,
          tagName,
          button: "Volunteer",
        });
    }
    case "volunteer.accepted":
    case "item.done": {
      const claim = await tx.claim.findUnique({
        where: { id: event.claimId },
        select: { itemId: true, item: { select: { title: true } }, user: { select: { login: true } } },
      });
      if (!claim) return null;
      const accepted = event.kind === "volunteer.accepted";
      return (tagName) =>
        slackMessage({
          headline: accepted ? "Volunteer accepted" : "Item done",
          title: claim.item.title,
          url: portalUrl(`/help-wanted/${claim.itemId}`),
          detail: accepted ? `@${claim.user.login} is on it` : `Work by @${claim.user.login}, confirmed`,
          tagName,
          button: "Open the item",
        });
    }
    case "election.phase":
    case "election.result": {
      const e = await tx.election.findUnique({ where: { id: event.electionId }, select: ELECTION_FACTS });
      if (!e) return null;
      const result = event.kind === "election.result";
      const phase = result ? "published" : event.phase;
      // A test election is counted but never goes to the TOC.
      const headline = phase === "tallied" && e.isTest ? "Test election counted" : ELECTION_PHASE_HEADLINE[phase];
      if (!headline) return null;
      return (tagName) =>
        slackMessage({
          headline,
          title: e.title,
          url: portalUrl(`/elections/${event.electionId}${result ? "/results" : ""}`),
          detail: phase === "cancelled" && e.cancelReason ? `Why: ${e.cancelReason}` : undefined,
          tagName,
          button: result ? "See the results" : "Open the election",
        });
    }
    case "decision": {
      const d = await tx.decision.findUnique({
        where: { id: event.decisionId },
        select: { title: true, status: true, outcome: true, externalLink: true },
      });
      // Only a vote's outcome is news for the channel (not a withdrawn or settled one).
      if (!d || (d.status !== "approved" && d.status !== "rejected")) return null;
      return (tagName) =>
        slackMessage({
          headline: `TOC decision ${d.status}`,
          title: d.title,
          url: d.externalLink ?? portalUrl(`/toc/decisions/${event.decisionId}`),
          detail: d.outcome ?? undefined,
          tagName,
          button: "Open the decision",
        });
    }
  }
}
