import { now } from "@/lib/clock";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse, fileResponse } from "@/lib/http/responses";
import { exportPersonData } from "@/lib/people/export";

export const dynamic = "force-dynamic";

/**
 * "Export my data": everything the portal holds about the signed-in person, as one JSON file.
 * Only ever the caller's own data: there is no parameter naming whose.
 */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return errorResponse("UNAUTHENTICATED", "Sign in to export your data.");
  const data = await exportPersonData(user.id, await now());
  if (!data) return errorResponse("NOT_FOUND", "No such person.");
  return fileResponse(JSON.stringify(data, null, 2), {
    type: "application/json; charset=utf-8",
    name: `tag-portal-${user.login}.json`,
  });
}
