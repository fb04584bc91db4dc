"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton, fieldError, formAction, type ServerAction } from "@/components/ui/form";

/** A TOC member records a decision taken elsewhere (a GitVote vote on cncf/toc) with its link. */
export function RecordElsewhereForm({ decisionId, action }: { decisionId: string; action: ServerAction }) {
  const [state, run, pending] = useActionState(formAction(action), null);
  const outcomeError = fieldError(state, "outcome");
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 underline">Record a decision taken elsewhere…</summary>
      <form action={run} aria-label="Record a decision taken elsewhere" className="mt-2 space-y-3">
        <input type="hidden" name="decisionId" value={decisionId} />
        <div>
          <label htmlFor="record-outcome" className="block text-sm font-medium text-slate-800">
            Outcome
          </label>
          <select
            id="record-outcome"
            name="outcome"
            defaultValue={state?.values?.outcome ?? "approved"}
            aria-invalid={outcomeError ? true : undefined}
            className="mt-1 rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="approved">Approved</option>
            <option value="rejected">Not approved</option>
          </select>
        </div>
        <Field
          idPrefix="record"
          name="link"
          type="url"
          label="Link to the vote"
          hint="For example the GitVote issue or pull request on cncf/toc."
          state={state}
          required
          compact
        />
        <Field idPrefix="record" name="note" label="Note (optional)" state={state} compact />
        <FormStatus state={state} />
        <SubmitButton pending={pending}>Record the outcome</SubmitButton>
      </form>
    </details>
  );
}
