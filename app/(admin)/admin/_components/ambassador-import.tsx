"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton, formAction } from "@/components/ui/form";
import { importAmbassadorsAction } from "../actions";

export function AmbassadorImport() {
  const [state, action, pending] = useActionState(formAction(importAmbassadorsAction), null);
  return (
    <form action={action} className="space-y-3">
      <Field
        name="logins"
        label="GitHub logins"
        state={state}
        textarea
        hint="One per line or separated by commas. Each is resolved to GitHub's numeric id."
      />
      <FormStatus state={state} />
      {state?.ok && (
        <div className="text-sm">
          <p>
            Verified {state.data.verified.length}: {state.data.verified.map((l) => `@${l}`).join(", ") || "none"}.
          </p>
          {state.data.unresolved.length > 0 && (
            <p className="text-red-800">
              GitHub does not know: {state.data.unresolved.join(", ")}. Nothing was done for them.
            </p>
          )}
        </div>
      )}
      <SubmitButton pending={pending}>Verify as CNCF Ambassadors</SubmitButton>
    </form>
  );
}
