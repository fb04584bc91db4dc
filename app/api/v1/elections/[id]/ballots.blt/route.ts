import { apiRoute } from "@/lib/api/http";
import { getBallotsBlt } from "@/lib/api/queries";

export const dynamic = "force-dynamic";

/** `GET /api/v1/elections/{id}/ballots.blt`: the published ballots, when the election publishes them. */
export const GET = apiRoute<{ id: string }>(async (_req, { id }) => ({
  text: await getBallotsBlt(id),
  contentType: "text/plain; charset=utf-8",
}));
