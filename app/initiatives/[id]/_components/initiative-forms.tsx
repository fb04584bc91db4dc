"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton, formAction } from "@/components/ui/form";
import { INITIATIVE_STATES, STATE_LABEL } from "@/lib/initiatives/schemas";
import { checkInInitiativeAction, joinInitiativeAction, setInitiativeStateAction } from "../actions";

export function JoinButton({ initiativeId }: { initiativeId: string }) {
  const [state, action, pending] = useActionState(formAction(joinInitiativeAction), null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="initiativeId" value={initiativeId} />
      <SubmitButton pending={pending}>Join this initiative</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}

export function CheckInForm({ initiativeId }: { initiativeId: string }) {
  const [state, action, pending] = useActionState(formAction(checkInInitiativeAction), null);
  return (
    <form action={action} aria-label="Monthly check-in" className="space-y-3">
      <input type="hidden" name="initiativeId" value={initiativeId} />
      <Field name="body" label="How is it going?" state={state} textarea required />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Post check-in</SubmitButton>
    </form>
  );
}

export function StateForm({ initiativeId, current }: { initiativeId: string; current: string }) {
  const [state, action, pending] = useActionState(formAction(setInitiativeStateAction), null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="initiativeId" value={initiativeId} />
      <div>
        <label htmlFor="initiative-state" className="block text-sm font-medium text-slate-800">
          State
        </label>
        <select
          id="initiative-state"
          name="state"
          defaultValue={current}
          className="mt-1 rounded-md border border-slate-300 px-3 py-2"
        >
          {INITIATIVE_STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABEL[s]}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pending={pending}>Save state</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
