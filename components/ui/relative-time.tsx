import { cache } from "react";
import { now } from "@/lib/clock";
import { DateTime } from "./time";

// One read of the portal clock per request, however many relative times a page shows.
const portalNow = cache(now);

/**
 * A moment as "in 3 days (12 Mar 2026, 14:05 CET)", the phrase measured from the portal clock so
 * it stays right after the demo or a test moves time forward.
 */
export async function RelativeTime({ at }: { at: Date }) {
  return <DateTime iso={at.toISOString()} now={(await portalNow()).toISOString()} />;
}
