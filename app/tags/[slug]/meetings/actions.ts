"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/action";
import { attendMeeting, recordMeeting } from "@/lib/meetings/meetings";
import { AttendMeetingSchema, RecordMeetingSchema } from "@/lib/meetings/schemas";

function refresh() {
  revalidatePath("/tags/[slug]/meetings", "page");
  revalidatePath("/contributions");
  revalidatePath("/people/[login]", "page");
}

export const recordMeetingAction = defineAction(RecordMeetingSchema, (input, actor) => recordMeeting(actor, input), {
  successMessage: (r) =>
    `Meeting recorded with ${r.attendees} attendee${r.attendees === 1 ? "" : "s"}.${r.unknown.length ? ` Not on the portal yet, so not counted: ${r.unknown.join(", ")}.` : ""}`,
  revalidate: refresh,
});

export const attendMeetingAction = defineAction(AttendMeetingSchema, (input, actor) => attendMeeting(actor, input), {
  successMessage: "Ticked. It counts once a lead of the TAG confirms it.",
  revalidate: refresh,
});
