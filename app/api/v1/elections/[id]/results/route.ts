import { apiRoute } from "@/lib/api/http";
import { getElectionResults } from "@/lib/api/queries";

export const dynamic = "force-dynamic";

/** `GET /api/v1/elections/{id}/results`: the published files, only once the election is published. */
export const GET = apiRoute<{ id: string }>(async (_req, { id }) => ({ json: await getElectionResults(id) }));
