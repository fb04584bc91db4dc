"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton, formAction, type ServerAction } from "@/components/ui/form";

/** On a TAG's page: `create` is the initiative route's `createInitiativeAction`. */
export function CreateInitiativeForm({ tagId, create }: { tagId: string; create: ServerAction }) {
  const [state, action, pending] = useActionState(formAction(create), null);
  return (
    <form
      action={action}
      aria-label="Start an initiative"
      className="space-y-3 rounded-xl bg-white p-6 ring-1 ring-slate-200"
    >
      <h3 className="text-lg font-semibold text-slate-900">Start an initiative</h3>
      <input type="hidden" name="tagId" value={tagId} />
      <Field name="name" label="Initiative name" state={state} required />
      <Field name="description" label="What it is about" state={state} textarea />
      <Field name="exitCriteria" label="Exit criteria" state={state} textarea required />
      <Field name="sponsorLogin" label="Sponsoring tech lead (GitHub handle)" state={state} />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Start initiative</SubmitButton>
    </form>
  );
}
