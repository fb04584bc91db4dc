import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * docs/security.md names, for each promise, the tests that prove it: a renamed or deleted test
 * must not leave a row pointing at nothing (a promise would then look proven while nothing runs).
 */
const root = path.resolve(import.meta.dirname, "../..");
const doc = fs.readFileSync(path.join(root, "docs/security.md"), "utf8");

/** Repository paths quoted in the document (`lib/x.int.test.ts`); globs and placeholders (`e2e/*.spec.ts`, `lib/<domain>/`) are not files. */
function quotedPaths(): string[] {
  const quoted = [...doc.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);
  return [
    ...new Set(quoted.filter((q) => /^(app|bench|components|deploy|dev|docs|e2e|lib|prisma|scripts|tests)\//.test(q))),
  ].filter((q) => !/[*<]/.test(q));
}

describe("docs/security.md", () => {
  it("names test files", () => {
    expect(quotedPaths().filter((p) => /\.(test|spec)\.ts$/.test(p)).length).toBeGreaterThan(20);
  });

  it("every path it names exists in the repository", () => {
    const missing = quotedPaths().filter((p) => !fs.existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });
});
