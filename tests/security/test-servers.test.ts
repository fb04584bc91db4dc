import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Servers that tests start bind port 0 and ask the server for the port it got: a port picked at
 * random from a range collides with the source ports of outgoing connections and with other test
 * files, and made the suite flaky. Reads every file Vitest runs and the helpers beside them.
 */
const root = path.resolve(import.meta.dirname, "../..");
const FOLDERS = ["lib", "scripts", "tests", "dev"];

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : files(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const RULES: [RegExp, string][] = [
  [/port\w*\s*[=:]\s*[^;\n]*\b(Math\.random|randomInt)\b/i, "a port picked at random"],
  [/createStandIn\(\{[^}]*\bport\b(?!:\s*0\b)/, "a stand-in on a port other than 0"],
  [/\.listen\(\s*(?!0\b)(\d+|\w*port\w*)\s*[,)]/i, "a server listening on a chosen port"],
];

/** The offending lines of `text`, as "file:line: why". */
export function randomPorts(file: string, text: string): string[] {
  return text
    .split("\n")
    .flatMap((line, i) =>
      RULES.filter(([re]) => re.test(line)).map(([, why]) => `${file}:${i + 1}: ${why}: ${line.trim()}`),
    );
}

describe("test servers bind port 0", () => {
  it("no test or test helper picks a port for a server it starts", () => {
    const testFiles = FOLDERS.flatMap((f) => files(path.join(root, f))).filter(
      (f) => (/\.test\.tsx?$/.test(f) || f.startsWith(path.join(root, "tests"))) && f !== import.meta.filename,
    );
    expect(testFiles.length).toBeGreaterThan(20);
    const found = testFiles.flatMap((f) => randomPorts(path.relative(root, f), fs.readFileSync(f, "utf8")));
    expect(found).toEqual([]);
  });

  it("recognises the patterns that caused the flake", () => {
    expect(randomPorts("a", "const port = 41_000 + randomInt(2000);")).toHaveLength(1);
    expect(randomPorts("a", "const port = 43_000 + Math.floor(Math.random() * 2000);")).toHaveLength(1);
    expect(randomPorts("a", 'createStandIn({ port, clientId: "cid", clientSecret: "secret" })')).toHaveLength(1);
    expect(randomPorts("a", "server.listen(port, () => resolve())")).toHaveLength(1);
    expect(randomPorts("a", 'createStandIn({ port: 0, clientId: "c", clientSecret: "s" })')).toEqual([]);
    expect(randomPorts("a", 'server.listen(0, "127.0.0.1")')).toEqual([]);
  });
});
