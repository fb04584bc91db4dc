"use client";

import Link from "next/link";
import { useActionState } from "react";
import {
  Field,
  FormStatus,
  SubmitButton,
  fieldError,
  formAction,
  type FormState,
  type ServerAction,
} from "@/components/ui/form";
import { TimeZoneField, TimeZoneNote } from "@/components/elections/time-zone-field";
import { REGIONS, SEAT_REGIONS, type SeatRegion } from "@/lib/vocabulary";

export interface SetupDefaults {
  tagId: string;
  roleKey: string;
  title: string;
  cycleDate: string;
  seats: Record<SeatRegion, string>;
  nominationsOpenAt: string;
  nominationsCloseAt: string;
  votingOpenAt: string;
  votingCloseAt: string;
}

function Checkbox({
  name,
  label,
  state,
  defaultChecked,
}: {
  name: string;
  label: string;
  state: FormState;
  defaultChecked: boolean;
}) {
  const checked = state?.values ? state.values[name] === "on" : defaultChecked;
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input type="checkbox" name={name} defaultChecked={checked} className="h-4 w-4" />
      {label}
    </label>
  );
}

/** The officer's set-up form: role and seats come prefilled from the page; everything is editable until nominations open. */
/** `create` is the elections route's `createElectionAction`. */
export function SetupForm({
  defaults,
  roleName,
  create,
}: {
  defaults: SetupDefaults;
  roleName: string;
  create: ServerAction;
}) {
  const [state, action, pending] = useActionState(formAction(create), null);
  const v = (name: string, d: string) => state?.values?.[name] ?? d;
  const created = state?.ok ? (state.data as { id: string }).id : null;
  const methodError = fieldError(state, "method");
  return (
    <form
      action={action}
      aria-label="Set up an election"
      className="space-y-6 rounded-xl bg-white p-6 ring-1 ring-slate-200"
    >
      <input type="hidden" name="tagId" value={defaults.tagId} />
      <input type="hidden" name="roleKey" value={defaults.roleKey} />
      <TimeZoneField />
      <Field name="title" label="Title" state={state} defaultValue={defaults.title} required />
      <fieldset className="space-y-3">
        <legend className="font-semibold text-slate-900">Seats this cycle ({roleName})</legend>
        <p className="text-sm text-slate-600">
          Prefilled with the seats whose terms end before the cycle date, by region, plus vacant seats. Seats of a
          region are reserved for candidates of that region.
        </p>
        <div className="grid gap-3 sm:grid-cols-4">
          {SEAT_REGIONS.map((r) => (
            <Field
              key={r}
              compact
              name={`seats${r}`}
              type="number"
              label={r === "any" ? "Seats for any region" : `${r} seats`}
              state={state}
              defaultValue={defaults.seats[r]}
            />
          ))}
        </div>
        <Field
          name="cycleDate"
          type="date"
          label="Cycle date (terms start)"
          state={state}
          defaultValue={defaults.cycleDate}
          required
        />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold text-slate-900">Windows</legend>
        <p className="text-sm text-slate-600">
          <TimeZoneNote /> Rules freeze when nominations open; after that you can only extend a window or move a phase,
          with a reason.
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            name="nominationsOpenAt"
            type="datetime-local"
            label="Nominations open"
            state={state}
            defaultValue={defaults.nominationsOpenAt}
            required
          />
          <Field
            name="nominationsCloseAt"
            type="datetime-local"
            label="Nominations close"
            state={state}
            defaultValue={defaults.nominationsCloseAt}
            required
          />
          <Field
            name="votingOpenAt"
            type="datetime-local"
            label="Voting opens"
            state={state}
            defaultValue={defaults.votingOpenAt}
            required
          />
          <Field
            name="votingCloseAt"
            type="datetime-local"
            label="Voting closes"
            state={state}
            defaultValue={defaults.votingCloseAt}
            required
          />
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold text-slate-900">Who may stand</legend>
        <div>
          <label htmlFor="f-candidateRule" className="block text-sm font-medium text-slate-800">
            Candidate rule
          </label>
          <select
            id="f-candidateRule"
            name="candidateRule"
            defaultValue={v("candidateRule", "contributions")}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2"
          >
            <option value="contributions">Members with enough contributions</option>
            <option value="any-member">Any member</option>
          </select>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            name="candidateMinRecords"
            type="number"
            label="Candidates: minimum contributions"
            state={state}
            defaultValue="3"
          />
          <Field
            name="candidateWindowMonths"
            type="number"
            label="Candidates: in the last (months)"
            state={state}
            defaultValue="12"
          />
          <Field
            name="endorsementsRequired"
            type="number"
            label="Endorsements required"
            hint="0 for none; Kubernetes asks for three."
            state={state}
            defaultValue="0"
          />
          <Field
            name="endorsementEmployers"
            type="number"
            label="From how many different employers"
            state={state}
            defaultValue="0"
          />
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold text-slate-900">Who may vote</legend>
        <Checkbox name="votersIncludeLeaders" label="The TAG's chairs and tech leads" state={state} defaultChecked />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            name="voterMinRecords"
            type="number"
            label="Members with at least this many contributions"
            hint="Leave empty for no contribution rule."
            state={state}
          />
          <Field name="voterWindowMonths" type="number" label="In the last (months)" state={state} />
        </div>
        <Field
          name="voterLogins"
          label="And these GitHub logins (voter list)"
          hint="One per line or comma separated; each is looked up on GitHub. You can add more later."
          state={state}
          textarea
        />
        <p className="text-sm text-slate-600">Anyone else may ask the officers for an exception.</p>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold text-slate-900">Count</legend>
        <div>
          <label htmlFor="f-method" className="block text-sm font-medium text-slate-800">
            Method
          </label>
          <select
            id="f-method"
            name="method"
            defaultValue={v("method", "schulze")}
            aria-describedby={methodError ? "f-method-error" : undefined}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2"
          >
            <option value="schulze">Schulze (default; ties allowed on ballots)</option>
            <option value="stv">Single transferable vote (ballots are always published)</option>
          </select>
          {methodError && (
            <p id="f-method-error" className="mt-1 text-sm text-red-700">
              {methodError}
            </p>
          )}
        </div>
        <div className="grid gap-3 sm:grid-cols-4">
          <Field compact name="maxPerEmployer" type="number" label="At most per employer" state={state} />
          {REGIONS.map((r) => (
            <Field key={`max${r}`} compact name={`max${r}`} type="number" label={`At most from ${r}`} state={state} />
          ))}
          {REGIONS.map((r) => (
            <Field key={`min${r}`} compact name={`min${r}`} type="number" label={`At least from ${r}`} state={state} />
          ))}
        </div>
        <Checkbox
          name="publishBallots"
          label="Publish the individual (anonymous) ballots with the result"
          state={state}
          defaultChecked
        />
      </fieldset>
      <FormStatus state={state} success="Election created." />
      {created && (
        <p>
          <Link href={`/elections/${created}`} className="font-medium text-brand-700 underline">
            Open the new election
          </Link>
        </p>
      )}
      <SubmitButton pending={pending}>Create the election</SubmitButton>
    </form>
  );
}
