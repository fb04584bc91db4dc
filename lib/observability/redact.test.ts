import { describe, expect, it } from "vitest";
import { pathForLog, scrub, scrubString } from "./redact";

describe("log redaction", () => {
  it("drops secret keys at any depth, whatever their case", () => {
    const out = scrub({
      user: { Email: "a@b.org", login: "ann" },
      headers: { Authorization: "Bearer abc" },
      ballot: [1],
    });
    expect(out).toEqual({
      user: { Email: "[redacted]", login: "ann" },
      headers: { Authorization: "[redacted]" },
      ballot: "[redacted]",
    });
  });

  it("scrubs emails, bearer tokens, URL passwords and OAuth parameters inside strings", () => {
    const s = scrubString(
      "mail ann.lee+x@example.org; Authorization: Bearer gho_abcdefghijkl; postgresql://u:s3cret@db:5432/x; /cb?code=abc123&state=xyz",
    );
    expect(s).not.toMatch(/ann\.lee|gho_abcdefghijkl|s3cret|abc123|xyz/);
    expect(s).toContain("postgresql://u:[redacted]@db:5432/x");
  });

  it("keeps query keys but never values in a logged path", () => {
    expect(pathForLog("/api/auth/callback/github?code=abc&state=def")).toBe("/api/auth/callback/github?code&state");
    expect(pathForLog("/help-wanted")).toBe("/help-wanted");
  });

  it("scrubs the message and stack of errors", () => {
    const out = scrub(new Error("duplicate key (email)=(ann@example.org)")) as { message: string; stack: string };
    expect(out.message).not.toContain("ann@example.org");
    expect(out.stack).not.toContain("ann@example.org");
  });
});
