"use client";

import { ActionButtons } from "@/components/ui/action-buttons";
import { ActionForm } from "@/components/ui/action-form";
import { castRemovalVoteAction, closeRemovalAction, openRemovalAction } from "../actions";

export function OpenRemovalForm({ seats }: { seats: { id: string; label: string }[] }) {
  return (
    <ActionForm
      action={openRemovalAction}
      title="Propose removing an inactive leader"
      fields={[
        { name: "assignmentId", label: "Seat", options: seats.map((s) => [s.id, s.label] as const) },
        { name: "reason", label: "Reason", required: true },
      ]}
      submit="Open removal vote"
    />
  );
}

export function RemovalVoteButtons({
  proposalId,
  label,
  voted,
}: {
  proposalId: string;
  label: string;
  voted: boolean;
}) {
  const vote = (inFavor: boolean) => () => castRemovalVoteAction({ proposalId, inFavor });
  return (
    <ActionButtons
      initialMessage={voted ? "You voted." : ""}
      buttons={[
        {
          label: "Remove",
          ariaLabel: `Vote to remove ${label}`,
          variant: "danger",
          run: vote(true),
          done: () => "Vote recorded: remove.",
        },
        {
          label: "Keep",
          ariaLabel: `Vote to keep ${label}`,
          variant: "neutral",
          run: vote(false),
          done: () => "Vote recorded: keep.",
        },
        {
          label: "Close vote",
          ariaLabel: `Close the vote on ${label}`,
          variant: "dark",
          run: () => closeRemovalAction({ proposalId }),
          done: (d) => `Closed: ${(d as { explanation: string }).explanation}`,
        },
      ]}
    />
  );
}
