"use client";

import { ActionForm, type ActionFormProps } from "@/components/ui/action-form";
import { Fields, FormStatus, SubmitButton, type FieldSpec, useFormAction } from "@/components/ui/form";
import {
  cancelLeaveAction,
  cancelPendingAction,
  changeAssignmentAction,
  moveToAdvisoryFellowAction,
  objectToAppointmentAction,
  recordLeaveAction,
  resignSeatAction,
  retireRoleAction,
  updateLeaveAction,
} from "../actions";

/** The date fields of a leave, with what they hold at first (a leave being changed). */
const leaveFields = (leave?: { from: string; to: string; note: string; coverLogin: string }): FieldSpec[] => [
  { name: "from", label: "From", type: "date", required: true, defaultValue: leave?.from },
  { name: "to", label: "To", type: "date", required: true, defaultValue: leave?.to },
  { name: "note", label: "Note", defaultValue: leave?.note },
  {
    name: "coverLogin",
    label: "Covered by (their GitHub handle)",
    defaultValue: leave?.coverLogin,
    hint: "Needed for a leave of 30 days or more.",
  },
];

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
  const options = [
    ...(renewable ? ([["renew", "Renew for another term"]] as const) : []),
    ["end", "End the seat"],
    ["emeritus", "Move to emeritus"],
  ] as const;
  return (
    <ActionForm
      action={changeAssignmentAction}
      confirm={`Change ${who}'s role…`}
      className="mt-2"
      compact
      hidden={{ assignmentId }}
      fields={[
        { name: "change", label: "Change", options },
        { name: "reason", label: "Reason" },
      ]}
      success="Done."
      submit="Apply"
    />
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
  return (
    <ActionForm
      action={moveToAdvisoryFellowAction}
      confirm={`Move ${who} to Advisory Fellow…`}
      className="mt-2"
      compact
      hidden={{ assignmentId }}
      fields={[
        { name: "roleDefinitionId", label: "Fellow role", options: fellowRoles.map((r) => [r.id, r.label] as const) },
        { name: "decisionLink", label: "Where it was decided (URL)", type: "url" },
      ]}
      success="Moved."
      submit="Move"
    />
  );
}

/** A leave of absence: the holder for themselves, or a lead for anyone. */
export function LeaveForm({ assignmentId, who, own }: { assignmentId: string; who: string; own: boolean }) {
  return (
    <ActionForm
      action={recordLeaveAction}
      confirm={own ? "Record a leave of absence…" : `Record a leave for ${who}…`}
      className="mt-2"
      compact
      hidden={{ assignmentId }}
      fields={leaveFields()}
      submit="Record leave"
    />
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
  const [state, action, pending] = useFormAction(updateLeaveAction);
  const [cancelState, cancel, cancelling] = useFormAction(cancelLeaveAction);
  const p = `leave-edit-${leave.id}`;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand-700 underline">
        Change or cancel {whose} leave from {leave.from} to {leave.to}…
      </summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="leaveId" value={leave.id} />
        <Fields specs={leaveFields(leave)} state={state} idPrefix={p} compact />
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

/**
 * How each seat's one-question form reads: what it runs, what its disclosure asks about `about` (the
 * person, or for a resignation the role), what it asks and says; it sends the seat's id.
 */
const SEAT_FORMS = {
  // The holder resigns their own seat (ends at once; the TAG's leads and the TOC are told).
  resign: {
    action: resignSeatAction,
    confirm: (role: string) => `Resign as ${role}…`,
    danger: true,
    fields: [{ name: "reason", label: "Why you step down", required: true }],
    success: "You resigned. The TAG's leads and the TOC were told.",
    submit: "Resign now",
  },
  // A lead withdraws an appointment still awaiting the TOC.
  cancelPending: {
    action: cancelPendingAction,
    confirm: (who: string) => `Withdraw ${who}'s appointment…`,
    danger: true,
    fields: [{ name: "reason", label: "Reason" }],
    success: "Appointment withdrawn.",
    submit: "Withdraw",
  },
  // An objection to a consensus appointment (shown only to those active in the TAG while its window is open).
  object: {
    action: objectToAppointmentAction,
    confirm: (who: string) => `Object to ${who}'s appointment…`,
    fields: [{ name: "reason", label: "Why you object", required: true }],
    success: "Objection recorded: the appointment goes to a TOC decision.",
    submit: "Object",
  },
} satisfies Record<string, Omit<ActionFormProps, "confirm" | "hidden"> & { confirm: (about: string) => string }>;

/** One of the seat's own forms (`SEAT_FORMS`), for the seat `assignmentId`, behind a disclosure naming `about`. */
export function SeatForm({
  form,
  assignmentId,
  about,
}: {
  form: keyof typeof SEAT_FORMS;
  assignmentId: string;
  about: string;
}) {
  const { confirm, ...props } = SEAT_FORMS[form];
  return <ActionForm {...props} confirm={confirm(about)} className="mt-2" compact hidden={{ assignmentId }} />;
}

/** Retires a role: no new seats; the seats held run to their term end. */
export function RetireRoleForm({ tagId, roleKey, name }: { tagId: string; roleKey: string; name: string }) {
  const [state, action, pending] = useFormAction(retireRoleAction);
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
