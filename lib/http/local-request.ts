/**
 * "Made from this machine": a request whose socket is a loopback address and which carries no
 * forwarding header. The demo's clock and outbox answer only such requests (README, "Running a
 * public demo"), because anyone can sign in as the demo's admin and so a session proves nothing.
 *
 * Next.js gives route handlers and pages no socket, and fills `X-Forwarded-For` from the socket
 * only when the client sent none, so a header alone cannot tell a local request from a remote
 * one that claims to be local. `markLocalRequests()` (called once from instrumentation.ts) sees
 * each request as the HTTP server receives it and marks the local ones with a per-process
 * secret; anything else, including a client that sends the marker itself, is not local.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { onEveryRequest } from "./peer-address";

/** Request header carrying the per-process secret on requests made from this machine. */
export const LOCAL_HEADER = "x-tag-portal-local";

/** Headers a proxy adds when it passes on someone else's request. */
const FORWARDING_HEADERS = new Set([
  "forwarded",
  "via",
  "x-real-ip",
  "x-client-ip",
  "true-client-ip",
  "cf-connecting-ip",
  "fastly-client-ip",
  "x-cluster-client-ip",
]);

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^::ffff:/, "");
  return a === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export function hasForwardingHeaders(headers: IncomingHttpHeaders): boolean {
  return Object.keys(headers).some((h) => h.startsWith("x-forwarded-") || FORWARDING_HEADERS.has(h));
}

interface State {
  token: string;
}

const KEY = Symbol.for("tag-portal.local-request");

// On globalThis: instrumentation.ts and the routes are bundled separately but run in one process.
function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  return (g[KEY] ??= { token: randomBytes(24).toString("base64url") });
}

/** Marks `req` as local or strips a marker the client sent. */
export function markRequest(req: IncomingMessage): void {
  delete req.headers[LOCAL_HEADER];
  if (isLoopbackAddress(req.socket?.remoteAddress) && !hasForwardingHeaders(req.headers))
    req.headers[LOCAL_HEADER] = state().token;
}

/**
 * Sees every request of this process's HTTP servers before Next.js does (idempotent). Without
 * it no request counts as local: the demo routes then answer 404 to everyone (fail closed).
 */
export function markLocalRequests(): void {
  onEveryRequest(markRequest);
}

/** Whether the request was made from this machine (see above). */
export function isLocalRequest(headers: Headers): boolean {
  const got = Buffer.from(headers.get(LOCAL_HEADER) ?? "");
  const want = Buffer.from(state().token);
  return got.length === want.length && timingSafeEqual(got, want);
}
