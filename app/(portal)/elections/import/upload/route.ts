import { NextResponse } from "next/server";
import { revalidatePath } from "next/cache";
import { defineAction, type ActionResult } from "@/lib/action";
import { env } from "@/lib/env";
import { ELEKTO_ARCHIVE_LIMIT } from "@/lib/elections/elekto-archive";
import { uploadElektoArchive } from "@/lib/elections/elekto-upload";
import { ElektoUploadSchema } from "@/lib/elections/schemas";
import { ERROR_CODES } from "@/lib/errors";
import { formDataToObject } from "@/lib/form-data";
import { isSameOrigin } from "@/lib/http/responses";

/**
 * The whole request: the archive (at most ELEKTO_ARCHIVE_LIMIT, decision 019) and a few short
 * fields with their multipart framing. Only this route takes a body this large: server actions
 * keep Next.js's default limit of 1 MB.
 */
const BODY_LIMIT = ELEKTO_ARCHIVE_LIMIT + 1024 * 1024;

const upload = defineAction(ElektoUploadSchema, (i, a) => uploadElektoArchive(a, i), {
  successMessage: (d) =>
    d.imported ? "Imported as a draft election." : "Preview: this is what the import creates; nothing is written yet.",
  revalidate: () => revalidatePath("/elections"),
});

/** What the route answers, before JSON turns its dates into ISO strings. */
export type ElektoUploadResult = Awaited<ReturnType<typeof upload>>;

const refuse = (status: number, message: string, field?: string) =>
  NextResponse.json(
    {
      ok: false,
      code: "INVALID",
      message,
      formErrors: [message],
      fieldErrors: field ? { [field]: [message] } : {},
    } satisfies ActionResult<never>,
    { status },
  );

/**
 * `POST /elections/import/upload` (multipart: `archive`, `tagSlug`, `role`, `votingOpensOn`,
 * `mode`): the officers' Elekto upload (`/elections/import`), previewed or imported. A route
 * handler rather than a server action so that the large body is allowed here and nowhere else.
 * Answers the action's result as JSON (`{ ok, data | code, message, fieldErrors }`).
 */
export async function POST(req: Request) {
  if (!isSameOrigin(req, env().NEXTAUTH_URL)) return refuse(403, "Cross-site request refused.");
  const size = Number(req.headers.get("content-length") ?? "0");
  if (size > BODY_LIMIT)
    return refuse(413, "The upload is over 10 MB: an Elekto folder is far smaller; nothing was imported.", "archive");
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return refuse(400, "The upload did not arrive whole; choose the file again.", "archive");
  }
  // The archive's bytes go to the schema as base64 (it caps them at the archive limit).
  const file = form.get("archive");
  const archive = file instanceof File ? Buffer.from(await file.arrayBuffer()).toString("base64") : "";
  const result = await upload({ ...formDataToObject(form), archive });
  return NextResponse.json(result, { status: result.ok ? 200 : ERROR_CODES[result.code] });
}
