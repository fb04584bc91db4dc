import { getActor } from "@/lib/auth/actor";
import { exportElektoZip } from "@/lib/elections/elekto-upload";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/responses";
import { parseId } from "@/lib/vocabulary";

export const dynamic = "force-dynamic";

/** The election as an Elekto folder (zip) for its officers: what `/elections/import` reads back. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (!id) return errorResponse("NOT_FOUND", "No such election.");
  try {
    const { fileName, bytes } = await exportElektoZip(await getActor(), id);
    return new Response(Buffer.from(bytes), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof AppError) return errorResponse(e.code, e.message);
    throw e;
  }
}
