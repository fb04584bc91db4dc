import { z } from "zod";
import { httpUrl } from "@/lib/vocabulary";

/** Days after a meeting in which people tick their own attendance. */
export const TICK_DAYS = 7;

export const RecordMeetingSchema = z.strictObject({
  tagId: z.uuid("Unknown TAG"),
  heldOn: z.coerce.date({ message: "Enter the meeting's date" }),
  notesUrl: httpUrl("Link the meeting notes (http:// or https://)"),
  /** Logins pasted from the notes' attendee list: newline, comma or space separated, "@" optional. */
  attendees: z.string().max(20_000, "Paste at most 20,000 characters").default(""),
});
export type RecordMeetingInput = z.infer<typeof RecordMeetingSchema>;

export const AttendMeetingSchema = z.strictObject({ meetingId: z.uuid("Unknown meeting") });
export type AttendMeetingInput = z.infer<typeof AttendMeetingSchema>;
