"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton, formAction } from "@/components/ui/form";
import { TagSettingsFields } from "@/components/tags/tag-settings-fields";
import type { TagSettings } from "@/lib/vocabulary";
import { createTagAction, updateTagAction } from "../actions";

export interface TagFormValues extends Partial<TagSettings> {
  id?: string;
  slug: string;
  name: string;
  mission: string;
  repositories: string[];
  slackChannel: string | null;
  mailingList: string | null;
  meetings: string;
  tocLiaisons: string[];
}

export function TagForm({ tag }: { tag?: TagFormValues }) {
  const [state, action, pending] = useActionState(formAction(tag ? updateTagAction : createTagAction), null);
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
      <TagSettingsFields settings={tag} state={state} />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{tag ? "Save TAG" : "Create TAG"}</SubmitButton>
    </form>
  );
}
