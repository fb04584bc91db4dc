"use client";

import { useActionState } from "react";
import { FormStatus, SubmitButton, fieldError, formAction } from "@/components/ui/form";
import { BOARD_KIND_LABEL, BOARD_KINDS, type BoardKind } from "@/lib/vocabulary";
import { saveMatchSettingsAction } from "../actions";

interface Saved {
  preferredKinds: BoardKind[];
  matchOptOut: boolean;
  digestOptIn: boolean;
}

const box = "h-4 w-4 rounded border-slate-400 accent-brand-600";

/** The person's matching settings. After saving, the page (and so `saved`) shows what was stored. */
export function MatchSettingsForm({ saved }: { saved: Saved }) {
  const [state, run, pending] = useActionState(formAction(saveMatchSettingsAction), null);
  const kindsError = fieldError(state, "preferredKinds");
  return (
    // Remounted when the stored settings change, so the boxes show what was saved.
    <form
      key={JSON.stringify(saved)}
      action={run}
      aria-labelledby="match-settings"
      className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-slate-200"
    >
      <h2 id="match-settings" className="text-lg font-semibold text-slate-900">
        Your matching settings
      </h2>
      <fieldset aria-describedby={kindsError ? "match-kinds-error" : "match-kinds-hint"}>
        <legend className="text-sm font-medium text-slate-900">Kinds of work you prefer</legend>
        <p id="match-kinds-hint" className="text-xs text-slate-600">
          Items of these kinds rank higher. None chosen: no preference.
        </p>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {BOARD_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name="preferredKinds"
                value={k}
                defaultChecked={saved.preferredKinds.includes(k)}
                className={box}
              />
              {BOARD_KIND_LABEL[k]}
            </label>
          ))}
        </div>
        {kindsError && (
          <p id="match-kinds-error" className="mt-1 text-sm text-red-700">
            {kindsError}
          </p>
        )}
      </fieldset>
      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-900">
          <input
            type="checkbox"
            name="matchOptOut"
            defaultChecked={saved.matchOptOut}
            aria-describedby="match-opt-out-hint"
            className={box}
          />
          Don&apos;t suggest me to TAG leads
        </label>
        <p id="match-opt-out-hint" className="ml-6 text-xs text-slate-600">
          When you are suggested for an item, its TAG&apos;s leads see your skills, region, free hours this month and
          current load, and may invite you.
        </p>
      </div>
      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-900">
          <input
            type="checkbox"
            name="digestOptIn"
            defaultChecked={saved.digestOptIn}
            aria-describedby="match-digest-hint"
            className={box}
          />
          Send me a weekly digest of new matches
        </label>
        <p id="match-digest-hint" className="ml-6 text-xs text-slate-600">
          Once a week, only when new items match you: a notification here, and an email when the portal sends mail.
        </p>
      </div>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Save settings</SubmitButton>
    </form>
  );
}
