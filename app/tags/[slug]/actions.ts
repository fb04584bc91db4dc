"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { defineRole } from "@/lib/roles/definitions";
import { appointLeader, requestEndOfSeat } from "@/lib/roles/leadership";
import { recordLeave } from "@/lib/roles/leaves";
import { appointToRole, changeAssignment, moveToAdvisoryFellow } from "@/lib/roles/roster";
import {
  AppointLeaderSchema,
  AppointToRoleSchema,
  AssignmentChangeSchema,
  LeaveSchema,
  MoveToFellowSchema,
  RequestEndSchema,
  RoleDefinitionSchema,
} from "@/lib/roles/schemas";

const refresh = () => revalidatePath("/tags/[slug]", "page");

const appoint = defineAction(
  AppointLeaderSchema,
  async (input, actor) => {
    const r = await appointLeader(actor, input);
    refresh();
    return r;
  },
  { successMessage: "Appointment recorded. It is pending until the TOC approves it by vote." },
);

const requestEnd = defineAction(
  RequestEndSchema,
  async (input, actor) => {
    const r = await requestEndOfSeat(actor, input);
    refresh();
    return r;
  },
  { successMessage: "End of seat requested. A TOC member will decide." },
);

const define = defineAction(RoleDefinitionSchema, async (input, actor) => {
  const r = await defineRole(actor, input);
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

export async function appointLeaderAction(input: unknown) {
  return appoint(input);
}

export async function requestEndOfSeatAction(input: unknown) {
  return requestEnd(input);
}

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
