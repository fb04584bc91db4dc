"use client";

import { Field, FieldProblems, FormStatus, useFormAction } from "@/components/ui/form";
import { importTagsYamlAction } from "../actions";

export function TagsImportForm() {
  const [state, action, pending] = useFormAction(importTagsYamlAction);
  return (
    <form action={action} className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Which file</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="source"
            value="toc"
            defaultChecked={(state?.values?.source ?? "toc") === "toc"}
            className="mt-1"
          />
          <span>
            The TOC&apos;s own file, read from cncf/toc now: the TOC&apos;s record, so its seats are held at once with
            the commit as their decision link.
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="source"
            value="pasted"
            defaultChecked={state?.values?.source === "pasted"}
            className="mt-1"
          />
          <span>
            The file pasted below: a proposal, so its new seats wait for a TOC decision, and it changes no term and ends
            no seat.
          </span>
        </label>
      </fieldset>
      <Field
        name="text"
        label="tags.yaml (only for a pasted file)"
        state={state}
        textarea
        hint="Preview first: it shows every change and writes nothing."
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="endMissing" defaultChecked={state?.values?.endMissing === "on"} />
        End seats the file no longer lists (otherwise they are only reported)
      </label>
      <FormStatus state={state} />
      <FieldProblems state={state} name="text" />
      {state?.ok && (
        <section aria-live="polite" className="space-y-2 text-sm">
          <h2 className="font-semibold text-slate-900">
            {state.data.applied
              ? `Imported from ${state.data.source}: ${state.data.changes} changes`
              : `Preview of ${state.data.source}: ${state.data.changes} changes (nothing written yet)`}
            {state.data.unresolved > 0 ? `, ${state.data.unresolved} unresolved logins` : ""}
          </h2>
          <ul className="list-disc space-y-1 pl-6 font-mono text-xs">
            {state.data.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="flex gap-3">
        <button
          type="submit"
          name="mode"
          value="preview"
          disabled={pending}
          className="rounded-md border border-slate-300 px-4 py-2 font-medium disabled:opacity-60"
        >
          Preview changes
        </button>
        <button
          type="submit"
          name="mode"
          value="apply"
          disabled={pending}
          className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Apply import
        </button>
      </div>
    </form>
  );
}
