/**
 * `prisma generate` without a download. Generation needs no schema engine, but Prisma's CLI checks
 * that one exists; where Prisma's server cannot be reached (air-gapped networks, CI here) we point
 * PRISMA_SCHEMA_ENGINE_BINARY at our Wasm-engine shim, which is never run by `generate`.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "scripts/db/schema-engine-shim.sh");
const r = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
  cwd: root,
  env,
  stdio: "inherit",
});
process.exit(r.status ?? 1);
