import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const PORTAL = "https://portal.example.org";

/** Where a browser on the portal goes when told to go to `path`. */
const landsOn = (path: string) => new URL(path, `${PORTAL}/sign-in`).origin;

describe("the return address after sign-in", () => {
  it("keeps a path on the portal, with its query and fragment", () => {
    expect(safeCallbackPath("/elections/abc/results?x=1#top", PORTAL)).toBe("/elections/abc/results?x=1#top");
    expect(safeCallbackPath("/help-wanted?tag=security&sort=match", PORTAL)).toBe(
      "/help-wanted?tag=security&sort=match",
    );
    expect(safeCallbackPath(`${PORTAL}/me`, PORTAL)).toBe("/me");
  });

  it("sends every address that leaves the portal home", () => {
    const hostile = [
      "/\\evil.example",
      "/%5Cevil.example",
      decodeURIComponent("/%5Cevil.example"),
      "\\\\evil.example",
      "//evil.example",
      "///evil.example",
      "/\t/evil.example",
      "https://evil.example/me",
      "http://portal.example.org/me",
      "https://portal.example.org.evil.example/",
      "https://portal.example.org@evil.example/",
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      " //evil.example",
    ];
    for (const raw of hostile) {
      const path = safeCallbackPath(raw, PORTAL);
      expect(landsOn(path), raw).toBe(PORTAL);
      expect(path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\"), raw).toBe(true);
    }
  });

  it("never returns a path a browser reads as another host, even after dot segments", () => {
    for (const raw of ["/.//evil.example", "/a/..//evil.example", "/%2e//evil.example"]) {
      const path = safeCallbackPath(raw, PORTAL);
      expect(landsOn(path), raw).toBe(PORTAL);
    }
  });

  it("goes home without an address or with one that cannot be read", () => {
    expect(safeCallbackPath(undefined, PORTAL)).toBe("/");
    expect(safeCallbackPath("", PORTAL)).toBe("/");
    expect(safeCallbackPath("http://[::1", PORTAL)).toBe("/");
  });
});
