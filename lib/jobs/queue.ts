import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";

/**
 * The PostgreSQL-backed job queue (pg-boss; see docs/decisions/003-job-queue.md). Web processes
 * only send jobs; `scripts/worker.ts` runs them.
 */
let boss: Promise<PgBoss> | undefined;

export function getBoss(): Promise<PgBoss> {
  boss ??= (async () => {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const b = new PgBoss({
      connectionString: url,
      schema: "pgboss",
      max: 4,
      supervise: true,
      schedule: false,
      migrate: true,
    });
    b.on("error", (e) => console.error("[jobs]", e));
    await b.start();
    await ensureQueues(b, [SYNC_QUEUE, GITHUB_WRITE_QUEUE]);
    return b;
  })();
  return boss;
}

const created = new Set<string>();

/**
 * Creates the named queues once per process (pg-boss sends and works only on queues that exist).
 * The GitHub queues are made with the queue; the sweeps' queues by whoever sends or works on
 * sweeps (lib/worker/sweeps.ts), so this module does not depend on the domains they sweep.
 */
export async function ensureQueues(b: PgBoss, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (created.has(name)) continue;
    await createQueueOnce(b, name);
    created.add(name);
  }
}

/**
 * Workers start together (two replicas, a rollout): pg-boss's createQueue is not safe against a
 * concurrent create of the same queue, so the loser checks that the queue is there.
 */
async function createQueueOnce(b: PgBoss, name: string): Promise<void> {
  try {
    await b.createQueue(name);
  } catch (e) {
    if (!(await b.getQueue(name))) throw e;
  }
}

/** GitHub sync runs (lib/github/sync.ts): one job per SyncRun, re-sent after a rate-limit pause. */
export const SYNC_QUEUE = "github-sync";

export async function enqueueSync(runId: string, startAfter?: Date): Promise<void> {
  const b = await getBoss();
  await b.send(SYNC_QUEUE, { runId }, { retryLimit: 1, ...(startAfter ? { startAfter } : {}) });
}

/** Writes to GitHub (lib/github/writes.ts): one job per GithubWrite; a failed attempt is sent again for its next time. */
export const GITHUB_WRITE_QUEUE = "github-write";

/**
 * How the worker takes writes: up to 20 due ones per poll, in order (lib/github/writes.ts
 * performWriteBatch). Linking a project queues a write per item; one per poll left the story's own
 * writes (an assignment, a comment) behind that backlog for minutes.
 */
export const GITHUB_WRITE_WORK = { pollingIntervalSeconds: 1, batchSize: 20, includeMetadata: true } as const;

/** The write ids of one poll's jobs in the order they were queued (pg-boss hands a batch over unordered). */
export const writeIdsInQueueOrder = (jobs: readonly { id: string; createdOn: Date; data: { writeId: string } }[]) =>
  [...jobs]
    .sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime() || a.id.localeCompare(b.id))
    .map((j) => j.data.writeId);

export async function enqueueGithubWrite(writeId: string, startAfter?: Date): Promise<void> {
  const b = await getBoss();
  // The row keeps the attempts and the backoff; the queue's own retry only covers a worker that died mid-job.
  await b.send(GITHUB_WRITE_QUEUE, { writeId }, { retryLimit: 1, ...(startAfter ? { startAfter } : {}) });
}

export interface QueuedJob {
  name: string;
  id: string;
}

export interface JobOutcome {
  name: string;
  state: string;
  output: unknown;
}

/** Waits until the given jobs finished (completed or failed); throws after `timeoutMs`. */
export async function waitForJobs(queued: QueuedJob[], timeoutMs = 60_000): Promise<JobOutcome[]> {
  const b = await getBoss();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await Promise.all(queued.map((q) => b.getJobById(q.name, q.id, { includeArchive: true })));
    const done = jobs.every((j) => j && ["completed", "failed", "cancelled"].includes(j.state));
    if (done) return jobs.map((j) => ({ name: j!.name, state: j!.state, output: j!.output }));
    if (Date.now() > deadline) throw new Error("jobs did not finish in time: is the worker running?");
    await new Promise((r) => setTimeout(r, 100));
  }
}
