import { electionCalendarForTag } from "@/lib/elections/calendar";
import { env } from "@/lib/env";
import { CALENDAR_TYPE, errorResponse, fileResponse } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** A TAG's election phases as iCalendar (public, like the TAG page); subscribe from any calendar. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const body = await electionCalendarForTag(slug, env().NEXTAUTH_URL);
  if (body === null) return errorResponse("NOT_FOUND", "No such TAG.");
  return fileResponse(body, {
    type: CALENDAR_TYPE,
    name: `tag-${slug}-elections.ics`,
    disposition: "inline",
    cacheControl: "public, max-age=300",
  });
}
