/**
 * The address a request came from, for rate limits (docs/decisions/017-caches-across-replicas.md,
 * "Rate limiting"). Next.js 16 gives route handlers no socket (`request.ip` is gone) and fills
 * `X-Forwarded-For` from the socket only when the client sent none, so the header alone is the
 * client's word. {@link recordPeerAddresses} (instrumentation.ts) sees each request as the HTTP
 * server receives it and writes the socket's address into {@link PEER_HEADER} with a per-process
 * secret, removing any such header the client sent.
 *
 * {@link clientAddress} then applies TRUSTED_PROXY_HOPS: with 0 (the default) the socket's
 * address is the client; with N, the Nth `X-Forwarded-For` entry from the right (the one the
 * outermost trusted proxy appended) is. Entries further left are the client's word and ignored.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { env } from "@/lib/env";

export const PEER_HEADER = "x-tag-portal-peer";
/** What a request with no usable address counts as (one shared bucket: such requests are rare and suspect). */
export const UNKNOWN_CLIENT = "unknown";
const MAX_ADDRESS = 64;

interface State {
  token: string;
  hooks: ((req: IncomingMessage) => void)[];
  installed: boolean;
}

const KEY = Symbol.for("tag-portal.server-hooks");

// On globalThis: instrumentation.ts and the routes are bundled separately but run in one process.
function state(): State {
  const g = globalThis as unknown as Record<symbol, State | undefined>;
  return (g[KEY] ??= { token: randomBytes(24).toString("base64url"), hooks: [], installed: false });
}

/** Runs `hook` on every request of this process's HTTP servers, before Next.js sees it. */
export function onEveryRequest(hook: (req: IncomingMessage) => void): void {
  const s = state();
  if (!s.hooks.includes(hook)) s.hooks.push(hook);
  if (s.installed) return;
  s.installed = true;
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") for (const h of state().hooks) h(args[0] as IncomingMessage);
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
  }
}

/** Writes the socket's address into PEER_HEADER (replacing whatever the client sent). */
export function markPeer(req: IncomingMessage): void {
  delete req.headers[PEER_HEADER];
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_HEADER] = `${state().token} ${address}`;
}

export function recordPeerAddresses(): void {
  onEveryRequest(markPeer);
}

/** The PEER_HEADER value for `address` (tests that call route handlers directly). */
export function peerHeaderFor(address: string): string {
  return `${state().token} ${address}`;
}

/** The socket's address, when the header carries this process's secret. */
export function peerAddress(headers: Headers): string | null {
  const [token, address] = (headers.get(PEER_HEADER) ?? "").split(" ");
  const got = Buffer.from(token ?? "");
  const want = Buffer.from(state().token);
  if (!address || got.length !== want.length || !timingSafeEqual(got, want)) return null;
  return address;
}

/**
 * An address as a rate-limit key: bounded in length, IPv4-mapped IPv6 as IPv4, and IPv6 by its
 * /64 (one host usually holds a whole /64, so single addresses would give it endless buckets).
 * Anything that is not an address is {@link UNKNOWN_CLIENT}.
 */
export function addressKey(raw: string): string {
  let a = raw.trim().slice(0, MAX_ADDRESS).toLowerCase();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]"));
  a = a.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  const kind = isIP(a);
  if (kind === 4) return a;
  if (kind !== 6) return UNKNOWN_CLIENT;
  return `${expandIpv6(a).slice(0, 4).join(":")}::/64`;
}

function expandIpv6(a: string): string[] {
  const [head, tail] = a.includes("::") ? a.split("::") : [a, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, ""));
}

/** The client's address as a rate-limit key, trusting `hops` proxies in front of this server. */
export function clientAddress(headers: Headers, hops: number): string {
  if (hops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    // Fewer entries than trusted proxies: the request skipped them; count it as the nearest peer.
    if (chain.length >= hops) return addressKey(chain[chain.length - hops]!);
  }
  const peer = peerAddress(headers);
  return peer ? addressKey(peer) : UNKNOWN_CLIENT;
}

/**
 * The client a rate limit counts against: the connection's address, or with TRUSTED_PROXY_HOPS
 * set, the address the outermost trusted proxy put in `X-Forwarded-For` (above).
 */
export function clientOf(req: { headers: Headers }): string {
  return clientAddress(req.headers, env().TRUSTED_PROXY_HOPS);
}
