"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton, fieldError, formAction } from "@/components/ui/form";
import type { ActionResult } from "@/lib/action";
import { COMMUNITY_LABELS } from "@/lib/help-wanted/schemas";
import { ITEM_KIND_LABEL, ITEM_KINDS, REGION_LABEL, REGIONS } from "@/lib/vocabulary";

export interface ItemFormValues {
  title: string;
  body: string;
  tags: string[];
  kind: string;
  skills: string;
  effortHours: string;
  region: string;
  timezone: string;
  dueAt: string;
  places: string;
  labels: string[];
  githubIssueUrl: string;
}

interface Props {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  /** TAGs the person may post to. */
  tags: { slug: string; name: string }[];
  initial?: Partial<ItemFormValues>;
  itemId?: string;
  submit: string;
}

/** The one form to post or edit a help-wanted item. */
export function ItemForm({ action, tags, initial = {}, itemId, submit }: Props) {
  const [state, run, pending] = useActionState(formAction(action), null);
  const typed = state?.values;
  const listOf = (name: "tags" | "labels") =>
    typed ? (typed[name] ?? "").split(",").filter(Boolean) : (initial[name] ?? []);
  const chosenTags = listOf("tags");
  const chosenLabels = listOf("labels");
  const tagsError = fieldError(state, "tags");
  const kindError = fieldError(state, "kind");
  const regionError = fieldError(state, "region");
  const labelsError = fieldError(state, "labels");
  const v = (name: keyof ItemFormValues) => {
    const x = initial[name];
    return typeof x === "string" ? x : undefined;
  };
  return (
    <form action={run} className="space-y-5 rounded-xl bg-white p-6 ring-1 ring-slate-200" noValidate>
      {itemId && <input type="hidden" name="itemId" value={itemId} />}
      <Field
        name="title"
        label="Title"
        state={state}
        defaultValue={v("title")}
        required
        hint="5 to 140 characters: what needs doing."
      />
      <Field
        name="body"
        label="Description"
        state={state}
        defaultValue={v("body")}
        textarea
        hint="Markdown: **bold**, lists, [links](https://example.org). HTML is not rendered. Say what done looks like."
      />
      <fieldset aria-describedby={tagsError ? "tags-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">TAGs</legend>
        <p className="text-sm text-slate-600">
          The item is labelled help-wanted and tag-&lt;name&gt; for each TAG you choose.
        </p>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {tags.map((t) => (
            <label key={t.slug} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="tags" value={t.slug} defaultChecked={chosenTags.includes(t.slug)} />
              {t.name}
            </label>
          ))}
        </div>
        {tagsError && (
          <p id="tags-error" className="mt-1 text-sm text-red-700">
            {tagsError}
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor="f-kind" className="block text-sm font-medium text-slate-800">
          Kind
        </label>
        <select
          id="f-kind"
          name="kind"
          defaultValue={typed?.kind ?? v("kind") ?? "other"}
          aria-invalid={kindError ? true : undefined}
          aria-describedby={kindError ? "f-kind-error" : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
        >
          {ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {ITEM_KIND_LABEL[k]}
            </option>
          ))}
        </select>
        {kindError && (
          <p id="f-kind-error" className="mt-1 text-sm text-red-700">
            {kindError}
          </p>
        )}
      </div>
      <Field
        name="skills"
        label="Skills"
        state={state}
        defaultValue={v("skills")}
        hint="Comma-separated, e.g. threat modeling, Go, technical writing."
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="effortHours" label="Effort (hours)" type="number" state={state} defaultValue={v("effortHours")} />
        <Field
          name="places"
          label="Places (volunteers wanted)"
          type="number"
          state={state}
          defaultValue={v("places") ?? "1"}
        />
        <Field name="dueAt" label="Due date" type="date" state={state} defaultValue={v("dueAt")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="f-region" className="block text-sm font-medium text-slate-800">
            Region preference
          </label>
          <select
            id="f-region"
            name="region"
            defaultValue={typed?.region ?? v("region") ?? ""}
            aria-invalid={regionError ? true : undefined}
            aria-describedby={regionError ? "f-region-error" : undefined}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          >
            <option value="">Any region</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {REGION_LABEL[r]}
              </option>
            ))}
          </select>
          {regionError && (
            <p id="f-region-error" className="mt-1 text-sm text-red-700">
              {regionError}
            </p>
          )}
        </div>
        <Field
          name="timezone"
          label="Timezone preference"
          state={state}
          defaultValue={v("timezone")}
          hint="Optional, e.g. UTC+1 to UTC+3."
        />
      </div>
      <fieldset aria-describedby={labelsError ? "labels-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Community labels</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {COMMUNITY_LABELS.map((l) => (
            <label key={l} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="labels" value={l} defaultChecked={chosenLabels.includes(l)} />
              {l}
            </label>
          ))}
        </div>
        {labelsError && (
          <p id="labels-error" className="mt-1 text-sm text-red-700">
            {labelsError}
          </p>
        )}
      </fieldset>
      <Field
        name="githubIssueUrl"
        label="Linked GitHub issue"
        type="url"
        state={state}
        defaultValue={v("githubIssueUrl")}
        hint="Optional: https://github.com/<owner>/<repo>/issues/<number>. Its title and state are shown on the item."
      />
      <FormStatus state={state} success="Saved." />
      <SubmitButton pending={pending}>{submit}</SubmitButton>
    </form>
  );
}
