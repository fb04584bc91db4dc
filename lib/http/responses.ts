import { NextResponse } from "next/server";
import { AppError, ERROR_CODES, type ErrorCode } from "@/lib/errors";

/** The one JSON error shape of route handlers: `{ error: { code, message } }`. */
export function errorResponse(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
  return NextResponse.json({ error: { code, message, ...extra } }, { status: ERROR_CODES[code] });
}

/**
 * Refuses a state-changing request from another site: the Origin (or, without it, the
 * Referer) must be this portal's own origin. Browsers send Origin on every cross-site POST.
 */
export function isSameOrigin(req: Request, portalUrl: string): boolean {
  const expected = new URL(portalUrl).origin;
  const requestOrigin = new URL(req.url).origin;
  const origin = req.headers.get("origin");
  if (origin !== null) return origin === expected || origin === requestOrigin;
  const referer = req.headers.get("referer");
  if (referer) {
    try {
      const o = new URL(referer).origin;
      return o === expected || o === requestOrigin;
    } catch {
      return false;
    }
  }
  return true; // not a browser (no Origin, no Referer): CSRF needs a victim's browser
}

type FileOptions = {
  /** The file's media type, with its charset where it is text. */
  type: string;
  /** The name a browser saves it under. */
  name: string;
  /** `inline` for what a browser or calendar app may show itself; a download otherwise. */
  disposition?: "attachment" | "inline";
  /** Private files are `no-store` (the default); public ones may say how long a cache keeps them. */
  cacheControl?: string;
  headers?: Record<string, string>;
};

/** One file download: its type, its name and how caches treat it, the same way on every route. */
export function fileResponse(
  body: BodyInit,
  { type, name, disposition = "attachment", cacheControl, headers }: FileOptions,
) {
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `${disposition}; filename="${name}"`,
      "cache-control": cacheControl ?? "no-store",
      ...headers,
    },
  });
}

/** Runs a route handler's work, answering an `AppError` with the JSON error shape (anything else is a 500). */
export async function answeringAppErrors(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError) return errorResponse(e.code, e.message);
    throw e;
  }
}

/** RFC 4180 CSV with a header row (RFC 7111's `header` parameter tells spreadsheet apps). */
export const CSV_TYPE = "text/csv; charset=utf-8; header=present";
export const CALENDAR_TYPE = "text/calendar; charset=utf-8";
