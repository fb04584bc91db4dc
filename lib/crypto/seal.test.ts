import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyFrom, seal, unseal } from "./seal";

describe("sealing secrets (AES-256-GCM)", () => {
  const key = randomBytes(32);
  const url = "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX";

  it("opens what it sealed, with a fresh nonce each time, and hides the text", () => {
    const a = seal(url, key);
    const b = seal(url, key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("XXXX");
    expect(unseal(a, key)).toBe(url);
    expect(unseal(b, key)).toBe(url);
  });

  it("refuses another key, an altered value and a value that is not sealed", () => {
    const sealed = seal(url, key);
    expect(() => unseal(sealed, randomBytes(32))).toThrow();
    const parts = sealed.split(".");
    parts[3] = Buffer.from(Buffer.from(parts[3]!, "base64url").map((c, i) => (i === 0 ? c ^ 1 : c))).toString(
      "base64url",
    );
    expect(() => unseal(parts.join("."), key)).toThrow();
    expect(() => unseal(url, key)).toThrow("not a sealed secret");
  });

  it("a rotation re-seals under the new key: the old key no longer opens it", () => {
    const next = randomBytes(32);
    const rotated = seal(unseal(seal(url, key), key), next);
    expect(unseal(rotated, next)).toBe(url);
    expect(() => unseal(rotated, key)).toThrow();
  });

  it("takes a key of exactly 32 bytes in base64", () => {
    expect(keyFrom(randomBytes(32).toString("base64"))).toHaveLength(32);
    expect(() => keyFrom(randomBytes(16).toString("base64"))).toThrow("32 bytes");
  });
});
