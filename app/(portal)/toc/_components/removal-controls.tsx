"use client";

import { useActionState, useState, useTransition } from "react";
import { FormStatus, SubmitButton, fieldError, formAction } from "@/components/ui/form";
import { castRemovalVoteAction, closeRemovalAction, openRemovalAction } from "../actions";

export function OpenRemovalForm({ seats }: { seats: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(formAction(openRemovalAction), null);
  const reasonError = fieldError(state, "reason");
  return (
    <form
      action={action}
      className="space-y-3 rounded-xl bg-white p-6 ring-1 ring-slate-200"
      aria-labelledby="open-removal"
    >
      <h3 id="open-removal" className="text-lg font-semibold text-slate-900">
        Propose removing an inactive leader
      </h3>
      <div>
        <label htmlFor="removal-seat" className="block text-sm font-medium text-slate-800">
          Seat
        </label>
        <select
          id="removal-seat"
          name="assignmentId"
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
        >
          {seats.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="removal-reason" className="block text-sm font-medium text-slate-800">
          Reason
        </label>
        <input
          id="removal-reason"
          name="reason"
          required
          defaultValue={state?.values?.reason}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? "removal-reason-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1"
        />
        {reasonError && (
          <p id="removal-reason-error" className="mt-1 text-sm text-red-700">
            {reasonError}
          </p>
        )}
      </div>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Open removal vote</SubmitButton>
    </form>
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
  const [pending, start] = useTransition();
  const [message, setMessage] = useState(voted ? "You voted." : "");
  const run = (fn: () => Promise<{ ok: boolean; message?: string; data?: unknown }>, ok: (data: unknown) => string) =>
    start(async () => {
      const r = await fn();
      setMessage(r.ok ? ok(r.data) : (r.message ?? "Refused."));
    });
  const btn = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 disabled:opacity-60";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        className={`${btn} bg-white text-red-800 ring-red-300`}
        aria-label={`Vote to remove ${label}`}
        onClick={() =>
          run(
            () => castRemovalVoteAction({ proposalId, inFavor: true }),
            () => "Vote recorded: remove.",
          )
        }
      >
        Remove
      </button>
      <button
        type="button"
        disabled={pending}
        className={`${btn} bg-white text-slate-800 ring-slate-300`}
        aria-label={`Vote to keep ${label}`}
        onClick={() =>
          run(
            () => castRemovalVoteAction({ proposalId, inFavor: false }),
            () => "Vote recorded: keep.",
          )
        }
      >
        Keep
      </button>
      <button
        type="button"
        disabled={pending}
        className={`${btn} bg-slate-800 text-white ring-slate-800`}
        aria-label={`Close the vote on ${label}`}
        onClick={() =>
          run(
            () => closeRemovalAction({ proposalId }),
            (d) => `Closed: ${(d as { explanation: string }).explanation}`,
          )
        }
      >
        Close vote
      </button>
      <span role="status" aria-live="polite" className="text-sm text-slate-700">
        {message}
      </span>
    </div>
  );
}
