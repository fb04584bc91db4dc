import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layout rules of docs/decisions/010-one-way-structure.md, checked on every run so that they
 * stay true: no loops between the folders of lib/, nothing outside e2e/ imports the browser tests,
 * server actions live beside their routes, and a route's `_components` are its own.
 */
const root = path.resolve(import.meta.dirname, "..");
const tracked = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "*.ts", "*.tsx"], {
  cwd: root,
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => f && fs.existsSync(path.join(root, f)));
const source = (f: string) => fs.readFileSync(path.join(root, f), "utf8");
const isTest = (f: string) => /\.(test|spec)\.tsx?$/.test(f);

/**
 * Runtime imports of a file, as repository paths. `import type` is left out: it is erased at build
 * and orders nothing at run time (one remains across folders: lib/audit/actions.ts names the
 * permission table's actions as the refused ones).
 */
function imports(file: string): string[] {
  const found: string[] = [];
  const re = /^\s*(?:import|export)(?!\s+type\b)[^;]*?\sfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gms;
  for (const m of source(file).matchAll(re)) {
    const spec = (m[1] ?? m[2])!;
    if (spec.startsWith("@/")) found.push(spec.slice(2));
    else if (spec.startsWith(".")) found.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
  }
  return found;
}

/** The folder of lib/ a path belongs to (`lib/roles/seats.ts` → `roles`; `lib/db.ts` → `db`). */
function libFolder(p: string): string | null {
  const parts = p.split("/");
  if (parts[0] !== "lib" || parts.length < 2) return null;
  return parts.length > 2 ? parts[1]! : parts[1]!.replace(/\.tsx?$/, "");
}

/** Strongly connected groups of more than one folder (Tarjan), each a loop. */
function loops(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("the repository's layout", () => {
  it("has no loops between the folders of lib/ (each folder imports only folders below it)", () => {
    const edges = new Map<string, Set<string>>();
    const why = new Map<string, string>();
    for (const file of tracked.filter((f) => f.startsWith("lib/") && !isTest(f) && !f.startsWith("lib/generated/"))) {
      const from = libFolder(file)!;
      for (const target of imports(file)) {
        const to = libFolder(target);
        if (!to || to === from || to === "generated") continue;
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from)!.add(to);
        why.set(`${from}>${to}`, `${file} imports ${target}`);
      }
    }
    expect(edges.size).toBeGreaterThan(30);
    const described = loops(edges).map((group) => ({
      loop: group,
      because: group.flatMap((a) => group.filter((b) => edges.get(a)?.has(b)).map((b) => why.get(`${a}>${b}`)!)),
    }));
    expect(described).toEqual([]);
  });

  it("keeps the browser tests to themselves: nothing outside e2e/ imports from it", () => {
    const offenders = tracked
      .filter((f) => !f.startsWith("e2e/"))
      .filter((f) => imports(f).some((t) => t.startsWith("e2e/")));
    expect(offenders).toEqual([]);
  });

  it('has no "use server" module under lib/ (server actions sit beside their routes, in actions.ts)', () => {
    const offenders = tracked.filter((f) => f.startsWith("lib/") && /^\s*["']use server["']/.test(source(f)));
    expect(offenders).toEqual([]);
  });

  it("imports a route's _components only from that route and the routes below it", () => {
    const offenders = tracked
      .filter((f) => !isTest(f))
      .flatMap((f) =>
        imports(f)
          .filter((t) => t.includes("/_components/"))
          .filter((t) => !f.startsWith(t.slice(0, t.indexOf("_components/"))))
          .map((t) => `${f} imports ${t}`),
      );
    expect(offenders).toEqual([]);
  });
});
