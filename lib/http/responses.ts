import { NextResponse } from "next/server";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";

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
