"use client";

import { IntegrationSection } from "@/components/integrations/integration-section";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxGroup, type ServerAction } from "@/components/ui/form";
import { DateTime } from "@/components/ui/time";
import { SLACK_EVENT_KINDS, SLACK_EVENT_LABEL } from "@/lib/slack/events";

interface Props {
  tagId: string;
  enabled: boolean;
  baseUrl: string;
  /** In the demo: the Slack stand-in's page of received posts. */
  demoOutbox: string | null;
  channel: { webhookHint: string; events: string[] } | null;
  failed: { id: string; text: string; lastError: string | null; attempts: number; createdAt: string }[];
  pending: number;
  save: ServerAction;
  remove: ServerAction;
  retry: ServerAction;
}

const EVENT_OPTIONS = SLACK_EVENT_KINDS.map((k) => [k, SLACK_EVENT_LABEL[k]] as const);

/**
 * The lead console's Slack section: the channel's webhook (never shown back in full), the events
 * it receives, and the messages that could not be delivered, each with its reason and a retry.
 */
export function SlackSection({
  tagId,
  enabled,
  baseUrl,
  demoOutbox,
  channel,
  failed,
  pending,
  save,
  remove,
  retry,
}: Props) {
  return (
    <IntegrationSection
      id="slack"
      title="Slack"
      off={!enabled}
      description={
        enabled ? (
          <>
            Post this TAG&apos;s news to a Slack channel through an incoming webhook. The URL is stored encrypted and
            never shown again; it must start with <code className="break-all">{baseUrl}</code>.
            {demoOutbox && (
              <>
                {" "}
                In this demo any URL under that address works, and{" "}
                <a href={demoOutbox} className="text-brand-700 underline">
                  the Slack stand-in
                </a>{" "}
                shows what was posted.
              </>
            )}
          </>
        ) : (
          "Slack is off on this server: its operators have not set PORTAL_ENCRYPTION_KEY, which keeps webhook URLs encrypted."
        )
      }
      pending={{ count: pending, noun: "message" }}
      connected={
        channel ? (
          <>
            Posting to <code className="break-all">{channel.webhookHint}</code>.
          </>
        ) : (
          "No channel yet."
        )
      }
      tagId={tagId}
      disconnect={channel && { action: remove, confirm: "Turn Slack off for this TAG…", submit: "Remove the webhook" }}
      failedHeading="Messages that could not be sent"
      failed={failed.map((f) => ({
        ...f,
        what: <p className="font-medium text-slate-900">{f.text}</p>,
        after: (
          <>
            , first queued <DateTime iso={f.createdAt} />.
          </>
        ),
        action: (
          <ActionForm
            action={retry}
            hidden={{ deliveryId: f.id }}
            submit="Retry"
            label={`Retry: ${f.text}`}
            compact
            success="Queued again."
          />
        ),
      }))}
      connect={{
        action: save,
        label: "Slack channel",
        fields: [
          {
            name: "webhookUrl",
            label: channel ? "New webhook URL (leave blank to keep the current one)" : "Webhook URL",
            type: "url",
            required: !channel,
          },
        ],
        submit: "Save Slack settings",
        success: "Slack settings saved.",
        children: (state, idPrefix) => (
          <CheckboxGroup
            name="events"
            legend="Post about"
            options={EVENT_OPTIONS}
            checked={channel?.events ?? SLACK_EVENT_KINDS}
            state={state}
            idPrefix={idPrefix}
          />
        ),
      }}
    />
  );
}
