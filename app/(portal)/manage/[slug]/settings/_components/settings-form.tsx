"use client";

import { TagSettingsFields } from "@/components/tags/tag-settings-fields";
import { Field, FormStatus, SubmitButton, type ServerAction, useFormAction } from "@/components/ui/form";
import type { TagSettings } from "@/lib/vocabulary";

/** A chair's (or admin's) settings form; `version` is the version shown, so a concurrent change is refused. */
export function SettingsForm({
  tagId,
  version,
  settings,
  save,
}: {
  tagId: string;
  version: number;
  settings: TagSettings;
  save: ServerAction;
}) {
  const [state, action, pending] = useFormAction(save);
  return (
    <form action={action} className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-slate-200">
      <input type="hidden" name="tagId" value={tagId} />
      <input type="hidden" name="version" value={String(version)} />
      <TagSettingsFields settings={settings} state={state} />
      <Field
        name="reason"
        label="Why (optional, kept with this version)"
        state={state}
        defaultValue=""
        hint="For example: agreed at the TAG meeting of 12 May."
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Save settings</SubmitButton>
    </form>
  );
}
