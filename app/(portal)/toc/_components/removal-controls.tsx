"use client";

import { useActionState } from "react";
import { FormStatus, SubmitButton, fieldError, formAction } from "@/components/ui/form";
import { openRemovalAction } from "../actions";

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
        Open a removal vote
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
