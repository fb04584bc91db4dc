"use client";

import { ActionForm } from "@/components/ui/action-form";
import { openRemovalAction } from "../actions";

export function OpenRemovalForm({ seats }: { seats: readonly { id: string; label: string }[] }) {
  return (
    <ActionForm
      action={openRemovalAction}
      title="Open a removal vote"
      fields={[
        { name: "assignmentId", label: "Seat", options: seats.map((s) => [s.id, s.label] as const) },
        { name: "reason", label: "Reason", required: true },
      ]}
      submit="Open removal vote"
    />
  );
}
