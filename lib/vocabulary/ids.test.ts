import { describe, expect, it } from "vitest";
import { parseId } from "./ids";

describe("parseId", () => {
  it("accepts a uuid in any case and gives its stored (lowercase) form", () => {
    expect(parseId("0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5c")).toBe("0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5c");
    expect(parseId("0B9C3A4E-5F6D-4E7A-8B9C-0D1E2F3A4B5C")).toBe("0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5c");
  });

  it("refuses everything PostgreSQL would refuse as a uuid, and what it would read differently", () => {
    for (const raw of [
      "-".repeat(36),
      "0".repeat(36),
      "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
      "0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5",
      "0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5c0",
      "0b9c3a4e5f6d4e7a8b9c0d1e2f3a4b5c",
      "{0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5c}",
      " 0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5c",
      "0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5c\n",
      "",
      undefined,
      null,
      42,
      ["0b9c3a4e-5f6d-4e7a-8b9c-0d1e2f3a4b5c"],
    ])
      expect(parseId(raw), JSON.stringify(raw)).toBeNull();
  });
});
