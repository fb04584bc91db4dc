"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { appointLeader, requestEndOfSeat } from "@/lib/roles/leadership";
import { AppointLeaderSchema, RequestEndSchema } from "@/lib/roles/schemas";

const appoint = defineAction(
  AppointLeaderSchema,
  async (input, actor) => {
    const r = await appointLeader(actor, input);
    revalidatePath("/tags/[slug]", "page");
    return r;
  },
  { successMessage: "Appointment recorded. It is pending until a TOC member approves it." },
);

const requestEnd = defineAction(
  RequestEndSchema,
  async (input, actor) => {
    const r = await requestEndOfSeat(actor, input);
    revalidatePath("/tags/[slug]", "page");
    return r;
  },
  { successMessage: "End of seat requested. A TOC member will decide." },
);

export async function appointLeaderAction(input: unknown) {
  return appoint(input);
}

export async function requestEndOfSeatAction(input: unknown) {
  return requestEnd(input);
}
