import { apiRoute } from "@/lib/api/http";
import { listHelpWantedPage } from "@/lib/api/queries";

export const dynamic = "force-dynamic";

/** `GET /api/v1/help-wanted`: the board, with the board's query parameters (docs/architecture.md, "Board parameters"). */
export const GET = apiRoute(async (req, _params, at) => ({
  json: await listHelpWantedPage(new URL(req.url).searchParams, at),
}));
