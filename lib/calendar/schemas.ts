import { z } from "zod";

/**
 * Resetting the calendar link says so (`intent`, a hidden field of its form): the old link stops
 * working at once, so a call carrying anything else, or nothing, changes nothing.
 */
export const ResetCalendarSchema = z.strictObject({
  intent: z.literal("reset-calendar", { error: "Use the calendar form to make or reset the link." }),
});
