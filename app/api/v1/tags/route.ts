import { apiRoute, parseQuery } from "@/lib/api/http";
import { listTagsPage } from "@/lib/api/queries";
import { PageQuerySchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/** `GET /api/v1/tags`: TAGs by slug, cursor-paginated. */
export const GET = apiRoute(async (req) => ({
  json: await listTagsPage(parseQuery(PageQuerySchema, new URL(req.url).searchParams)),
}));
