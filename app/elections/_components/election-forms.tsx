"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton, formAction } from "@/components/ui/form";
import {
  decideExceptionAction,
  endorseNominationAction,
  extendElectionWindowAction,
  moveElectionPhaseAction,
  requestExceptionAction,
  selfNominateAction,
  uploadVoterListAction,
  withdrawNominationAction,
  approveElectionAction,
  sendBackElectionAction,
  publishElectionAction,
  checkReceiptAction,
} from "../actions";
import { TimeZoneField, TimeZoneNote } from "@/components/elections/time-zone-field";

const box = "space-y-3 rounded-xl bg-white p-6 ring-1 ring-slate-200";

export function NominateForm({ electionId }: { electionId: string }) {
  const [state, action, pending] = useActionState(formAction(selfNominateAction), null);
  return (
    <form action={action} aria-label="Stand in this election" className={box}>
      <h3 className="text-lg font-semibold text-slate-900">Stand in this election</h3>
      <input type="hidden" name="electionId" value={electionId} />
      <Field
        idPrefix="nominate"
        name="statement"
        label="Your statement (markdown)"
        hint="Who you are, what you have done, what you will do. Links are allowed; HTML is not."
        state={state}
        textarea
        required
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Nominate myself</SubmitButton>
    </form>
  );
}

/** One-button forms: endorse a candidate. */
export function EndorseButton({ nominationId, who }: { nominationId: string; who: string }) {
  const [state, action, pending] = useActionState(formAction(endorseNominationAction), null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="nominationId" value={nominationId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-brand-800 ring-1 ring-brand-300 hover:bg-brand-50 disabled:opacity-60"
      >
        Endorse {who}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** Withdrawing asks first (a disclosure), as every destructive action does. */
export function WithdrawForm({ nominationId }: { nominationId: string }) {
  const [state, action, pending] = useActionState(formAction(withdrawNominationAction), null);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-800 underline">Withdraw my nomination…</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="nominationId" value={nominationId} />
        <p className="text-slate-700">
          You will no longer stand in this election. You can nominate yourself again while nominations are open.
        </p>
        <FormStatus state={state} />
        <SubmitButton pending={pending} danger>
          Withdraw
        </SubmitButton>
      </form>
    </details>
  );
}

export function ExceptionForm({ electionId, kind }: { electionId: string; kind: "vote" | "stand" }) {
  const [state, action, pending] = useActionState(formAction(requestExceptionAction), null);
  return (
    <form action={action} aria-label={kind === "vote" ? "Ask to vote" : "Ask to stand"} className="space-y-2">
      <input type="hidden" name="electionId" value={electionId} />
      <input type="hidden" name="kind" value={kind} />
      <Field
        idPrefix={`exception-${kind}`}
        name="reason"
        label={kind === "vote" ? "Why you should be able to vote" : "Why you should be able to stand"}
        hint="The officers read this and grant or deny it with a reason."
        state={state}
        textarea
        required
        compact
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Request an exception</SubmitButton>
    </form>
  );
}

export function DecideExceptionForm({ exceptionId, who }: { exceptionId: string; who: string }) {
  const [state, action, pending] = useActionState(formAction(decideExceptionAction), null);
  return (
    <form action={action} aria-label={`Decide the exception of ${who}`} className="space-y-2">
      <input type="hidden" name="exceptionId" value={exceptionId} />
      <Field
        idPrefix={`decide-${exceptionId}`}
        name="reason"
        label="Reason for the decision"
        state={state}
        required
        compact
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          name="grant"
          value="true"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          Grant
        </button>
        <button
          type="submit"
          name="grant"
          value="false"
          disabled={pending}
          className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-red-800 ring-1 ring-red-300 hover:bg-red-50 disabled:opacity-60"
        >
          Deny
        </button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}

export function MovePhaseForm({ electionId, to, label }: { electionId: string; to: string; label: string }) {
  const [state, action, pending] = useActionState(formAction(moveElectionPhaseAction), null);
  return (
    <form action={action} aria-label="Move to the next phase" className="space-y-2">
      <input type="hidden" name="electionId" value={electionId} />
      <input type="hidden" name="to" value={to} />
      <Field
        idPrefix="move"
        name="reason"
        label={`Reason for moving to “${label}” now`}
        state={state}
        required
        compact
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Move to {label}</SubmitButton>
    </form>
  );
}

export function ExtendWindowForm({
  electionId,
  fields,
}: {
  electionId: string;
  fields: { value: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(formAction(extendElectionWindowAction), null);
  return (
    <form action={action} aria-label="Extend a window" className="space-y-2">
      <input type="hidden" name="electionId" value={electionId} />
      <TimeZoneField />
      <div>
        <label htmlFor="extend-field" className="block text-sm font-medium text-slate-800">
          Window
        </label>
        <select
          id="extend-field"
          name="field"
          defaultValue={state?.values?.field}
          className="mt-1 rounded-md border border-slate-300 px-2 py-1"
        >
          {fields.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <Field
        idPrefix="extend"
        name="to"
        type="datetime-local"
        label="New closing time"
        state={state}
        required
        compact
      />
      <p className="text-xs text-slate-600">
        <TimeZoneNote />
      </p>
      <Field idPrefix="extend" name="reason" label="Reason" state={state} required compact />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Extend</SubmitButton>
    </form>
  );
}

export function VoterListForm({ electionId }: { electionId: string }) {
  const [state, action, pending] = useActionState(formAction(uploadVoterListAction), null);
  return (
    <form action={action} aria-label="Upload a voter list" className="space-y-2">
      <input type="hidden" name="electionId" value={electionId} />
      <Field
        idPrefix="voters"
        name="logins"
        label="GitHub logins of voters"
        hint="One per line, or separated by commas. Each is looked up on GitHub; unknown logins are listed, not added."
        state={state}
        textarea
        required
        compact
      />
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Add voters</SubmitButton>
    </form>
  );
}

export function ApproveForm({ electionId }: { electionId: string }) {
  const [state, action, pending] = useActionState(formAction(approveElectionAction), null);
  return (
    <form action={action} aria-label="Approve the result" className="space-y-2">
      <input type="hidden" name="electionId" value={electionId} />
      <p className="text-sm text-slate-700">
        Approving gives the winners their seats on the roster (terms from the cycle date) and ends the seats this
        election replaces.
      </p>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Approve the result</SubmitButton>
    </form>
  );
}

export function SendBackForm({ electionId }: { electionId: string }) {
  const [state, action, pending] = useActionState(formAction(sendBackElectionAction), null);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-red-800 underline">Send the result back to the officers…</summary>
      <form action={action} aria-label="Send the result back" className="mt-2 space-y-2">
        <input type="hidden" name="electionId" value={electionId} />
        <Field
          idPrefix="sendback"
          name="reason"
          label="What the officers should look at"
          state={state}
          textarea
          required
          compact
        />
        <FormStatus state={state} />
        <SubmitButton pending={pending} danger>
          Send back
        </SubmitButton>
      </form>
    </details>
  );
}

export function PublishForm({ electionId }: { electionId: string }) {
  const [state, action, pending] = useActionState(formAction(publishElectionAction), null);
  return (
    <form action={action} aria-label="Publish the result" className="space-y-2">
      <input type="hidden" name="electionId" value={electionId} />
      <p className="text-sm text-slate-700">Publishing shows the result and its files to everyone.</p>
      <FormStatus state={state} />
      <SubmitButton pending={pending}>Publish the result</SubmitButton>
    </form>
  );
}

export function ReceiptCheckForm({ electionId }: { electionId: string }) {
  const [state, action, pending] = useActionState(formAction(checkReceiptAction), null);
  const found = state?.ok ? (state.data as { found: boolean }).found : undefined;
  return (
    <form action={action} aria-label="Check a receipt" className={box}>
      <h2 className="text-xl font-semibold text-slate-900">Check your receipt</h2>
      <input type="hidden" name="electionId" value={electionId} />
      <Field idPrefix="check" name="receipt" label="Your receipt (32 characters)" state={state} required />
      <div role="status" aria-live="polite" className="text-sm">
        {found === true && (
          <p className="rounded-md bg-green-50 p-2 text-green-900 ring-1 ring-green-200">
            Found: your ballot was counted.
          </p>
        )}
        {found === false && (
          <p className="rounded-md bg-amber-50 p-2 text-amber-900 ring-1 ring-amber-200">
            Not found: no counted ballot has this receipt. Check for typing mistakes.
          </p>
        )}
        {state && !state.ok && (
          <p className="rounded-md bg-red-50 p-2 text-red-900 ring-1 ring-red-200">{state.message}</p>
        )}
      </div>
      <SubmitButton pending={pending}>Check</SubmitButton>
    </form>
  );
}
