/**
 * The job worker: runs sweeps (and, as features land, sync and mail jobs) from the
 * PostgreSQL-backed queue. Start it beside the web process; several may run at once.
 * Run with `node --conditions=react-server --import tsx scripts/worker.ts` (lib/ is server-only).
 */
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { runSync } from "@/lib/github/sync";
import { getBoss, enqueueSweeps, enqueueSync, SYNC_QUEUE } from "@/lib/jobs/queue";
import { sweeps } from "@/lib/jobs/sweeps";

const boss = await getBoss();
for (const s of sweeps) {
  await boss.work(s.name, { pollingIntervalSeconds: 0.5 }, async () => {
    const count = await s.run(await now());
    return { count };
  });
}
// GitHub syncs: a run paused by the rate limit is sent again for when the limit resets.
await boss.work<{ runId: string }>(SYNC_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
  const e = env();
  const r = await runSync(job!.data.runId, { apiUrl: e.GITHUB_API_URL, token: e.GITHUB_API_TOKEN });
  if (r.status === "paused" && r.resumeAt) await enqueueSync(job!.data.runId, r.resumeAt);
  return r;
});
// Sweeps compare data with the clock, so running them often is harmless; once a minute keeps
// reminders timely without relying on the queue's own scheduling.
await enqueueSweeps();
setInterval(() => void enqueueSweeps().catch((e) => console.error("[worker]", e)), 60_000);
console.log(`[worker] running ${sweeps.length} sweep(s)`);

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => void boss.stop({ graceful: true, wait: true }).finally(() => process.exit(0)));
}
