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

export const retireRoleAction = defineAction(RetireRoleSchema, async (input, actor) => {
  const r = await retireRole(actor, input);
  refresh();
  return r;
});

export const resignSeatAction = defineAction(ResignSchema, async (input, actor) => {
  const r = await resignSeat(actor, input);
  refresh();
  return r;
});

export const cancelPendingAction = defineAction(CancelPendingSchema, async (input, actor) => {
  const r = await cancelPendingAppointment(actor, input);
  refresh();
  return r;
});

export const updateLeaveAction = defineAction(UpdateLeaveSchema, async (input, actor) => {
  const r = await updateLeave(actor, input);
  refresh();
  return r;
});

export const cancelLeaveAction = defineAction(CancelLeaveSchema, async (input, actor) => {
  const r = await cancelLeave(actor, input);
  refresh();
  return r;
});

export const appointToRoleAction = defineAction(AppointToRoleSchema, async (input, actor) => {
  const r = await appointToRole(actor, input);
  refresh();
  return r;
});

const change = defineAction(
  AssignmentChangeSchema,
  async (input, actor) => {
    const r = await changeAssignment(actor, input);
    refresh();
    return r;
  },
  { successMessage: (r) => (r.outcome === "pending" ? "Requested: a TOC member must approve this change." : "Done.") },
);

export const moveToAdvisoryFellowAction = defineAction(MoveToFellowSchema, async (input, actor) => {
  const r = await moveToAdvisoryFellow(actor, input);
  refresh();
  return r;
});

export const recordLeaveAction = defineAction(
  LeaveSchema,
  async (input, actor) => {
    const r = await recordLeave(actor, input);
    refresh();
    return r;
  },
  { successMessage: "Leave recorded." },
);

export async function changeAssignmentAction(input: unknown) {
  return change(input);
}

export const objectToAppointmentAction = defineAction(ObjectToAppointmentSchema, async (input, actor) => {
  const r = await objectToAppointment(actor, input);
  refresh();
  return r;
});
