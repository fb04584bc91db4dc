import { z } from "zod";
import { apiRoute, parseQuery } from "@/lib/api/http";
import { listElectionsPage } from "@/lib/api/queries";
import { PageQuerySchema } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

const Query = PageQuerySchema.extend({
  tag: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "A TAG slug is lower-case letters, digits and dashes")
    .optional(),
});

/** `GET /api/v1/elections`: elections past their draft, newest first. */
export const GET = apiRoute(async (req) => ({
  json: await listElectionsPage(parseQuery(Query, new URL(req.url).searchParams)),
}));
