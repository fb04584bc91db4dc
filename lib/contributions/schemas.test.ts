import { describe, expect, it } from "vitest";
import { SelfReportSchema } from "./schemas";

describe("SelfReportSchema", () => {
  const ok = { tagSlug: "security-and-compliance", kind: "talk", title: "A talk", occurredAt: "2026-01-10" };
  it("accepts http(s) links and an empty link", () => {
    expect(SelfReportSchema.safeParse({ ...ok, link: "https://example.org/x" }).success).toBe(true);
    expect(SelfReportSchema.safeParse({ ...ok, link: "" }).success).toBe(true);
  });
  it("refuses other link schemes and kinds that only come from GitHub", () => {
    expect(SelfReportSchema.safeParse({ ...ok, link: "javascript:alert(1)" }).success).toBe(false);
    expect(SelfReportSchema.safeParse({ ...ok, link: "data:text/html,x" }).success).toBe(false);
    expect(SelfReportSchema.safeParse({ ...ok, kind: "pr" }).success).toBe(false);
  });
});
