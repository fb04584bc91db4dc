import "server-only";
import { z } from "zod";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError, ERROR_CODES } from "@/lib/errors";
import { clientOf } from "@/lib/http/peer-address";
import { takeLocalRateLimit } from "@/lib/rate-limit";
import { databaseUnavailable, noteDbError, UNAVAILABLE_BODY } from "@/lib/observability/db-health";
import { hasControlCharacter } from "@/lib/http/paths";
import type { ApiError } from "./schemas";
import { etagOf, ifNoneMatchHits } from "./etag";

/** What a handler answers: JSON, or a text file (ballots.blt). */
export type ApiBody = { json: unknown } | { text: string; contentType: string };

const WINDOW_MS = 60_000;

const common = (extra: Record<string, string> = {}) => ({
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining",
  ...extra,
});

function errorBody(
  code: ApiError["error"]["code"],
  message: string,
  status: number,
  headers: Record<string, string>,
  fieldErrors?: Record<string, string[]>,
): Response {
  const body: ApiError = {
    error: { code, message, ...(fieldErrors && Object.keys(fieldErrors).length ? { fieldErrors } : {}) },
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: common({ "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers }),
  });
}

/** A 400 for bad query parameters, with what was wrong per parameter. */
export function invalidQuery(fieldErrors: Record<string, string[] | undefined>): never {
  const clean = Object.fromEntries(
    Object.entries(fieldErrors).filter((e): e is [string, string[]] => Array.isArray(e[1]) && e[1].length > 0),
  );
  throw new AppError("INVALID", "Some query parameters are not valid.", clean);
}

/** Parses query parameters with a schema, or answers 400 naming each bad one. */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (!parsed.success) invalidQuery(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  return parsed.data;
}

/**
 * Wraps a public API route handler: a rate limit per client (429 with Retry-After), the one
 * error body `{error: {code, message}}` for every failure, a strong ETag on every success and
 * 304 when `If-None-Match` matches it. Read-only, public: no session is read.
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  run: (req: Request, params: P, at: Date) => Promise<ApiBody>,
) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    // What proxy.ts does for every other path; it does not run for /api/v1 (its matcher).
    if (databaseUnavailable())
      return errorBody("UNAVAILABLE", UNAVAILABLE_BODY.error.message, 503, { "retry-after": "5" });
    if (hasControlCharacter(new URL(req.url).pathname)) return errorBody("NOT_FOUND", "No such resource.", 404, {});
    const limit = env().API_RATE_LIMIT_PER_MINUTE;
    // In memory, per process: a database row per client serialized everyone behind one address.
    const rate = takeLocalRateLimit(`api:${clientOf(req)}`, limit, WINDOW_MS, Date.now());
    const limits = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - rate.count)),
    };
    if (!rate.allowed) {
      return errorBody(
        "RATE_LIMITED",
        `More than ${limit} requests in a minute from this client. Retry after ${rate.retryAfterSeconds} s.`,
        429,
        { ...limits, "retry-after": String(rate.retryAfterSeconds) },
      );
    }
    let body: ApiBody;
    try {
      body = await run(req, await ctx.params, await now());
    } catch (e) {
      if (e instanceof AppError) return errorBody(e.code, e.message, ERROR_CODES[e.code], limits, e.fieldErrors);
      if (noteDbError(e)) return errorBody("UNAVAILABLE", UNAVAILABLE_BODY.error.message, 503, limits);
      console.error("api error", req.url, e);
      return errorBody("INTERNAL", "Something went wrong on our side.", 500, limits);
    }
    const [text, type] =
      "json" in body ? [JSON.stringify(body.json), "application/json; charset=utf-8"] : [body.text, body.contentType];
    const etag = etagOf(text);
    const headers = common({ etag, "cache-control": "public, max-age=0, must-revalidate", ...limits });
    if (ifNoneMatchHits(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
    return new Response(text, { status: 200, headers: { ...headers, "content-type": type } });
  };
}
