"use client";

import { ActionForm, type ActionFormProps } from "@/components/ui/action-form";
import { Field, SubmitButton, useFormAction } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { Heading } from "@/components/ui/section";
import {
  decideExceptionAction,
  endorseNominationAction,
  extendElectionWindowAction,
  moveElectionPhaseAction,
  requestExceptionAction,
  selfNominateAction,
  uploadVoterListAction,
  withdrawNominationAction,
  publishElectionAction,
  checkReceiptAction,
  cancelElectionAction,
  publishVoterRollAction,
} from "../actions";
import { TimeZoneField, TimeZoneNote } from "@/components/elections/time-zone-field";

/** How each of the election's own forms reads: what it runs, asks and says; it sends the election's id. */
const ELECTION_FORMS = {
  nominate: {
    action: selfNominateAction,
    title: "Stand in this election",
    fields: [
      {
        name: "statement",
        label: "Your statement (markdown)",
        type: "textarea",
        required: true,
        hint: "Who you are, what you have done, what you will do. Links are allowed; HTML is not.",
      },
    ],
    submit: "Nominate myself",
  },
  publishRoll: {
    action: publishVoterRollAction,
    label: "Publish the voter roll",
    compact: true,
    description: "Everyone can then read the GitHub logins on the roll and ask for a correction until voting opens.",
    submit: "Publish the voter roll for review",
  },
  voterList: {
    action: uploadVoterListAction,
    label: "Upload a voter list",
    compact: true,
    fields: [
      {
        name: "logins",
        label: "GitHub logins of voters",
        type: "textarea",
        required: true,
        hint: "One per line, or separated by commas. Each is looked up on GitHub; unknown logins are listed, not added.",
      },
    ],
    submit: "Add voters",
  },
  // Cancelling asks first and needs a reason: it cannot be undone and destroys every ballot cast.
  cancel: {
    action: cancelElectionAction,
    confirm: "Cancel this election…",
    danger: true,
    description:
      "Cancelling stops the election for good: every ballot cast is destroyed, and officers, candidates and voters are told your reason.",
    fields: [{ name: "reason", label: "Reason for cancelling", type: "textarea", required: true }],
    submit: "Cancel the election and destroy its ballots",
  },
  publish: {
    action: publishElectionAction,
    label: "Publish the result",
    description: "Publishing shows the result and its files to everyone.",
    submit: "Publish the result",
  },
} satisfies Record<string, Omit<ActionFormProps, "hidden">>;

/** One of the election's own forms (`ELECTION_FORMS`), for the election `electionId`. */
export function ElectionForm({ form, electionId }: { form: keyof typeof ELECTION_FORMS; electionId: string }) {
  return <ActionForm {...ELECTION_FORMS[form]} hidden={{ electionId }} />;
}

/** One-button forms: endorse a candidate. */
export function EndorseButton({ nominationId, who }: { nominationId: string; who: string }) {
  return (
    <ActionForm
      action={endorseNominationAction}
      hidden={{ nominationId }}
      inline
      compact
      variant="secondary"
      submit={`Endorse ${who}`}
    />
  );
}

/** Withdrawing asks first (a disclosure), as every destructive action does. */
export function WithdrawForm({ nominationId, duringVoting }: { nominationId: string; duringVoting: boolean }) {
  return (
    <ActionForm
      action={withdrawNominationAction}
      confirm="Withdraw my nomination…"
      danger
      hidden={{ nominationId }}
      description={
        duringVoting
          ? "Voting has opened: you cannot stand again. Ballots that rank you count for the next candidate each voter ranked, and the results say you withdrew."
          : "You will no longer stand in this election. You can nominate yourself again while nominations are open."
      }
      submit="Withdraw"
    />
  );
}

export function ExceptionForm({ electionId, kind }: { electionId: string; kind: "vote" | "stand" }) {
  return (
    <ActionForm
      action={requestExceptionAction}
      label={kind === "vote" ? "Ask to vote" : "Ask to stand"}
      compact
      hidden={{ electionId, kind }}
      fields={[
        {
          name: "reason",
          label: kind === "vote" ? "Why you should be able to vote" : "Why you should be able to stand",
          type: "textarea",
          required: true,
          hint: "The officers read this and grant or deny it with a reason.",
        },
      ]}
      submit="Request an exception"
    />
  );
}

export function DecideExceptionForm({ exceptionId, who }: { exceptionId: string; who: string }) {
  return (
    <ActionForm
      action={decideExceptionAction}
      label={`Decide the exception of ${who}`}
      compact
      hidden={{ exceptionId }}
      fields={[{ name: "reason", label: "Reason for the decision", required: true }]}
      submit="Decide"
      choices={[
        { name: "grant", value: "true", label: "Grant" },
        { name: "grant", value: "false", label: "Deny", variant: "danger" },
      ]}
    />
  );
}

export function MovePhaseForm({ electionId, to, label }: { electionId: string; to: string; label: string }) {
  return (
    <ActionForm
      action={moveElectionPhaseAction}
      label="Move to the next phase"
      compact
      hidden={{ electionId, to }}
      fields={[{ name: "reason", label: `Reason for moving to “${label}” now`, required: true }]}
      submit={`Move to ${label}`}
    />
  );
}

export function ExtendWindowForm({
  electionId,
  fields,
}: {
  electionId: string;
  fields: { value: string; label: string }[];
}) {
  return (
    <ActionForm
      action={extendElectionWindowAction}
      label="Extend a window"
      compact
      hidden={{ electionId }}
      fields={[
        { name: "field", label: "Window", options: fields.map((f) => [f.value, f.label] as const) },
        { name: "to", label: "New closing time", type: "datetime-local", required: true },
        { name: "reason", label: "Reason", required: true },
      ]}
      submit="Extend"
    >
      <TimeZoneField />
      <p className="text-xs text-slate-600">
        <TimeZoneNote />
      </p>
    </ActionForm>
  );
}

export function ReceiptCheckForm({ electionId }: { electionId: string }) {
  const [state, action, pending] = useFormAction(checkReceiptAction);
  const answer = state?.ok
    ? (state.data as { found: boolean; ballotsJson?: { entry: number; receiptHash: string } })
    : undefined;
  const found = answer?.found;
  return (
    <form
      action={action}
      aria-label="Check a receipt"
      className="space-y-3 rounded-xl bg-white p-6 ring-1 ring-slate-200"
    >
      <Heading>Check your receipt</Heading>
      <input type="hidden" name="electionId" value={electionId} />
      <Field idPrefix="check" name="receipt" label="Your receipt (32 characters)" state={state} required />
      <div role="status" aria-live="polite" className="text-sm">
        {found === true && (
          <Notice>
            Found: a ballot with this receipt was in the count, as you last cast or replaced it. The check cannot show
            its ranking, so that no receipt can prove to anyone how you voted.
            {answer?.ballotsJson && (
              <>
                {" "}
                It is entry {answer.ballotsJson.entry} of ballots.json (counting from 1), whose receipt hash is{" "}
                <code className="break-all font-mono">{answer.ballotsJson.receiptHash}</code>.
              </>
            )}
          </Notice>
        )}
        {found === false && (
          <Notice tone="warning">Not found: no counted ballot has this receipt. Check for typing mistakes.</Notice>
        )}
        {state && !state.ok && <Notice tone="error">{state.message}</Notice>}
      </div>
      <SubmitButton pending={pending}>Check</SubmitButton>
    </form>
  );
}
