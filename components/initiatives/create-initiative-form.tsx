"use client";

import { ActionForm } from "@/components/ui/action-form";
import type { ServerAction } from "@/components/ui/form";

/**
 * On a TAG's page, inside its "Manage" disclosure whose heading names it: `create` is the
 * initiative route's `createInitiativeAction`.
 */
export function CreateInitiativeForm({ tagId, create }: { tagId: string; create: ServerAction }) {
  return (
    <ActionForm
      action={create}
      label="Start an initiative"
      hidden={{ tagId }}
      fields={[
        { name: "name", label: "Initiative name", required: true },
        { name: "description", label: "What it is about", type: "textarea" },
        { name: "exitCriteria", label: "Exit criteria", type: "textarea", required: true },
        { name: "sponsorLogin", label: "Sponsoring tech lead (GitHub handle)" },
      ]}
      submit="Start initiative"
    />
  );
}
