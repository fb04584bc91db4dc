"use client";

import { Field, FormStatus, SubmitButton, useFormAction } from "@/components/ui/form";
import { formatDateTime } from "@/lib/vocabulary";
import { appointToRoleAction } from "../actions";

/**
 * Appoints someone into one of the TAG's defined roles; the server enforces the rules. Named by
 * the heading `labelledBy` (the disclosure's summary on the TAG page).
 */
export function AppointToRoleForm({
  roles,
  labelledBy,
}: {
  roles: { id: string; label: string }[];
  labelledBy: string;
}) {
  const [state, action, pending] = useFormAction(appointToRoleAction);
  const result = state?.ok ? (state.data as { status: string; objectionsUntil: Date | null }) : null;
  return (
    <form action={action} className="space-y-3" aria-labelledby={labelledBy}>
      <Field
        compact
        idPrefix="appoint-role"
        name="roleDefinitionId"
        label="Role"
        state={state}
        options={roles.map((r) => [r.id, r.label] as const)}
      />
      <Field
        compact
        idPrefix="appoint-role"
        name="login"
        label="Appointee (their GitHub handle)"
        state={state}
        required
      />
      <Field
        compact
        idPrefix="appoint-role"
        name="decisionLink"
        label="Where it was decided (URL)"
        type="url"
        state={state}
        hint="Meeting notes or the issue where the TAG decided."
      />
      <FormStatus
        state={state}
        success={
          result?.objectionsUntil
            ? `Recorded by consensus: anyone active in the TAG may object until ${formatDateTime(result.objectionsUntil)}; without an objection it then goes on to the step its role needs.`
            : result?.status === "pending"
              ? "Recorded. It is pending until the TOC approves it by vote."
              : "Added to the roster."
        }
      />
      <SubmitButton pending={pending}>Add to roster</SubmitButton>
    </form>
  );
}
