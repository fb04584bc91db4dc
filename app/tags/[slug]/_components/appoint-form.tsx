"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton, fieldError, formAction } from "@/components/ui/form";
import { appointLeaderAction } from "../actions";

export function AppointForm({ tagId, tagName }: { tagId: string; tagName: string }) {
  const [state, action, pending] = useActionState(formAction(appointLeaderAction), null);
  const kindError = fieldError(state, "kind");
  return (
    <form
      action={action}
      className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-slate-200"
      aria-labelledby="appoint-heading"
    >
      <h3 id="appoint-heading" className="text-lg font-semibold text-slate-900">
        Appoint a chair or tech lead of {tagName}
      </h3>
      <p className="text-sm text-slate-600">
        Chair and tech-lead appointments need a TOC member&apos;s approval; they show as pending until then.
      </p>
      <input type="hidden" name="tagId" value={tagId} />
      <Field name="login" label="GitHub login" state={state} required />
      <div>
        <label htmlFor="f-kind" className="block text-sm font-medium text-slate-800">
          Seat
        </label>
        <select
          id="f-kind"
          name="kind"
          defaultValue={state?.values?.kind ?? "chair"}
          aria-invalid={kindError ? true : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        >
          <option value="chair">Chair</option>
          <option value="tech_lead">Tech Lead</option>
        </select>
      </div>
      <Field
        name="termMonths"
        label="Term (months)"
        type="number"
        defaultValue="24"
        state={state}
        hint="CNCF default: two years."
      />
      <Field
        name="decisionLink"
        label="Decision link"
        type="url"
        state={state}
        hint="Meeting notes or the issue where the TAG decided."
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Appoint</SubmitButton>
    </form>
  );
}
