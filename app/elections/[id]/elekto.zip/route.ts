import { getActor } from "@/lib/auth/actor";
import { exportElektoZip } from "@/lib/elections/elekto-upload";
import { answeringAppErrors, errorResponse, fileResponse } from "@/lib/http/responses";
import { parseId } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

/** The election as an Elekto folder (zip) for its officers: what `/elections/import` reads back. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (!id) return errorResponse("NOT_FOUND", "No such election.");
  return answeringAppErrors(async () => {
    const { fileName, bytes } = await exportElektoZip(await getActor(), id);
    return fileResponse(Buffer.from(bytes), { type: "application/zip", name: fileName });
  });
}
