/** `npm run dev`: the development server with the embedded database, the GitHub stand-in and the worker. */
import { log, startPortal } from "./portal.ts";

const portal = await startPortal({
  port: Number(process.env.PORT ?? 3000),
  standInPort: Number(process.env.STAND_IN_PORT ?? 3001),
  build: false,
  dev: true,
});
log(`development server starting at ${portal.url}`);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => void portal.stop().then(() => process.exit(0)));
}
