import { expect, test } from "@playwright/test";
import { runDrills } from "../../scripts/drill";

/**
 * The failure drills' short form (`npm run drill -- --short`) on the build `npm test` made: a
 * PostgreSQL restart under load, a worker killed mid-job, two workers ticking. About a minute.
 */
test("failure drills: database restart under load, worker killed mid-job, two workers", async () => {
  test.setTimeout(240_000);
  const base = Number(process.env.E2E_PORT ?? 3100);
  const lines: string[] = [];
  const checks = await runDrills({
    short: true,
    port: base + 20,
    pgPort: Number(process.env.E2E_PG_PORT ?? 54340) + 5,
    log: (l) => lines.push(l),
  });
  console.log(lines.join("\n"));
  expect(checks.length).toBe(7);
  expect(checks.filter((c) => !c.ok).map((c) => `${c.drill}: ${c.name} (${c.detail})`)).toEqual([]);
});
