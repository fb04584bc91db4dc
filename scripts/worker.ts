/**
 * The job worker: runs sweeps (and, as features land, sync and mail jobs) from the
 * PostgreSQL-backed queue. Start it beside the web process; several may run at once.
 * Run with `node --conditions=react-server --import tsx scripts/worker.ts` (lib/ is server-only).
 */
import { now } from "@/lib/clock";
import { getBoss, enqueueSweeps } from "@/lib/jobs/queue";
import { sweeps } from "@/lib/jobs/sweeps";

const boss = await getBoss();
for (const s of sweeps) {
  await boss.work(s.name, { pollingIntervalSeconds: 0.5 }, async () => {
    const count = await s.run(await now());
    return { count };
  });
}
// Sweeps compare data with the clock, so running them often is harmless; once a minute keeps
// reminders timely without relying on the queue's own scheduling.
await enqueueSweeps();
setInterval(() => void enqueueSweeps().catch((e) => console.error("[worker]", e)), 60_000);
console.log(`[worker] running ${sweeps.length} sweep(s)`);

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => void boss.stop({ graceful: true, wait: true }).finally(() => process.exit(0)));
}
