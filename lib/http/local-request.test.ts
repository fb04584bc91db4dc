import http, { type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLocalRequest, LOCAL_HEADER, markLocalRequests, markRequest } from "./local-request";

const asHeaders = (req: IncomingMessage) =>
  new Headers(
    Object.entries(req.headers).flatMap(([k, v]): [string, string][] => (typeof v === "string" ? [[k, v]] : [])),
  );

/** A real HTTP server that answers whether it saw each request as made from this machine. */
let server: http.Server;
let base: string;
beforeAll(async () => {
  markLocalRequests();
  server = http.createServer((req, res) => res.end(JSON.stringify(isLocalRequest(asHeaders(req)))));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const local = async (headers: Record<string, string> = {}) => (await fetch(base, { headers })).json();

describe("requests made from this machine (the demo's clock and outbox)", () => {
  it("a loopback request without forwarding headers is local", async () => {
    expect(await local()).toBe(true);
  });

  it("a request a proxy passed on is not, whichever forwarding header it carries", async () => {
    for (const h of ["X-Forwarded-For", "X-Forwarded-Host", "Forwarded", "X-Real-IP", "Via"])
      expect(await local({ [h]: h === "Forwarded" ? "for=203.0.113.5" : "203.0.113.5" }), h).toBe(false);
    // A spoofed "127.0.0.1" is still a forwarding header.
    expect(await local({ "X-Forwarded-For": "127.0.0.1" })).toBe(false);
  });

  it("a client cannot mark itself local", async () => {
    expect(await local({ [LOCAL_HEADER]: "guess", "X-Forwarded-For": "203.0.113.5" })).toBe(false);
  });

  it("a request from another machine's address is not local", () => {
    const req = { headers: {}, socket: { remoteAddress: "203.0.113.5" } } as unknown as IncomingMessage;
    markRequest(req);
    expect(isLocalRequest(asHeaders(req))).toBe(false);
    const mapped = { headers: {}, socket: { remoteAddress: "::ffff:10.0.0.7" } } as unknown as IncomingMessage;
    markRequest(mapped);
    expect(isLocalRequest(asHeaders(mapped))).toBe(false);
    const loop6 = { headers: {}, socket: { remoteAddress: "::1" } } as unknown as IncomingMessage;
    markRequest(loop6);
    expect(isLocalRequest(asHeaders(loop6))).toBe(true);
  });
});
