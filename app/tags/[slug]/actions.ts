"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { defineRole, previewRole, retireRole } from "@/lib/roles/definitions";
import { cancelLeave, recordLeave, updateLeave } from "@/lib/roles/leaves";
import {
  appointToRole,
  cancelPendingAppointment,
  changeAssignment,
  moveToAdvisoryFellow,
  resignSeat,
} from "@/lib/roles/roster";
import { objectToAppointment } from "@/lib/roles/consensus";
import {
  AppointToRoleSchema,
  AssignmentChangeSchema,
  CancelLeaveSchema,
  CancelPendingSchema,
  LeaveSchema,
  MoveToFellowSchema,
  ObjectToAppointmentSchema,
  ResignSchema,
  RetireRoleSchema,
  RoleDefinitionSchema,
  UpdateLeaveSchema,
} from "@/lib/roles/schemas";

const refresh = () => revalidatePath("/tags/[slug]", "page");

export const defineRoleAction = defineAction(RoleDefinitionSchema, async (input, actor) => {
  if (input.mode === "preview") return { saved: false, ...(await previewRole(actor, input)) };
  const r = await defineRole(actor, input);
  refresh();
  return r;
});

export const retireRoleAction = defineAction(RetireRoleSchema, (input, actor) => retireRole(actor, input), {
  revalidate: refresh,
});

export const resignSeatAction = defineAction(ResignSchema, (input, actor) => resignSeat(actor, input), {
  revalidate: refresh,
});

export const cancelPendingAction = defineAction(
  CancelPendingSchema,
  (input, actor) => cancelPendingAppointment(actor, input),
  { revalidate: refresh },
);

export const updateLeaveAction = defineAction(UpdateLeaveSchema, (input, actor) => updateLeave(actor, input), {
  revalidate: refresh,
});

export const cancelLeaveAction = defineAction(CancelLeaveSchema, (input, actor) => cancelLeave(actor, input), {
  revalidate: refresh,
});

export const appointToRoleAction = defineAction(AppointToRoleSchema, (input, actor) => appointToRole(actor, input), {
  revalidate: refresh,
});

const change = defineAction(AssignmentChangeSchema, (input, actor) => changeAssignment(actor, input), {
  successMessage: (r) => (r.outcome === "pending" ? "Requested: a TOC member must approve this change." : "Done."),
  revalidate: refresh,
});

export const moveToAdvisoryFellowAction = defineAction(
  MoveToFellowSchema,
  (input, actor) => moveToAdvisoryFellow(actor, input),
  { revalidate: refresh },
);

export const recordLeaveAction = defineAction(LeaveSchema, (input, actor) => recordLeave(actor, input), {
  successMessage: "Leave recorded.",
  revalidate: refresh,
});

export async function changeAssignmentAction(input: unknown) {
  return change(input);
}

export const objectToAppointmentAction = defineAction(
  ObjectToAppointmentSchema,
  (input, actor) => objectToAppointment(actor, input),
  { revalidate: refresh },
);
