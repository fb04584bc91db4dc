"use client";

import { ActionForm } from "@/components/ui/action-form";
import { CheckboxFields, CheckboxGroup } from "@/components/ui/form";
import { BOARD_KIND_LABEL, BOARD_KINDS, type BoardKind } from "@/lib/vocabulary";
import { saveMatchSettingsAction } from "../actions";

interface Saved {
  preferredKinds: BoardKind[];
  matchOptOut: boolean;
  digestOptIn: boolean;
  githubAssignOptIn: boolean;
}

/** The two yes-or-no settings: name, label, what it means. */
const SWITCHES = [
  [
    "matchOptOut",
    "Don't suggest me to TAG leads",
    "When you are suggested for an item, its TAG's leads see your skills, region, free hours this month and current load, and may invite you.",
  ],
  [
    "digestOptIn",
    "Send me a weekly digest of new matches",
    "Once a week, only when new items match you: a notification here, and an email when the portal sends mail.",
  ],
  [
    "githubAssignOptIn",
    "Assign me to the GitHub issue when I'm accepted",
    "Only where you can be assigned (a collaborator of the repository); otherwise the issue mentions you.",
  ],
] as const;

/** The person's matching settings. After saving, the page (and so `saved`) shows what was stored. */
export function MatchSettingsForm({ saved }: { saved: Saved }) {
  return (
    // Remounted when the stored settings change, so the boxes show what was saved.
    <ActionForm
      key={JSON.stringify(saved)}
      action={saveMatchSettingsAction}
      hidden={{ intent: "save-match-settings" }}
      title="Your matching settings"
      level={2}
      submit="Save settings"
    >
      {(state, uid) => (
        <>
          <CheckboxGroup
            idPrefix={uid}
            name="preferredKinds"
            legend="Kinds of work you prefer"
            hint="Items of these kinds rank higher. None chosen: no preference."
            options={BOARD_KINDS.map((k) => [k, BOARD_KIND_LABEL[k]] as const)}
            checked={saved.preferredKinds}
            state={state}
          />
          <CheckboxFields specs={SWITCHES} checked={saved} state={null} idPrefix={uid} />
        </>
      )}
    </ActionForm>
  );
}
