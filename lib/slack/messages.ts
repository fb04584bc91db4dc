/** Pure: Block Kit messages for a TAG's Slack channel, with absolute links back to the portal. */

type Json = string | number | boolean | { [key: string]: Json } | Json[];

/** Stored as JSON in the delivery row, posted as it is. */
export interface SlackMessage {
  [key: string]: Json;
  text: string;
  blocks: { [key: string]: Json }[];
}

/** Slack's mrkdwn reads `&`, `<` and `>` as markup: a title containing them is escaped. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * One message: a headline (`text`, also the notification's fallback), a section whose title links
 * to the portal page, an optional line of context, and a button to open the page.
 */
export function slackMessage(m: {
  headline: string;
  title: string;
  url: string;
  detail?: string;
  tagName: string;
  button: string;
}): SlackMessage {
  const context = [m.tagName, m.detail].filter(Boolean).join(" · ");
  return {
    text: `${m.headline}: ${m.title}`,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${escapeMrkdwn(m.headline)}*\n<${m.url}|${escapeMrkdwn(m.title)}>` },
      },
      { type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(context) }] },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: m.button }, url: m.url }],
      },
    ],
  };
}

export const ELECTION_PHASE_HEADLINE: Record<string, string> = {
  nominations: "Nominations are open",
  voting: "Voting is open",
  closed: "Voting has closed",
  tallied: "Election counted, awaiting TOC approval",
  approved: "Election result approved by the TOC",
  published: "Election results published",
  cancelled: "Election cancelled",
};
