"use client";

import { useActionState } from "react";
import { FormStatus, SubmitButton, formAction } from "@/components/ui/form";
import { requestEndOfSeatAction } from "../actions";

/** Asks first: the reason field and the button sit behind a disclosure. */
export function EndSeatForm({ assignmentId, who }: { assignmentId: string; who: string }) {
  const [state, action, pending] = useActionState(formAction(requestEndOfSeatAction), null);
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-red-800 underline">End {who}&apos;s seat…</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <label htmlFor={`reason-${assignmentId}`} className="block font-medium text-slate-800">
          Reason
        </label>
        <input
          id={`reason-${assignmentId}`}
          name="reason"
          required
          defaultValue={state?.values?.reason}
          className="w-full rounded-md border border-slate-300 px-2 py-1"
        />
        <FormStatus state={state} />
        <SubmitButton pending={pending} danger>
          Request end of seat
        </SubmitButton>
      </form>
    </details>
  );
}
