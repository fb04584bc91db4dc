"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton, formAction } from "@/components/ui/form";
import { createTagAction, updateTagAction } from "../actions";

export interface TagFormValues {
  id?: string;
  slug: string;
  name: string;
  mission: string;
  repositories: string[];
  slackChannel: string | null;
  mailingList: string | null;
  meetings: string;
  tocLiaisons: string[];
  boardReviewMonths: number;
  staleAfterDays: number;
  autoAccept: boolean;
  maxActiveClaims: number;
  leadershipModel: "election" | "appointment";
}

export function TagForm({ tag }: { tag?: TagFormValues }) {
  const [state, action, pending] = useActionState(formAction(tag ? updateTagAction : createTagAction), null);
  const v = state?.values;
  return (
    <form action={action} className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-slate-200">
      {tag?.id && <input type="hidden" name="id" value={tag.id} />}
      <Field name="name" label="Name" state={state} defaultValue={tag?.name} required />
      <Field
        name="slug"
        label="Slug"
        state={state}
        defaultValue={tag?.slug}
        hint="tags.yaml's dir without tag-, e.g. security-and-compliance"
        required
      />
      <Field name="mission" label="Mission" state={state} defaultValue={tag?.mission} textarea />
      <Field
        name="repositories"
        label="Repositories"
        state={state}
        defaultValue={tag?.repositories.join("\n")}
        textarea
        hint="owner/name, one per line"
      />
      <Field name="slackChannel" label="Slack channel" state={state} defaultValue={tag?.slackChannel ?? ""} />
      <Field
        name="mailingList"
        label="Mailing list URL"
        type="url"
        state={state}
        defaultValue={tag?.mailingList ?? ""}
      />
      <Field name="meetings" label="Meetings" state={state} defaultValue={tag?.meetings} textarea />
      <Field
        name="tocLiaisons"
        label="TOC liaisons (GitHub logins)"
        state={state}
        defaultValue={tag?.tocLiaisons.join(", ")}
      />
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2">
        <legend className="px-1 text-sm font-semibold text-slate-900">Settings</legend>
        <Field
          name="boardReviewMonths"
          label="Board review every (months)"
          type="number"
          state={state}
          defaultValue={String(tag?.boardReviewMonths ?? 6)}
        />
        <Field
          name="staleAfterDays"
          label="Claims stale after (days)"
          type="number"
          state={state}
          defaultValue={String(tag?.staleAfterDays ?? 30)}
        />
        <Field
          name="maxActiveClaims"
          label="Max active claims per person"
          type="number"
          state={state}
          defaultValue={String(tag?.maxActiveClaims ?? 3)}
        />
        <div>
          <label htmlFor="f-leadershipModel" className="block text-sm font-medium text-slate-800">
            Leadership model
          </label>
          <select
            id="f-leadershipModel"
            name="leadershipModel"
            defaultValue={v?.leadershipModel ?? tag?.leadershipModel ?? "appointment"}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          >
            <option value="appointment">Appointment by consensus</option>
            <option value="election">Elections</option>
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="autoAccept" defaultChecked={v ? v.autoAccept === "on" : tag?.autoAccept} />{" "}
          Auto-accept volunteers
        </label>
      </fieldset>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{tag ? "Save TAG" : "Create TAG"}</SubmitButton>
    </form>
  );
}
