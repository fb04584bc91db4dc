"use client";

import { ActionButtons } from "@/components/ui/action-buttons";
import { decideLeadershipChangeAction } from "../actions";

export function DecideButtons({ assignmentId, label }: { assignmentId: string; label: string }) {
  const decide = (decision: "approve" | "reject") => () => decideLeadershipChangeAction({ assignmentId, decision });
  return (
    <ActionButtons
      once
      buttons={[
        { label: "Approve", ariaLabel: `Approve ${label}`, run: decide("approve"), done: () => `Approved: ${label}.` },
        {
          label: "Reject",
          ariaLabel: `Reject ${label}`,
          variant: "danger",
          run: decide("reject"),
          done: () => `Rejected: ${label}.`,
        },
      ]}
    />
  );
}
