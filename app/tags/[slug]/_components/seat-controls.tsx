"use client";

import { useActionState } from "react";
import { Field, FormStatus, SubmitButton, formAction } from "@/components/ui/form";
import {
  cancelLeaveAction,
  cancelPendingAction,
  changeAssignmentAction,
  moveToAdvisoryFellowAction,
  recordLeaveAction,
  resignSeatAction,
  retireRoleAction,
  updateLeaveAction,
} from "../actions";

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
        <Field compact idPrefix={p} name="change" label="Change" state={state} options={options} />
        <Field compact idPrefix={p} name="reason" label="Reason" state={state} />
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
        <Field
          compact
          idPrefix={p}
          name="roleDefinitionId"
          label="Fellow role"
          state={state}
          options={fellowRoles.map((r) => [r.id, r.label] as const)}
        />
        <Field compact idPrefix={p} name="decisionLink" label="Where it was decided (URL)" type="url" state={state} />
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
        <Field compact idPrefix={p} name="from" label="From" type="date" state={state} required />
        <Field compact idPrefix={p} name="to" label="To" type="date" state={state} required />
        <Field compact idPrefix={p} name="note" label="Note" state={state} />
        <Field
          compact
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

/** A leave already recorded: change its dates, note or cover, or cancel it. */
export function LeaveEditForm({
  leave,
  whose,
}: {
  leave: { id: string; from: string; to: string; note: string; coverLogin: string };
  /** "your" or "@login's". */
  whose: string;
}) {
  const [state, action, pending] = useActionState(formAction(updateLeaveAction), null);
  const [cancelState, cancel, cancelling] = useActionState(formAction(cancelLeaveAction), null);
  const p = `leave-edit-${leave.id}`;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 underline">
        Change or cancel {whose} leave from {leave.from} to {leave.to}…
      </summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="leaveId" value={leave.id} />
        <Field
          compact
          idPrefix={p}
          name="from"
          label="From"
          type="date"
          state={state}
          required
          defaultValue={leave.from}
        />
        <Field compact idPrefix={p} name="to" label="To" type="date" state={state} required defaultValue={leave.to} />
        <Field compact idPrefix={p} name="note" label="Note" state={state} defaultValue={leave.note} />
        <Field
          compact
          idPrefix={p}
          name="coverLogin"
          label="Covered by (their GitHub handle)"
          state={state}
          defaultValue={leave.coverLogin}
          hint="Needed for a leave of 30 days or more."
        />
        <FormStatus state={state} success="Leave changed." />
        <SubmitButton pending={pending}>Save the leave</SubmitButton>
      </form>
      <form action={cancel} className="mt-2 space-y-2">
        <input type="hidden" name="leaveId" value={leave.id} />
        <FormStatus state={cancelState} success="Leave cancelled." />
        <SubmitButton pending={cancelling} danger>
          Cancel this leave
        </SubmitButton>
      </form>
    </details>
  );
}

/** The holder resigns their own seat (ends at once; the TAG's leads and the TOC are told). */
export function ResignForm({ assignmentId, role }: { assignmentId: string; role: string }) {
  const [state, action, pending] = useActionState(formAction(resignSeatAction), null);
  const p = `resign-${assignmentId}`;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 underline">Resign as {role}…</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <Field compact idPrefix={p} name="reason" label="Why you step down" state={state} required />
        <FormStatus state={state} success="You resigned. The TAG's leads and the TOC were told." />
        <SubmitButton pending={pending} danger>
          Resign now
        </SubmitButton>
      </form>
    </details>
  );
}

/** A lead withdraws an appointment still awaiting the TOC. */
export function CancelPendingForm({ assignmentId, who }: { assignmentId: string; who: string }) {
  const [state, action, pending] = useActionState(formAction(cancelPendingAction), null);
  const p = `cancel-${assignmentId}`;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 underline">Withdraw {who}&apos;s appointment…</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <Field compact idPrefix={p} name="reason" label="Reason" state={state} />
        <FormStatus state={state} success="Appointment withdrawn." />
        <SubmitButton pending={pending} danger>
          Withdraw
        </SubmitButton>
      </form>
    </details>
  );
}

/** Retires a role: no new seats; the seats held run to their term end. */
export function RetireRoleForm({ tagId, roleKey, name }: { tagId: string; roleKey: string; name: string }) {
  const [state, action, pending] = useActionState(formAction(retireRoleAction), null);
  return (
    <form action={action} className="space-y-2" aria-label={`Retire ${name}`}>
      <input type="hidden" name="tagId" value={tagId} />
      <input type="hidden" name="roleKey" value={roleKey} />
      <FormStatus state={state} success="Retired: no new seats; the seats held run to their term end." />
      <SubmitButton pending={pending} danger>
        Retire {name}
      </SubmitButton>
    </form>
  );
}
