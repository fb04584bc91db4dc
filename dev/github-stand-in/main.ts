/** Runs the GitHub stand-in: `npm run stand-in` (the demo and Playwright start it themselves). */
import { createStandIn } from "./server.ts";

const port = Number(process.env.STAND_IN_PORT ?? 3001);
const standIn = createStandIn({
  port,
  clientId: process.env.GITHUB_CLIENT_ID ?? "tag-portal-demo",
  clientSecret: process.env.GITHUB_CLIENT_SECRET ?? "tag-portal-demo-secret",
});
await standIn.listen();
// Port 0 asks the OS for a free one: print the port actually bound.
const address = standIn.server.address();
console.log(`GitHub stand-in on http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`);
