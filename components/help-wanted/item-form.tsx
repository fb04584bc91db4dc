"use client";

import { useState, type FormEvent } from "react";
import {
  CheckboxGroup,
  Fields,
  FormStatus,
  SubmitButton,
  labelledOptions,
  type FieldSpec,
  useFormAction,
} from "@/components/ui/form";
import { useHydrated } from "@/components/ui/use-hydrated";
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
  mentor: string;
  step: string;
}

interface Props {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  /** TAGs the person may post to. */
  tags: { slug: string; name: string }[];
  initial?: Partial<ItemFormValues>;
  itemId?: string;
  submit: string;
}

const ABOUT: readonly FieldSpec[] = [
  { name: "title", label: "Title", required: true, hint: "5 to 140 characters: what needs doing." },
  {
    name: "body",
    label: "Description",
    type: "textarea",
    hint: "Markdown: **bold**, lists, [links](https://example.org). HTML is not rendered. Say what done looks like.",
  },
];
const WORK: readonly FieldSpec[] = [
  { name: "kind", label: "Kind", defaultValue: "other", options: labelledOptions(ITEM_KINDS, ITEM_KIND_LABEL) },
  { name: "skills", label: "Skills", hint: "Comma-separated, e.g. threat modeling, Go, technical writing." },
];
// Shadowing (issue 21): the mentor's sign-off from the item counts toward a step of the TAG's ladder.
const SHADOWING = "shadow";
const SHADOW: readonly FieldSpec[] = [
  {
    name: "mentor",
    label: "Mentor",
    hint: "GitHub login of a mentor paired in the TAG: they sign off the volunteers.",
  },
  {
    name: "step",
    label: "Ladder step",
    hint: "The step of the TAG's ladder their sign-off counts toward, e.g. Shadow.",
  },
];
const SIZE: readonly FieldSpec[] = [
  { name: "effortHours", label: "Effort (hours)", type: "number" },
  { name: "places", label: "Places (volunteers wanted)", type: "number", defaultValue: "1" },
  { name: "dueAt", label: "Due date", type: "date" },
];
const WHERE: readonly FieldSpec[] = [
  {
    name: "region",
    label: "Region preference",
    defaultValue: "",
    options: [["", "Any region"], ...labelledOptions(REGIONS, REGION_LABEL)],
  },
  { name: "timezone", label: "Timezone preference", hint: "Optional, e.g. UTC+1 to UTC+3." },
];
const LINK: readonly FieldSpec[] = [
  {
    name: "githubIssueUrl",
    label: "Linked GitHub issue",
    type: "url",
    hint: "Optional: https://github.com/<owner>/<repo>/issues/<number>. Its title and state are shown on the item.",
  },
];

/** The one form to post or edit a help-wanted item. */
export function ItemForm({ action, tags, initial = {}, itemId, submit }: Props) {
  const [state, run, pending] = useFormAction(action);
  const typed = state?.values;
  const listOf = (name: "tags" | "labels") =>
    typed ? (typed[name] ?? "").split(",").filter(Boolean) : (initial[name] ?? []);
  // What the item holds now, else the spec's own default.
  const specs = (list: readonly FieldSpec[]) =>
    list.map((f) => {
      const x = initial[f.name as keyof ItemFormValues];
      return { ...f, defaultValue: typeof x === "string" ? x : f.defaultValue };
    });
  // The shadowing fields show only for a Shadowing item once the page runs its script; without it
  // they stay in sight for every kind (the server refuses them on any other kind, and says so).
  const [kind, setKind] = useState(typed?.kind ?? initial.kind ?? "other");
  const hydrated = useHydrated();
  const shadowHidden = hydrated && kind !== SHADOWING;
  const onChange = (e: FormEvent<HTMLFormElement>) => {
    const field = e.target as HTMLSelectElement;
    if (field.name === "kind") setKind(field.value);
  };
  return (
    <form
      action={run}
      onChange={onChange}
      className="space-y-5 rounded-xl bg-white p-6 ring-1 ring-slate-200"
      noValidate
    >
      {itemId && <input type="hidden" name="itemId" value={itemId} />}
      <Fields specs={specs(ABOUT)} state={state} />
      <CheckboxGroup
        name="tags"
        legend="TAGs"
        hint="The item is labelled help-wanted and tag-<name> for each TAG you choose."
        options={tags.map((t) => [t.slug, t.name] as const)}
        checked={listOf("tags")}
        state={state}
      />
      <Fields specs={specs(WORK)} state={state} />
      {/* Disabled while hidden, so a mentor typed before the kind changed is not sent with another kind. */}
      <fieldset hidden={shadowHidden} disabled={shadowHidden} className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Shadowing</legend>
        <Fields specs={specs(SHADOW)} state={state} columns={2} />
      </fieldset>
      <Fields specs={specs(SIZE)} state={state} columns={3} />
      <Fields specs={specs(WHERE)} state={state} columns={2} />
      <CheckboxGroup
        name="labels"
        legend="Community labels"
        options={COMMUNITY_LABELS.map((l) => [l, l] as const)}
        checked={listOf("labels")}
        state={state}
      />
      <Fields specs={specs(LINK)} state={state} />
      <FormStatus state={state} success="Saved." />
      <SubmitButton pending={pending}>{submit}</SubmitButton>
    </form>
  );
}
