"use client";

import type { ComponentProps, ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";
import { Section } from "@/components/ui/section";

export interface IntegrationFailure {
  id: string;
  /** What did not go out: a link to its item, or the message's text. */
  what: ReactNode;
  lastError: string | null;
  attempts: number;
  /** Said after the attempts (when it was queued, what sends it again). */
  after?: ReactNode;
  /** A control for this one failure (a retry). */
  action?: ReactNode;
}

/**
 * The lead console's section for a service the TAG connects to (Slack, a GitHub project board):
 * what it is connected to, the form that connects it, the control that disconnects it, and what
 * the service did not take, each with GitHub's or Slack's reason. `off` (with the description
 * saying why) shows the description only.
 */
export function IntegrationSection({
  id,
  tagId,
  title,
  description,
  pending,
  off = false,
  connected,
  connect,
  disconnect,
  failedHeading,
  failed,
}: {
  id: string;
  tagId: string;
  title: string;
  description: ReactNode;
  /** Sends still waiting: how many, and what they are called ("update", "message"). */
  pending: { count: number; noun: string };
  off?: boolean;
  /** The "connected to" line. */
  connected: ReactNode;
  /** The form that connects the service (or changes its settings), sent with the TAG's id. */
  connect: Omit<ComponentProps<typeof ActionForm>, "hidden">;
  /** The TAG's disconnect control, when something is connected. */
  disconnect: { action: ServerAction; confirm: string; submit: string } | null;
  failedHeading: string;
  failed: IntegrationFailure[];
}) {
  const waiting =
    pending.count > 0 && ` ${pending.count} ${pending.noun}${pending.count === 1 ? "" : "s"} waiting to be sent.`;
  return (
    <Section
      id={id}
      title={title}
      description={
        <>
          {description}
          {!off && waiting}
        </>
      }
    >
      {!off && (
        <div className="mt-3 space-y-4">
          <p className="text-sm text-slate-700">{connected}</p>
          <ActionForm {...connect} hidden={{ tagId }} />
          {disconnect && <ActionForm {...disconnect} hidden={{ tagId }} danger />}
          {failed.length > 0 && (
            <div className="space-y-2">
              <h3 className="font-semibold text-red-900">
                {failedHeading} ({failed.length})
              </h3>
              <ul className="space-y-3">
                {failed.map((f) => (
                  <li key={f.id} className="rounded-md bg-red-50 p-3 text-sm ring-1 ring-red-200">
                    {f.what}
                    <p className="text-red-900">
                      {f.lastError ?? "Failed."} Tried {f.attempts} time{f.attempts === 1 ? "" : "s"}
                      {f.after}
                    </p>
                    {f.action}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </Section>
  );
}
