import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, markPeer, PEER_HEADER, peerHeaderFor, UNKNOWN_CLIENT } from "./peer-address";

const headers = (peer: string | null, xff?: string) =>
  new Headers({ ...(peer ? { [PEER_HEADER]: peerHeaderFor(peer) } : {}), ...(xff ? { "x-forwarded-for": xff } : {}) });

describe("the client address a rate limit counts against", () => {
  it("is the connection's address by default, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers("198.51.100.7"), 0)).toBe("198.51.100.7");
    expect(clientAddress(headers("198.51.100.7", "203.0.113.1"), 0)).toBe("198.51.100.7");
    expect(clientAddress(headers("198.51.100.7", "203.0.113.1, 203.0.113.2"), 0)).toBe("198.51.100.7");
  });

  it("with N trusted proxies is the Nth X-Forwarded-For entry from the right; earlier ones are the client's word", () => {
    // The proxy appended the address it saw; the client made up the first entry.
    expect(clientAddress(headers("10.0.0.2", "203.0.113.1, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(headers("10.0.0.2", "203.0.113.1, 198.51.100.7, 10.0.0.9"), 2)).toBe("198.51.100.7");
    // A request that did not pass every trusted proxy counts as the nearest peer, not as what it claims.
    expect(clientAddress(headers("10.0.0.2", "198.51.100.7"), 2)).toBe("10.0.0.2");
    expect(clientAddress(headers("10.0.0.2"), 1)).toBe("10.0.0.2");
  });

  it("cannot be set by the client: the server replaces the peer header, and a forged one without the secret is ignored", () => {
    const req = {
      headers: { [PEER_HEADER]: `forged 203.0.113.66` },
      socket: { remoteAddress: "198.51.100.7" },
    } as unknown as IncomingMessage;
    markPeer(req);
    expect(clientAddress(new Headers(req.headers as Record<string, string>), 0)).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ [PEER_HEADER]: "forged 203.0.113.66" }), 0)).toBe(UNKNOWN_CLIENT);
  });

  it("is a bounded key: IPv4-mapped addresses as IPv4, IPv6 by its /64, anything else one shared key", () => {
    expect(addressKey("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressKey("[2001:db8::5]")).toBe("2001:db8:0:0::/64");
    expect(addressKey("x".repeat(10_000))).toBe(UNKNOWN_CLIENT);
    expect(addressKey("198.51.100.7, evil")).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers("10.0.0.2", `${"9".repeat(5000)}`), 1)).toBe(UNKNOWN_CLIENT);
  });
});
