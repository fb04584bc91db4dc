"use client";

import { useActionState, useId } from "react";
import { FormStatus, SubmitButton, formAction, type FormState } from "@/components/ui/form";
import type { ActionResult } from "@/lib/action";
import { FOUNDATION_SUGGESTIONS, HEALTHS, HEALTH_LABEL } from "@/lib/liaisons/schemas";
import { Input, Select } from "./inputs";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

export interface SeatChoice {
  id: string;
  tagName: string;
  login: string;
  name: string | null;
}

function TargetFields({
  uid,
  state,
  projectNames,
  initial,
}: {
  uid: string;
  state: FormState;
  projectNames: string[];
  initial?: { projectName?: string; foundation?: string; cadenceDays?: string };
}) {
  return (
    <>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Liaison to (fill one)</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Input
            id={`${uid}-project`}
            name="projectName"
            label="CNCF project"
            state={state}
            defaultValue={initial?.projectName}
            suggestions={projectNames}
            hint="Its name in the project catalogue, e.g. falco."
          />
          <Input
            id={`${uid}-foundation`}
            name="foundation"
            label="Other foundation"
            state={state}
            defaultValue={initial?.foundation}
            suggestions={FOUNDATION_SUGGESTIONS}
            hint="For example OpenSSF, OpenJS, Apache, Eclipse."
          />
        </div>
      </fieldset>
      <Input
        id={`${uid}-cadence`}
        name="cadenceDays"
        label="Check-in cadence (days)"
        type="number"
        state={state}
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
  action: Action;
  seats: SeatChoice[];
  projectNames: string[];
}) {
  const [state, run, pending] = useActionState(formAction(action), null);
  const uid = useId();
  const byTag = new Map<string, SeatChoice[]>();
  for (const s of seats) byTag.set(s.tagName, [...(byTag.get(s.tagName) ?? []), s]);
  return (
    <form action={run} className="space-y-4" noValidate aria-label="Create a liaison">
      <Select
        id={`${uid}-seat`}
        name="assignmentId"
        label="TAG Ambassador seat"
        state={state}
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
      </Select>
      <TargetFields uid={uid} state={state} projectNames={projectNames} />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Create liaison</SubmitButton>
    </form>
  );
}

/** A lead changes a liaison's target or cadence. */
export function EditLiaisonForm({
  action,
  liaisonId,
  projectNames,
  initial,
}: {
  action: Action;
  liaisonId: string;
  projectNames: string[];
  initial: { projectName?: string; foundation?: string; cadenceDays: string };
}) {
  const [state, run, pending] = useActionState(formAction(action), null);
  const uid = useId();
  return (
    <form action={run} className="space-y-4" noValidate aria-label="Change the liaison">
      <input type="hidden" name="liaisonId" value={liaisonId} />
      <TargetFields uid={uid} state={state} projectNames={projectNames} initial={initial} />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Save changes</SubmitButton>
    </form>
  );
}

/** The liaison (or a lead) logs a check-in: when, how it went, a link, and the health. */
export function CheckInForm({ action, liaisonId, today }: { action: Action; liaisonId: string; today: string }) {
  const [state, run, pending] = useActionState(formAction(action), null);
  const uid = useId();
  return (
    <form action={run} className="space-y-4" noValidate aria-label="Log a check-in">
      <input type="hidden" name="liaisonId" value={liaisonId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input id={`${uid}-date`} name="date" label="Date" type="date" state={state} defaultValue={today} required />
        <Select id={`${uid}-health`} name="health" label="Health" state={state} defaultValue="fine">
          {HEALTHS.map((h) => (
            <option key={h} value={h}>
              {HEALTH_LABEL[h]}
            </option>
          ))}
        </Select>
      </div>
      <Input
        id={`${uid}-notes`}
        name="notes"
        label="Notes"
        type="textarea"
        state={state}
        required
        hint="What you learned: releases, maintainers, needs, risks."
      />
      <Input
        id={`${uid}-link`}
        name="link"
        label="Link (optional)"
        type="url"
        state={state}
        hint="Meeting notes, an issue, a recording."
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Log check-in</SubmitButton>
    </form>
  );
}
