import { apiRoute } from "@/lib/api/http";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * Any `/api/v1` path no route serves: the API's JSON 404 rather than the HTML not-found page, for
 * every method, so a client's typo fails the way the documented errors do (docs/decisions/009).
 */
const answer = apiRoute(async (req) => {
  throw new AppError("NOT_FOUND", `No such endpoint: ${new URL(req.url).pathname}. See /api/v1/openapi.json.`);
});

function notFound(req: Request, _ctx: { params: Promise<{ path: string[] }> }): Promise<Response> {
  return answer(req, { params: Promise.resolve({}) });
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
