import { z } from "zod";

/** Resetting the calendar link takes nothing but the click (and the person signed in). */
export const ResetCalendarSchema = z.strictObject({});
