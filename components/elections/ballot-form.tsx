"use client";

import { DataTable } from "@/components/ui/data-table";
import { useActionState, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { FormStatus, SubmitButton, formAction, fieldError, type FormState } from "@/components/ui/form";
import type { ActionResult } from "@/lib/action";

export interface BallotCandidate {
  nominationId: string;
  name: string;
  login: string;
  region: string | null;
  employer: string | null;
}

interface Props {
  electionId: string;
  method: "schulze" | "stv";
  candidates: BallotCandidate[];
  mode: "cast" | "replace";
  action: (input: unknown) => Promise<ActionResult<{ receipt?: string; replaced?: true }>>;
}

/**
 * The ranked ballot: one rank select per candidate (keyboard and screen-reader friendly, no
 * dragging). Rank 1 is the first choice; equal ranks are a tie (Schulze only); "No opinion"
 * leaves a candidate unranked (compared with nobody, as the tally counts it). The server builds the preference levels from the `rank-<id>`
 * fields, so the form also works without JavaScript.
 */
export function BallotForm({ electionId, method, candidates, mode, action }: Props) {
  const [state, submit, pending] = useActionState(
    formAction(action),
    null as FormState<{ receipt?: string; replaced?: true }>,
  );
  const prefix = mode === "cast" ? "cast" : "replace";
  const receipt = state?.ok ? state.data.receipt : undefined;
  if (receipt) return <Receipt receipt={receipt} />;
  const receiptError = fieldError(state, "receipt");
  return (
    <form
      action={submit}
      aria-labelledby={`${prefix}-title`}
      className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-slate-200"
    >
      <h2 id={`${prefix}-title`} className="text-xl font-semibold text-slate-900">
        {mode === "cast" ? "Your ballot" : "Replace your ballot"}
      </h2>
      <input type="hidden" name="electionId" value={electionId} />
      {mode === "replace" && (
        <div>
          <label htmlFor="replace-receipt" className="block text-sm font-medium text-slate-800">
            Your receipt (32 characters)
          </label>
          <input
            id="replace-receipt"
            name="receipt"
            required
            autoComplete="off"
            spellCheck={false}
            defaultValue={state?.values?.receipt}
            aria-invalid={receiptError ? true : undefined}
            aria-describedby={receiptError ? "replace-receipt-error" : undefined}
            className="mt-1 w-full max-w-md rounded-md border border-slate-300 px-3 py-2 font-mono"
          />
          {receiptError && (
            <p id="replace-receipt-error" className="mt-1 text-sm text-red-700">
              {receiptError}
            </p>
          )}
        </div>
      )}
      <fieldset aria-describedby={`${prefix}-help`}>
        <legend className="font-medium text-slate-900">Rank the candidates</legend>
        <p id={`${prefix}-help`} className="mt-1 text-sm text-slate-600">
          Give 1 to your first choice, 2 to your next, and so on; rank as many as you like.{" "}
          {method === "schulze"
            ? "You may give two candidates the same rank if you like them equally."
            : "Use each rank once (this election is counted by STV, which has no ties)."}{" "}
          Candidates left at “No opinion” are unranked: your ballot does not compare them with anyone, so rank everyone
          you prefer to someone else.
        </p>
        <DataTable
          caption="Candidates and your rank for each"
          rows={candidates}
          rowKey={(c) => c.nominationId}
          columns={[
            {
              header: "Candidate",
              rowHeader: true,
              cell: (c) => (
                <label htmlFor={`${prefix}-rank-${c.nominationId}`}>
                  {c.name} <span className="font-normal text-slate-600">(@{c.login})</span>
                </label>
              ),
            },
            {
              header: "Region, employer",
              cell: (c) => [c.region ?? "region not given", c.employer ?? "employer not given"].join(", "),
            },
            {
              header: "Your rank",
              cell: (c) => (
                <select
                  key={state?.values?.[`rank-${c.nominationId}`] ?? ""}
                  id={`${prefix}-rank-${c.nominationId}`}
                  name={`rank-${c.nominationId}`}
                  defaultValue={state?.values?.[`rank-${c.nominationId}`] ?? ""}
                  className="rounded-md border border-slate-300 px-2 py-1"
                >
                  <option value="">No opinion</option>
                  {candidates.map((_, i) => (
                    <option key={i} value={String(i + 1)}>
                      {i + 1}
                    </option>
                  ))}
                </select>
              ),
            },
          ]}
        />
      </fieldset>
      <FormStatus state={state} about={["ranking"]} />
      <SubmitButton pending={pending}>{mode === "cast" ? "Cast my ballot" : "Replace my ballot"}</SubmitButton>
    </form>
  );
}

/** The receipt, shown once: the server keeps only its hash. */
export function Receipt({ receipt }: { receipt: string }) {
  const [copied, setCopied] = useState(false);
  const hydrated = useHydrated();
  return (
    <section aria-labelledby="receipt-title" className="space-y-3 rounded-xl bg-green-50 p-6 ring-1 ring-green-200">
      <h2 id="receipt-title" className="text-xl font-semibold text-green-900">
        Your ballot was cast
      </h2>
      <p className="text-green-900">Your receipt:</p>
      <p>
        <code
          data-testid="receipt"
          className="select-all break-all rounded bg-white px-2 py-1 font-mono text-lg text-slate-900 ring-1 ring-green-300"
        >
          {receipt}
        </code>
      </p>
      <p className="text-sm text-green-900">
        Copy it now or write it down: it is shown only this once and nobody, not even the officers, can show it to you
        again. With it you can replace your ballot until voting closes, and find your ballot in the published results.
        Anyone you show it to can find your ballot too.
      </p>
      <button
        type="button"
        disabled={!hydrated}
        onClick={() =>
          navigator.clipboard?.writeText(receipt).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
        className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-green-900 ring-1 ring-green-300 hover:bg-green-100"
      >
        Copy the receipt
      </button>
      <span role="status" aria-live="polite" className="ml-2 text-sm text-green-900">
        {copied ? "Copied to the clipboard." : ""}
      </span>
    </section>
  );
}
