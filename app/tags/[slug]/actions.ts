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
import {
  AppointToRoleSchema,
  AssignmentChangeSchema,
  CancelLeaveSchema,
  CancelPendingSchema,
  LeaveSchema,
  MoveToFellowSchema,
  ResignSchema,
  RetireRoleSchema,
  RoleDefinitionSchema,
  UpdateLeaveSchema,
} from "@/lib/roles/schemas";

const refresh = () => revalidatePath("/tags/[slug]", "page");

const define = defineAction(RoleDefinitionSchema, async (input, actor) => {
  if (input.mode === "preview") return { saved: false, ...(await previewRole(actor, input)) };
  const r = await defineRole(actor, input);
  refresh();
  return r;
});

const retire = defineAction(RetireRoleSchema, async (input, actor) => {
  const r = await retireRole(actor, input);
  refresh();
  return r;
});

const resign = defineAction(ResignSchema, async (input, actor) => {
  const r = await resignSeat(actor, input);
  refresh();
  return r;
});

const cancelPending = defineAction(CancelPendingSchema, async (input, actor) => {
  const r = await cancelPendingAppointment(actor, input);
  refresh();
  return r;
});

const editLeave = defineAction(UpdateLeaveSchema, async (input, actor) => {
  const r = await updateLeave(actor, input);
  refresh();
  return r;
});

const dropLeave = defineAction(CancelLeaveSchema, async (input, actor) => {
  const r = await cancelLeave(actor, input);
  refresh();
  return r;
});

const appointRole = defineAction(AppointToRoleSchema, async (input, actor) => {
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

const fellow = defineAction(MoveToFellowSchema, async (input, actor) => {
  const r = await moveToAdvisoryFellow(actor, input);
  refresh();
  return r;
});

const leave = defineAction(
  LeaveSchema,
  async (input, actor) => {
    const r = await recordLeave(actor, input);
    refresh();
    return r;
  },
  { successMessage: "Leave recorded." },
);

export async function defineRoleAction(input: unknown) {
  return define(input);
}

export async function appointToRoleAction(input: unknown) {
  return appointRole(input);
}

export async function changeAssignmentAction(input: unknown) {
  return change(input);
}

export async function moveToAdvisoryFellowAction(input: unknown) {
  return fellow(input);
}

export async function recordLeaveAction(input: unknown) {
  return leave(input);
}

export async function retireRoleAction(input: unknown) {
  return retire(input);
}

export async function resignSeatAction(input: unknown) {
  return resign(input);
}

export async function cancelPendingAction(input: unknown) {
  return cancelPending(input);
}

export async function updateLeaveAction(input: unknown) {
  return editLeave(input);
}

export async function cancelLeaveAction(input: unknown) {
  return dropLeave(input);
}
