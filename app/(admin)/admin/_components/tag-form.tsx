"use client";

import { Fields, FormStatus, SubmitButton, useFormAction } from "@/components/ui/form";
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
  const [state, action, pending] = useFormAction(tag ? updateTagAction : createTagAction);
  return (
    <form action={action} className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-slate-200">
      {tag?.id && <input type="hidden" name="id" value={tag.id} />}
      <Fields
        state={state}
        specs={[
          { name: "name", label: "Name", defaultValue: tag?.name, required: true },
          {
            name: "slug",
            label: "Slug",
            defaultValue: tag?.slug,
            hint: "tags.yaml's dir without tag-, e.g. security-and-compliance",
            required: true,
          },
          { name: "mission", label: "Mission", defaultValue: tag?.mission, type: "textarea" },
          {
            name: "repositories",
            label: "Repositories",
            defaultValue: tag?.repositories.join("\n"),
            type: "textarea",
            hint: "owner/name, one per line",
          },
          { name: "slackChannel", label: "Slack channel", defaultValue: tag?.slackChannel ?? "" },
          { name: "mailingList", label: "Mailing list URL", type: "url", defaultValue: tag?.mailingList ?? "" },
          { name: "meetings", label: "Meetings", defaultValue: tag?.meetings, type: "textarea" },
          { name: "tocLiaisons", label: "TOC liaisons (GitHub logins)", defaultValue: tag?.tocLiaisons.join(", ") },
        ]}
      />
      <TagSettingsFields settings={tag} state={state} />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>{tag ? "Save TAG" : "Create TAG"}</SubmitButton>
    </form>
  );
}
