"use client";

import Link from "next/link";
import {
  CheckboxField,
  CheckboxGroup,
  Field,
  Fields,
  FormStatus,
  SubmitButton,
  numberField,
  type FieldSpec,
  type Options,
  type ServerAction,
  useFormAction,
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

const WINDOWS = [
  ["nominationsOpenAt", "Nominations open"],
  ["nominationsCloseAt", "Nominations close"],
  ["votingOpenAt", "Voting opens"],
  ["votingCloseAt", "Voting closes"],
] as const;

const CANDIDATE_RULES: Options = [
  ["contributions", "Members with enough contributions"],
  ["any-member", "Any member"],
];

const METHODS: Options = [
  ["schulze", "Schulze (default; ties allowed on ballots)"],
  ["stv", "Single transferable vote (ballots are always published)"],
];

const CANDIDATES: FieldSpec[] = [
  numberField("candidateMinRecords", "Candidates: minimum contributions", 3),
  numberField("candidateWindowMonths", "Candidates: in the last (months)", 12),
  numberField("endorsementsRequired", "Endorsements required", 0, "0 for none; Kubernetes asks for three."),
  numberField("endorsementEmployers", "From how many different employers", 0),
];

const VOTERS: FieldSpec[] = [
  numberField(
    "voterMinRecords",
    "Members with at least this many contributions",
    null,
    "Leave empty for no contribution rule.",
  ),
  numberField("voterWindowMonths", "In the last (months)"),
];

const VOTER_LIST_HINT = "One per line or comma separated; each is looked up on GitHub. You can add more later.";

const LIMITS: FieldSpec[] = [
  numberField("maxPerEmployer", "At most per employer"),
  ...REGIONS.map((r) => numberField(`max${r}`, `At most from ${r}`)),
  ...REGIONS.map((r) => numberField(`min${r}`, `At least from ${r}`)),
];

/** A part of the set-up form with its legend. */
function Part({ legend, children }: { legend: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-3">
      <legend className="font-semibold text-slate-900">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The officer's set-up form: role and seats come prefilled from the page; everything is editable until nominations open. */
/** `create` is the elections route's `createElectionAction`. */
export function SetupForm({
  defaults,
  roleName,
  coOfficers,
  create,
}: {
  defaults: SetupDefaults;
  roleName: string;
  /** The TAG's other leads, who may run the election with the one setting it up. */
  coOfficers: Options;
  create: ServerAction;
}) {
  const [state, action, pending] = useFormAction(create);
  const created = state?.ok ? (state.data as { id: string }).id : null;
  const seats = SEAT_REGIONS.map((r) =>
    numberField(`seats${r}`, r === "any" ? "Seats for any region" : `${r} seats`, defaults.seats[r]),
  );
  const windows: FieldSpec[] = WINDOWS.map(([name, label]) => ({
    name,
    label,
    type: "datetime-local",
    defaultValue: defaults[name],
    required: true,
  }));
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
      <Field
        name="description"
        label="Description (markdown)"
        hint="What this election is for: the seats, the TAG, where to discuss it. Shown at the top of the election page."
        state={state}
        textarea
      />
      <Field
        name="votingGuide"
        label="Voting guide (markdown)"
        hint="How to vote: ranking, ties, receipts, where to ask questions. Shown on the election page."
        state={state}
        textarea
      />
      <Part legend="Officers">
        <p className="text-sm text-slate-600">
          You are an officer. Co-officers run the election with you (decide exceptions, move phases, cancel); officers
          cannot stand.
        </p>
        {coOfficers.length ? (
          <CheckboxGroup name="officerIds" legend="Co-officers" options={coOfficers} checked={[]} state={state} />
        ) : (
          <p className="text-sm text-slate-600">This TAG has no other chair or tech lead to add as a co-officer.</p>
        )}
        <CheckboxField
          name="isTest"
          label="Test election (a rehearsal: ballots are discarded at close and the result is marked as a test)"
          state={state}
        />
      </Part>
      <Part legend={`Seats this cycle (${roleName})`}>
        <p className="text-sm text-slate-600">
          Prefilled with the seats whose terms end before the cycle date, by region, plus vacant seats. Seats of a
          region are reserved for candidates of that region.
        </p>
        <Fields specs={seats} state={state} columns={4} compact />
        <Field
          name="cycleDate"
          type="date"
          label="Cycle date (terms start)"
          state={state}
          defaultValue={defaults.cycleDate}
          required
        />
      </Part>
      <Part legend="Windows">
        <p className="text-sm text-slate-600">
          <TimeZoneNote /> Rules freeze when nominations open; after that you can only extend a window or move a phase,
          with a reason.
        </p>
        <Fields specs={windows} state={state} columns={2} />
        <Field
          name="exceptionDueAt"
          type="datetime-local"
          label="Exception requests until (optional)"
          hint="After this time nobody can ask to vote or stand despite the rules. Empty: until voting closes."
          state={state}
        />
      </Part>
      <Part legend="Who may stand">
        <Field
          name="candidateRule"
          label="Candidate rule"
          state={state}
          defaultValue="contributions"
          options={CANDIDATE_RULES}
        />
        <Fields specs={CANDIDATES} state={state} columns={2} />
      </Part>
      <Part legend="Who may vote">
        <CheckboxField
          name="votersIncludeLeaders"
          label="The TAG's chairs and tech leads"
          state={state}
          defaultChecked
        />
        <Fields specs={VOTERS} state={state} columns={2} />
        <Field
          name="voterLogins"
          label="And these GitHub logins (voter list)"
          hint={VOTER_LIST_HINT}
          state={state}
          textarea
        />
        <p className="text-sm text-slate-600">Anyone else may ask the officers for an exception.</p>
      </Part>
      <Part legend="Count">
        <Field name="method" label="Method" state={state} defaultValue="schulze" options={METHODS} />
        <Fields specs={LIMITS} state={state} columns={4} compact />
        <CheckboxField
          name="publishBallots"
          label="Publish the individual (anonymous) ballots with the result"
          state={state}
          defaultChecked
        />
      </Part>
      <FormStatus state={state} success="Election created." />
      {created && (
        <p>
          <Link href={`/elections/${created}`} className="font-medium text-brand-700 underline">
            Open the new election
          </Link>
        </p>
      )}
      {/* Once created (with the voter list's report to read) there is no button to create it again. */}
      {!created && <SubmitButton pending={pending}>Create the election</SubmitButton>}
    </form>
  );
}
