"use client";

import { useActionState, useId } from "react";
import { Field, FormStatus, SubmitButton, formAction } from "@/components/ui/form";
import type { ActionResult } from "@/lib/action";
import { KIND_LABEL, SELF_REPORT_KINDS } from "@/lib/contributions/schemas";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/** Any signed-in person reports a talk, blog post, ... for a TAG. */
export function SelfReportForm({
  action,
  tags,
  today,
}: {
  action: Action;
  tags: { slug: string; name: string }[];
  today: string;
}) {
  const [state, run, pending] = useActionState(formAction(action), null);
  const uid = useId();
  return (
    <form action={run} className="space-y-4" noValidate aria-label="Report a contribution">
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${uid}-tag`} className="block text-sm font-medium text-slate-800">
            TAG
          </label>
          <select
            id={`${uid}-tag`}
            name="tagSlug"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
            defaultValue={state && !state.ok ? state.values?.tagSlug : undefined}
          >
            {tags.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${uid}-kind`} className="block text-sm font-medium text-slate-800">
            Kind
          </label>
          <select
            id={`${uid}-kind`}
            name="kind"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
            defaultValue={state && !state.ok ? state.values?.kind : undefined}
          >
            {SELF_REPORT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Field name="title" label="Title" state={state} required />
      <Field
        name="link"
        label="Link (optional)"
        type="url"
        state={state}
        hint="An http:// or https:// link to the slides, recording or post."
      />
      <Field name="occurredAt" label="Date" type="date" state={state} defaultValue={today} required />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Report contribution</SubmitButton>
    </form>
  );
}

/** A lead verifies or rejects one pending self-report. */
export function VerifyForm({ action, recordId, title }: { action: Action; recordId: string; title: string }) {
  const [state, run, pending] = useActionState(formAction(action), null);
  const uid = useId();
  return (
    <form action={run} className="flex flex-wrap items-end gap-2" noValidate aria-label={`Verify or reject "${title}"`}>
      <input type="hidden" name="recordId" value={recordId} />
      <div>
        <label htmlFor={`${uid}-reason`} className="block text-xs font-medium text-slate-700">
          Reason (when rejecting)
        </label>
        <input
          id={`${uid}-reason`}
          name="reason"
          className="mt-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
      </div>
      <button
        type="submit"
        name="decision"
        value="verify"
        disabled={pending}
        className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        Verify
      </button>
      <button
        type="submit"
        name="decision"
        value="reject"
        disabled={pending}
        className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        Reject
      </button>
      <FormStatus state={state} />
    </form>
  );
}
