"use client";

import { ActionForm } from "@/components/ui/action-form";
import { importAmbassadorsAction } from "../actions";

const HINT = "One per line or separated by commas. Each is resolved to GitHub's numeric id.";

export function AmbassadorImport() {
  return (
    <ActionForm
      action={importAmbassadorsAction}
      fields={[{ name: "logins", label: "GitHub logins", type: "textarea", hint: HINT }]}
      submit="Verify as CNCF Ambassadors"
    >
      {(state) => {
        if (!state?.ok) return null;
        const { verified, unresolved } = state.data as { verified: string[]; unresolved: string[] };
        return (
          <div className="text-sm">
            <p>
              Verified {verified.length}: {verified.map((l) => `@${l}`).join(", ") || "none"}.
            </p>
            {unresolved.length > 0 && (
              <p className="text-red-800">GitHub does not know: {unresolved.join(", ")}. Nothing was done for them.</p>
            )}
          </div>
        );
      }}
    </ActionForm>
  );
}
