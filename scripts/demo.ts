/**
 * `npm run demo`: the whole portal with demo data at http://localhost:3000; sign in through the
 * local GitHub stand-in as any demo role. `--no-build` reuses the last build; `--fresh` empties the
 * demo database first (refused for a database on another machine) and seeds it again.
 */
import { log, startPortal, waitForHttp } from "./portal.ts";

const port = Number(process.env.PORT ?? 3000);
const started = Date.now();
const portal = await startPortal({
  port,
  standInPort: Number(process.env.STAND_IN_PORT ?? 3001),
  build: !process.argv.includes("--no-build"),
  database: { fresh: process.argv.includes("--fresh") },
});
await waitForHttp(`${portal.url}/`, 60_000);
log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: open ${portal.url} (Ctrl-C stops everything)`);

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    log("stopping…");
    void portal.stop().then(() => process.exit(0));
  });
}
