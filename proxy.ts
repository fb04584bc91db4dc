import { NextResponse, type NextRequest } from "next/server";

/**
 * Sets a per-request nonce and the Content-Security-Policy that requires it, so no inline
 * script runs unless Next.js rendered it for this response. Not an authorization boundary:
 * permissions are checked in lib/ (SECURITY.md, promise 1).
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV === "development";
  const imgHosts = [process.env.GITHUB_WEB_URL, process.env.GITHUB_API_URL, "https://avatars.githubusercontent.com"]
    .filter((u): u is string => Boolean(u))
    .map((u) => new URL(u).origin);
  const csp = [
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
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: static assets and prefetches need no nonce.
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
