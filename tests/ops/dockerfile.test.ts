import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { validate, ValidationSeverity, type ValidatorSettings } from "dockerfile-utils";
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";

/**
 * The Dockerfile has never been built on these machines (no container engine runs here): what can be
 * proved without building it. The linter of the Docker language server finds what `docker build`
 * would refuse; the rest ties the file to what e2e/ops/image.spec.ts runs in its place (the
 * assembled standalone folder, read-only, started by entrypoint.sh as an unprivileged user).
 */
const root = path.resolve(import.meta.dirname, "../..");
const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions by stage, continuation lines joined, comments and parser directives dropped. */
function stages(text: string): { name: string; from: string; steps: Instruction[] }[] {
  const joined = text.replace(/\\\n/g, " ").split("\n");
  const out: { name: string; from: string; steps: Instruction[] }[] = [];
  const args = new Map<string, string>();
  for (const line of joined.map((l) => l.trim()).filter((l) => l && !l.startsWith("#"))) {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line)!;
    const step = { keyword: keyword!.toUpperCase(), args: rest!.replace(/\s+/g, " ") };
    if (step.keyword === "ARG" && !out.length) {
      const [k, v] = step.args.split("=");
      args.set(k!, v ?? "");
    } else if (step.keyword === "FROM") {
      const [image, , name] = step.args.split(" ");
      out.push({
        name: name ?? "",
        from: image!.replace(/^\$\{(\w+)\}$/, (_, k: string) => args.get(k) ?? ""),
        steps: [],
      });
    } else out.at(-1)!.steps.push(step);
  }
  return out;
}

/** Every optional check of the linter, as an error. */
const strict = Object.fromEntries(
  [
    "deprecatedMaintainer",
    "directiveCasing",
    "emptyContinuationLine",
    "instructionCasing",
    "instructionCmdMultiple",
    "instructionEntrypointMultiple",
    "instructionHealthcheckMultiple",
    "instructionJSONInSingleQuotes",
    "instructionWorkdirRelative",
  ].map((k) => [k, ValidationSeverity.ERROR]),
) as ValidatorSettings;

const problems = async (text: string) =>
  (await validate(text, strict)).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);

describe("Dockerfile (unbuilt here: checked without a container engine)", () => {
  it("has nothing the Dockerfile linter objects to, and the linter does object to a broken one", async () => {
    expect(await problems(dockerfile)).toEqual([]);
    const broken = dockerfile
      .replace("COPY --from=build --chown=root:root", "COPY --form=build --chown=root:root")
      .replace("WORKDIR /app", "WORKDIR app");
    expect(await problems(broken)).toEqual([
      expect.stringContaining("WORKDIR paths should be absolute"),
      expect.stringContaining("Unknown flag: form"),
    ]);
  });

  it("builds with npm ci and npm run build (which assembles the folder the image test runs) on a Node LTS", () => {
    const [build, runtime, ...more] = stages(dockerfile);
    expect(more).toEqual([]);
    for (const s of [build!, runtime!]) expect(s.from).toMatch(/^node:(22|24)-(bookworm|trixie)-slim$/);
    const runs = build!.steps.filter((s) => s.keyword === "RUN").map((s) => s.args);
    expect(runs.slice(0, 2)).toEqual(["npm ci --no-audit --no-fund", "npm run build"]);
    const scripts = (
      JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.build).toBe("next build && tsx scripts/ops/assemble.ts");
  });

  it("gets the standalone folder from every build, while next start (demo, e2e) is not told it serves one", () => {
    expect(nextConfig(PHASE_PRODUCTION_BUILD).output).toBe("standalone");
    expect(nextConfig(PHASE_PRODUCTION_SERVER).output).toBeUndefined();
  });

  it("runs the assembled folder read-only as a numeric non-root user, with no package manager, by entrypoint.sh", () => {
    const runtime = stages(dockerfile).at(-1)!;
    const step = (k: string) => runtime.steps.filter((s) => s.keyword === k).map((s) => s.args);
    expect(step("COPY")).toEqual(["--from=build --chown=root:root /src/.next/standalone /app"]);
    const [user] = step("USER");
    expect(user).toMatch(/^[1-9]\d*:[1-9]\d*$/); // numeric, so runAsNonRoot can verify it
    expect(step("ENTRYPOINT")).toEqual(['["/app/entrypoint.sh"]']);
    expect(step("CMD")).toEqual(['["web"]']);
    expect(step("RUN").join(" ")).toMatch(/rm -rf \/usr\/local\/lib\/node_modules\/npm .*\/usr\/local\/bin\/npx/);
    expect(step("ENV").join(" ")).toMatch(/NODE_ENV=production/);
    // The ports the manifests send traffic and scrapes to.
    const exposed = step("EXPOSE").join(" ").split(" ").map(Number);
    const ports = ["web-deployment.yaml", "worker-deployment.yaml"].flatMap((f) => {
      const d = parseYaml(fs.readFileSync(path.join(root, "deploy/kubernetes/base", f), "utf8")) as {
        spec: { template: { spec: { containers: { ports: { containerPort: number }[] }[] } } };
      };
      return d.spec.template.spec.containers.flatMap((c) => c.ports.map((p) => p.containerPort));
    });
    expect(exposed.sort()).toEqual(ports.sort());
  });

  it("entrypoint.sh knows web, worker and migrate and refuses anything else", () => {
    const entry = path.join(root, "deploy/docker/entrypoint.sh");
    expect(spawnSync("sh", ["-n", entry]).status).toBe(0);
    const r = spawnSync("sh", [entry, "serve"], { encoding: "utf8" });
    expect(r.status).toBe(64);
    expect(r.stderr).toContain("usage: entrypoint.sh web|worker|migrate (got: serve)");
  });

  it("keeps local state and secrets out of the build context", () => {
    const ignored = fs.readFileSync(path.join(root, ".dockerignore"), "utf8").split("\n");
    for (const p of [".git", "node_modules", ".next", ".data", ".env", ".env.*"]) expect(ignored).toContain(p);
  });

  it("writes the bill of materials with the Dockerfile's own npm sbom command", () => {
    const run = stages(dockerfile)[0]!.steps.find((s) => s.keyword === "RUN" && s.args.startsWith("npm sbom"))!;
    const [command] = run.args.split(" > ");
    const r = spawnSync("sh", ["-c", command!], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const sbom = JSON.parse(r.stdout) as { bomFormat: string; components: { name: string }[] };
    expect(sbom.bomFormat).toBe("CycloneDX");
    const names = sbom.components.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["next", "pg", "@prisma/client"]));
    expect(names).not.toContain("vitest"); // no dev dependencies
  }, 60_000);
});
