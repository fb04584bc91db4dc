"use client";

import { useActionState } from "react";
import { FormStatus, SubmitButton, formAction } from "@/components/ui/form";
import { changeAssignmentAction, moveToAdvisoryFellowAction, recordLeaveAction } from "../actions";
import { ScopedInput, ScopedSelect } from "./inputs";

/** Renew, end or move to emeritus (leads; the server refuses changes to one's own seat). */
export function SeatChangeForm({
  assignmentId,
  who,
  renewable,
}: {
  assignmentId: string;
  who: string;
  renewable: boolean;
}) {
  const [state, action, pending] = useActionState(formAction(changeAssignmentAction), null);
  const p = `change-${assignmentId}`;
  const options = [
    ...(renewable ? ([["renew", "Renew for another term"]] as const) : []),
    ["end", "End the seat"],
    ["emeritus", "Move to emeritus"],
  ] as const;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 underline">Change {who}&apos;s role…</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <ScopedSelect idPrefix={p} name="change" label="Change" state={state} options={options} />
        <ScopedInput idPrefix={p} name="reason" label="Reason" state={state} />
        <FormStatus state={state} success="Done." />
        <SubmitButton pending={pending}>Apply</SubmitButton>
      </form>
    </details>
  );
}

export function MoveToFellowForm({
  assignmentId,
  who,
  fellowRoles,
}: {
  assignmentId: string;
  who: string;
  fellowRoles: { id: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(formAction(moveToAdvisoryFellowAction), null);
  const p = `fellow-${assignmentId}`;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 underline">Move {who} to Advisory Fellow…</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <ScopedSelect
          idPrefix={p}
          name="roleDefinitionId"
          label="Fellow role"
          state={state}
          options={fellowRoles.map((r) => [r.id, r.label] as const)}
        />
        <ScopedInput idPrefix={p} name="decisionLink" label="Where it was decided (URL)" type="url" state={state} />
        <FormStatus state={state} success="Moved." />
        <SubmitButton pending={pending}>Move</SubmitButton>
      </form>
    </details>
  );
}

/** A leave of absence: the holder for themselves, or a lead for anyone. */
export function LeaveForm({ assignmentId, who, own }: { assignmentId: string; who: string; own: boolean }) {
  const [state, action, pending] = useActionState(formAction(recordLeaveAction), null);
  const p = `leave-${assignmentId}`;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 underline">
        {own ? "Record a leave of absence…" : `Record a leave for ${who}…`}
      </summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <ScopedInput idPrefix={p} name="from" label="From" type="date" state={state} required />
        <ScopedInput idPrefix={p} name="to" label="To" type="date" state={state} required />
        <ScopedInput idPrefix={p} name="note" label="Note" state={state} />
        <ScopedInput
          idPrefix={p}
          name="coverLogin"
          label="Covered by (their GitHub handle)"
          state={state}
          hint="Needed for a leave of 30 days or more."
        />
        <FormStatus state={state} />
        <SubmitButton pending={pending}>Record leave</SubmitButton>
      </form>
    </details>
  );
}
