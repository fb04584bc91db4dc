import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * docs/security.md, promise S7: the installed `next` and `next-auth` are at least the patched
 * releases the document names. The floors are read from the document itself, so raising a floor
 * there is enough to make this test demand the upgrade.
 */
const root = path.resolve(import.meta.dirname, "../..");
const doc = fs.readFileSync(path.join(root, "docs/security.md"), "utf8");

/** The floors in row S7: "`next` 16.4.6" and the like. */
function floors(): Map<string, string> {
  const row = doc.split("\n").find((line) => line.startsWith("| S7 |"));
  if (!row) throw new Error("docs/security.md has no row S7 (the version floors)");
  return new Map([...row.matchAll(/`(next|next-auth)` (\d+\.\d+\.\d+)/g)].map((m) => [m[1]!, m[2]!]));
}

/** Negative when `a` is older than `b`; a pre-release (16.4.6-canary.1) is older than its release. */
function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^(\d+)\.(\d+)\.(\d+)(-.+)?$/.exec(v);
    if (!m) throw new Error(`not a version: ${v}`);
    return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] ? 0 : 1];
  };
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/** next-auth's `exports` hide its package.json from `require`: read the installed file. */
const installed = (pkg: string) =>
  (JSON.parse(fs.readFileSync(path.join(root, "node_modules", pkg, "package.json"), "utf8")) as { version: string })
    .version;

describe("installed versions (docs/security.md, S7)", () => {
  it("names a floor for next and next-auth", () => {
    expect([...floors().keys()].sort()).toEqual(["next", "next-auth"]);
  });

  it.each(["next", "next-auth"])("the installed %s is not below its floor", (pkg) => {
    const floor = floors().get(pkg)!;
    const version = installed(pkg);
    expect(compareVersions(version, floor), `${pkg} ${version} is below the floor ${floor}`).toBeGreaterThanOrEqual(0);
  });

  it("orders versions by number, a pre-release before its release", () => {
    expect(compareVersions("16.4.5", "16.4.6")).toBeLessThan(0);
    expect(compareVersions("16.10.0", "16.4.6")).toBeGreaterThan(0);
    expect(compareVersions("16.4.6-canary.3", "16.4.6")).toBeLessThan(0);
    expect(compareVersions("4.24.15", "4.24.15")).toBe(0);
  });
});
