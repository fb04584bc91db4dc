import { apiRoute } from "@/lib/api/http";
import { getTagDetail } from "@/lib/api/queries";

export const dynamic = "force-dynamic";

/** `GET /api/v1/tags/{slug}`: one TAG with its roles and roster. */
export const GET = apiRoute<{ slug: string }>(async (_req, { slug }, at) => ({ json: await getTagDetail(slug, at) }));
