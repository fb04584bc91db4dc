import { NextResponse, type NextRequest } from "next/server";
import {
  cachedPage,
  FILL_HEADER,
  isCacheableRequest,
  pageCacheState,
  pageKey,
  withNonce,
  type CachedPage,
} from "@/lib/proxy/page-cache";
import { databaseUnavailable, UNAVAILABLE_BODY } from "@/lib/observability/db-health";
import { hasControlCharacter } from "@/lib/http/paths";

/**
 * Sets a per-request nonce and the Content-Security-Policy that requires it, so no inline
 * script runs unless Next.js rendered it for this response. Anonymous views of the board are
 * answered from a short-lived page cache with a fresh nonce swapped in (lib/proxy/page-cache.ts),
 * keyed on the board's own parameters only and dropped on every replica when the board changes.
 * Not an authorization boundary: permissions are checked in lib/ (docs/security.md).
 */
export async function proxy(request: NextRequest) {
  // While the database is down every answer is a fast 503 (lib/observability/db-health.ts); the
  // health probes and metrics still answer.
  const path = request.nextUrl.pathname;
  const probe = path.startsWith("/api/health/") || path === "/api/metrics";
  if (databaseUnavailable() && !probe) {
    return NextResponse.json(UNAVAILABLE_BODY, { status: 503, headers: { "retry-after": "5" } });
  }
  if (hasControlCharacter(path)) return new NextResponse("Not found", { status: 404 });
  if (path.startsWith("/api/") && !path.startsWith("/api/auth/")) return NextResponse.next();
  const state = pageCacheState();
  const isFill = request.headers.get(FILL_HEADER) === state.token;
  const nonce = isFill ? state.placeholder : btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);

  const hasSessionCookie = request.cookies.getAll().some((c) => c.name.endsWith("next-auth.session-token"));
  const key =
    !isFill &&
    isCacheableRequest({ method: request.method, url: request.nextUrl, headers: request.headers, hasSessionCookie })
      ? pageKey(request.nextUrl)
      : null;
  if (key) {
    const page = await cachedPage(key, () => renderForCache(key));
    if (page) {
      const headers = new Headers(page.headers);
      headers.set("content-security-policy", csp);
      headers.set("x-page-cache", "hit");
      return new NextResponse(withNonce(page, nonce), { status: page.status, headers });
    }
  }

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // Layouts are not told the URL; (portal) and (admin) need it to send a visitor to sign in and back.
  headers.set("x-request-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  const imgHosts = [process.env.GITHUB_WEB_URL, process.env.GITHUB_API_URL, "https://avatars.githubusercontent.com"]
    .filter((u): u is string => Boolean(u))
    .map((u) => new URL(u).origin);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${[...new Set(imgHosts)].join(" ")}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers of a rendered page that are safe to replay to other visitors. */
const REPLAYED_HEADERS = new Set([
  "content-type",
  "cache-control",
  "vary",
  "strict-transport-security",
  "x-content-type-options",
  "referrer-policy",
  "x-frame-options",
  "permissions-policy",
  "cross-origin-opener-policy",
]);

/**
 * Renders the page at `key` (path and canonical parameters only: what the cache stores is what
 * its key says) through this same server with the placeholder nonce (production only).
 */
async function renderForCache(key: string): Promise<CachedPage | null> {
  if (process.env.NODE_ENV !== "production" || !process.env.PORT) return null;
  const url = `http://127.0.0.1:${process.env.PORT}${key}`;
  const res = await fetch(url, {
    headers: { [FILL_HEADER]: pageCacheState().token, accept: "text/html" },
    redirect: "manual",
    cache: "no-store",
  });
  if (res.status !== 200 || res.headers.has("set-cookie")) return null;
  const headers: [string, string][] = [];
  res.headers.forEach((value, name) => {
    if (REPLAYED_HEADERS.has(name)) headers.push([name, value]);
  });
  return { status: res.status, body: await res.text(), headers, storedAt: Date.now() };
}

export const config = {
  // Every response that can be HTML: pages (prefetches included: a `purpose: prefetch` request
  // gets a whole page) and next-auth's own pages (sign-out, error). The rest of the API passes
  // through only for the database-down 503 above; JSON needs no policy. The public API (`/api/v1`)
  // does both checks in its own wrapper (lib/api/http.ts): a pass through the proxy was a third
  // of the CPU of a cheap API request (docs/decisions/018-render-speed.md).
  matcher: ["/api/((?!v1/).*)", "/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
