"use client";

import { ActionForm } from "@/components/ui/action-form";
import { INITIATIVE_STATES, STATE_LABEL } from "@/lib/initiatives/schemas";
import { checkInInitiativeAction, joinInitiativeAction, setInitiativeStateAction } from "../actions";

export function JoinButton({ initiativeId }: { initiativeId: string }) {
  return <ActionForm action={joinInitiativeAction} hidden={{ initiativeId }} submit="Join this initiative" />;
}

export function CheckInForm({ initiativeId }: { initiativeId: string }) {
  return (
    <ActionForm
      action={checkInInitiativeAction}
      label="Monthly check-in"
      hidden={{ initiativeId }}
      fields={[{ name: "body", label: "How is it going?", type: "textarea", required: true }]}
      submit="Post check-in"
    />
  );
}

export function StateForm({ initiativeId, current }: { initiativeId: string; current: string }) {
  return (
    <ActionForm
      action={setInitiativeStateAction}
      inline
      hidden={{ initiativeId }}
      fields={[
        {
          name: "state",
          label: "State",
          defaultValue: current,
          options: INITIATIVE_STATES.map((s) => [s, STATE_LABEL[s]]),
        },
      ]}
      submit="Save state"
    />
  );
}
