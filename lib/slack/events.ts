import { LABELS, labelled } from "@/lib/vocabulary";

/** Pure: the kinds of TAG event a Slack channel may receive, with their human labels (UI, docs). */
export const { keys: SLACK_EVENT_KINDS, label: SLACK_EVENT_LABEL } = labelled(LABELS.slackEvent);
export type SlackEventKind = (typeof SLACK_EVENT_KINDS)[number];

/** What a domain tells `notifyTagChannel`: ids only; the message is built from the rows in the same transaction. */
export type TagEvent =
  | { kind: "help-wanted.new"; itemId: string }
  | { kind: "volunteer.accepted"; claimId: string }
  | { kind: "item.done"; claimId: string }
  | { kind: "election.phase"; electionId: string; phase: string }
  | { kind: "election.result"; electionId: string }
  | { kind: "decision"; decisionId: string };

/** The channel setting that lets an event through. */
export function eventKindOf(e: TagEvent): SlackEventKind {
  switch (e.kind) {
    case "election.phase":
    case "election.result":
      return "elections";
    case "decision":
      return "decisions";
    default:
      return e.kind;
  }
}

/** Retries after a failed post, in minutes (at least once: a retry after a timeout may repeat a message). */
export const RETRY_BACKOFF_MINUTES = [1, 5, 30, 120] as const;
export const MAX_ATTEMPTS = RETRY_BACKOFF_MINUTES.length + 1;
