import { personalCalendar } from "@/lib/calendar/feed";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { CALENDAR_TYPE, errorResponse, fileResponse } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/**
 * `/me/calendar/<token>.ics`: a person's own calendar, for calendar apps (no session: the private
 * token is the key). An unknown or reset token answers 404, like a link that never existed.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const token = file.endsWith(".ics") ? file.slice(0, -4) : null;
  const body = token ? await personalCalendar(token, env().NEXTAUTH_URL, await now()) : null;
  if (body === null) return errorResponse("NOT_FOUND", "No such calendar.");
  return fileResponse(body, {
    type: CALENDAR_TYPE,
    name: "my-tag-portal.ics",
    disposition: "inline",
    // Private to its owner: no shared cache keeps it, and the link is not sent on as a referrer.
    cacheControl: "private, no-store",
    headers: { "referrer-policy": "no-referrer" },
  });
}
