import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests sit beside the code (`*.test.ts`); integration tests (`*.int.test.ts`) talk to a real
// PostgreSQL that `tests/global-setup.ts` starts, one database per worker.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts", "dev/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup-database.ts"],
    pool: "forks",
    maxWorkers: 2,
    // A guard against hangs, not a speed goal (those live in bench/): the demo-seed tests run the
    // whole seed twice, which took over 30 s in a clean clone on a busy 2-core machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
