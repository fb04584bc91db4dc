import { getActor } from "@/lib/auth/actor";
import { getArtifact } from "@/lib/elections/queries";
import { answeringAppErrors, errorResponse, fileResponse } from "@/lib/http/responses";
import { parseId } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

const FILES = new Set(["matrix.json", "rules.json", "result.json", "ballots.json", "ballots.blt"]);

/** An election's published file, with the results' visibility rules (officers and TOC before publication). */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id: rawId, file } = await params;
  const id = parseId(rawId);
  if (!id || !FILES.has(file)) return errorResponse("NOT_FOUND", "No such file.");
  return answeringAppErrors(async () => {
    const a = await getArtifact(id, file, await getActor());
    return fileResponse(a.content, {
      type: a.contentType,
      name: file,
      disposition: "inline",
      headers: { "x-content-sha256": a.sha256 },
    });
  });
}
