import { personalCalendar } from "@/lib/calendar/feed";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/responses";

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
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="my-tag-portal.ics"',
      // Private to its owner: no shared cache keeps it, and the link is not sent on as a referrer.
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
