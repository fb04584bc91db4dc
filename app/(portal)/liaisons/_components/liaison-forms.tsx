"use client";

import { ActionForm } from "@/components/ui/action-form";
import { Field, type FormState, type ServerAction } from "@/components/ui/form";
import { FOUNDATION_SUGGESTIONS, HEALTHS, HEALTH_LABEL } from "@/lib/liaisons/schemas";

export interface SeatChoice {
  id: string;
  tagName: string;
  login: string;
  name: string | null;
}

/** What a liaison is to, one or the other: field name, label, suggestions (projects come from the page), hint. */
const TARGETS = [
  ["projectName", "CNCF project", [], "Its name in the project catalogue, e.g. falco."],
  ["foundation", "Other foundation", FOUNDATION_SUGGESTIONS, "For example OpenSSF, OpenJS, Apache, Eclipse."],
] as const;

type Target = { projectName?: string; foundation?: string; cadenceDays?: string };

function TargetFields({
  uid,
  state,
  projectNames,
  initial,
}: {
  uid: string;
  state: FormState;
  projectNames: string[];
  initial?: Target;
}) {
  const common = { idPrefix: uid, state, resetOnSuccess: true };
  return (
    <>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Liaison to (fill one)</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {TARGETS.map(([name, label, suggestions, hint]) => (
            <Field
              key={name}
              {...common}
              name={name}
              label={label}
              defaultValue={initial?.[name]}
              suggestions={name === "projectName" ? projectNames : suggestions}
              hint={hint}
            />
          ))}
        </div>
      </fieldset>
      <Field
        {...common}
        name="cadenceDays"
        label="Check-in cadence (days)"
        type="number"
        defaultValue={initial?.cadenceDays ?? "30"}
        hint="How often the liaison checks in: 7 to 365 days."
      />
    </>
  );
}

/** A lead makes one of their TAGs' TAG Ambassador seats a liaison. */
export function CreateLiaisonForm({
  action,
  seats,
  projectNames,
}: {
  action: ServerAction;
  seats: SeatChoice[];
  projectNames: string[];
}) {
  const byTag = new Map<string, SeatChoice[]>();
  for (const s of seats) byTag.set(s.tagName, [...(byTag.get(s.tagName) ?? []), s]);
  return (
    <ActionForm action={action} label="Create a liaison" noValidate submit="Create liaison">
      {(state, uid) => (
        <>
          <Field
            idPrefix={uid}
            name="assignmentId"
            label="TAG Ambassador seat"
            state={state}
            resetOnSuccess
            hint="Held TAG Ambassador seats of your TAGs that have no liaison yet."
          >
            {[...byTag].map(([tagName, list]) => (
              <optgroup key={tagName} label={tagName}>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    @{s.login}
                    {s.name ? ` (${s.name})` : ""}, {tagName}
                  </option>
                ))}
              </optgroup>
            ))}
          </Field>
          <TargetFields uid={uid} state={state} projectNames={projectNames} />
        </>
      )}
    </ActionForm>
  );
}

/** A lead changes a liaison's target or cadence. */
export function EditLiaisonForm({
  action,
  liaisonId,
  projectNames,
  initial,
}: {
  action: ServerAction;
  liaisonId: string;
  projectNames: string[];
  initial: Target;
}) {
  return (
    <ActionForm
      action={action}
      label="Change the liaison"
      className="mt-3"
      noValidate
      hidden={{ liaisonId }}
      submit="Save changes"
    >
      {(state, uid) => <TargetFields uid={uid} state={state} projectNames={projectNames} initial={initial} />}
    </ActionForm>
  );
}

/** The liaison (or a lead) logs a check-in: when, how it went, a link, and the health. */
export function CheckInForm({ action, liaisonId, today }: { action: ServerAction; liaisonId: string; today: string }) {
  return (
    <ActionForm
      action={action}
      label="Log a check-in"
      className="mt-3"
      noValidate
      hidden={{ liaisonId }}
      fields={[
        { name: "date", label: "Date", type: "date", defaultValue: today, required: true },
        { name: "health", label: "Health", defaultValue: "fine", options: HEALTHS.map((h) => [h, HEALTH_LABEL[h]]) },
        {
          name: "notes",
          label: "Notes",
          type: "textarea",
          required: true,
          hint: "What you learned: releases, maintainers, needs, risks.",
        },
        { name: "link", label: "Link (optional)", type: "url", hint: "Meeting notes, an issue, a recording." },
      ]}
      submit="Log check-in"
    />
  );
}

/** A lead ends a liaison: behind a disclosure that asks first, since it cannot be undone. */
export function EndLiaisonForm({
  action,
  liaisonId,
  login,
}: {
  action: ServerAction;
  liaisonId: string;
  login: string;
}) {
  return (
    <ActionForm
      action={action}
      confirm="End this liaison…"
      className="mt-3"
      danger
      noValidate
      label="End the liaison"
      hidden={{ liaisonId }}
      description={`Ending cannot be undone. @${login} keeps the seat and is told; check-ins stop and stay as history.`}
      fields={[
        { name: "reason", label: "Why it ends", required: true, hint: "Told to the liaison and kept in the record." },
      ]}
      submit="End liaison"
    />
  );
}
