import { describe, expect, it } from "vitest";
import { httpUrl } from "./urls";

describe("httpUrl", () => {
  const link = httpUrl("Enter a link", 500);

  it("accepts http and https links, trimmed", () => {
    expect(link.parse(" https://github.com/cncf/toc/issues/1 ")).toBe("https://github.com/cncf/toc/issues/1");
    expect(link.parse("http://lists.example.org/g/tag")).toBe("http://lists.example.org/g/tag");
  });

  it("refuses every other scheme, however it is spelled, and what is not a link", () => {
    for (const raw of [
      "javascript:alert(1)",
      "JavaScript:alert(document.cookie)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://example.org/x",
      "mailto:someone@example.org",
      "//evil.example/x",
      "/relative/path",
      "https://",
      "not a link",
      "",
      42,
      null,
    ]) {
      const r = link.safeParse(raw);
      expect(r.success, JSON.stringify(raw)).toBe(false);
    }
  });

  it("bounds the length", () => {
    expect(link.safeParse(`https://example.org/${"a".repeat(500)}`).success).toBe(false);
  });
});
