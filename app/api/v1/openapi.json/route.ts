import { apiRoute } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of the public API. */
export const GET = apiRoute(async () => ({ json: openApiDocument(env().NEXTAUTH_URL) }));
