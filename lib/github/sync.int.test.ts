import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf } from "@/tests/actors";
import { standInForFile } from "@/tests/stand-in";
import { createTag, createUser } from "@/tests/factories";
import { runSync } from "./sync";
import { scheduleDailySyncs, startSync } from "./sync-runs";
import { DAY } from "@/lib/vocabulary";

const { control, api } = standInForFile();

async function setup() {
  const [alice, bob, tag] = await Promise.all([createUser(), createUser(), createTag()]);
  const repo = `cncf/sync-${randomUUID().slice(0, 8)}`;
  await db.tag.update({ where: { id: tag.id }, data: { repositories: [repo] } });
  const a = Number(alice.githubId);
  const b = Number(bob.githubId);
  const { number: pr } = await control("events", {
    repo,
    type: "pr",
    authorId: a,
    title: "Add a threat model",
    at: "2026-01-05T00:00:00Z",
  });
  const { number: issue } = await control("events", {
    repo,
    type: "issue",
    authorId: b,
    title: "A question",
    at: "2026-01-06T00:00:00Z",
  });
  await control("events", { repo, type: "review", authorId: b, number: pr, at: "2026-01-07T00:00:00Z" });
  await control("events", { repo, type: "comment", authorId: a, number: issue, at: "2026-01-08T00:00:00Z" });
  await control("events", {
    repo,
    type: "pr",
    authorId: 123,
    title: "By someone without an account",
    at: "2026-01-09T00:00:00Z",
  });
  return { alice, bob, tag, repo };
}

const newRun = (tagId: string) => db.syncRun.create({ data: { tagId, createdAt: new Date() } });

function recordingFetch() {
  const calls: { url: string; status: number; conditional: boolean }[] = [];
  const f: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const headers = new Headers(init?.headers);
    calls.push({ url: String(input), status: res.status, conditional: headers.has("if-none-match") });
    return res;
  };
  return { f, calls };
}

describe("GitHub sync", () => {
  it("pages through issues, PRs, reviews and comments of portal users; a re-run imports nothing twice and asks with the ETag", async () => {
    const { alice, bob, tag } = await setup();
    const run = await newRun(tag.id);
    const r1 = recordingFetch();
    expect(await runSync(run.id, { apiUrl: api(), perPage: 1, fetch: r1.f })).toMatchObject({
      status: "succeeded",
      imported: 4,
    });
    expect(r1.calls.some((c) => c.url.includes("page=2"))).toBe(true);
    const kinds = async (userId: string) =>
      (await db.contributionRecord.findMany({ where: { userId } })).map((r) => r.kind).sort();
    expect(await kinds(alice.id)).toEqual(["comment", "pr"]);
    expect(await kinds(bob.id)).toEqual(["issue", "review"]);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "succeeded",
      total: 3,
      done: 3,
      imported: 4,
    });

    // Twice more: the incremental `since` re-reads only the newest item; then the ETag matches (304).
    for (let i = 0; i < 2; i++)
      expect(await runSync((await newRun(tag.id)).id, { apiUrl: api(), perPage: 1 })).toMatchObject({
        status: "succeeded",
        imported: 0,
      });
    const r3 = recordingFetch();
    await runSync((await newRun(tag.id)).id, { apiUrl: api(), perPage: 1, fetch: r3.f });
    expect(r3.calls.filter((c) => c.conditional && c.status === 304).length).toBeGreaterThan(0);
    expect(await db.contributionRecord.count({ where: { userId: { in: [alice.id, bob.id] } } })).toBe(4);
  });

  it("stops when the rate limit runs out, records when it may resume, and a later run continues from the next page", async () => {
    const { alice, tag, repo } = await setup();
    for (let i = 0; i < 4; i++)
      await control("events", {
        repo,
        type: "issue",
        authorId: Number(alice.githubId),
        title: `More ${i}`,
        at: `2026-02-0${i + 1}T00:00:00Z`,
      });
    // Three help-wanted label lists, then the first page of issues uses the last request.
    await control("rate-limit", { remaining: 4, resetInSeconds: 600 });
    const run = await newRun(tag.id);
    try {
      const paused = await runSync(run.id, { apiUrl: api(), perPage: 2 });
      expect(paused.status).toBe("paused");
      const stored = await db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
      expect(stored.status).toBe("queued");
      expect(stored.resumeAt!.getTime()).toBeGreaterThan(Date.now());
      const state = await db.repoSyncState.findUniqueOrThrow({
        where: { repo_endpoint: { repo, endpoint: "issues" } },
      });
      expect(state.nextPageUrl).toContain(`/repos/${repo}/issues`);
    } finally {
      await control("rate-limit", { remaining: 5000 });
    }
    const pausedAt = await db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(pausedAt).toMatchObject({ done: 1, total: 3, attempts: 0 });
    // The worker resumes the same run: progress continues from where it stopped, the counts add up.
    const later = await runSync(run.id, { apiUrl: api(), perPage: 2 });
    expect(later.status).toBe("succeeded");
    expect(await db.contributionRecord.count({ where: { userId: alice.id } })).toBe(6);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "succeeded",
      done: 3,
      total: 3,
      attempts: 0,
      imported: await db.contributionRecord.count({ where: { tagId: tag.id } }),
      startedAt: pausedAt.startedAt,
    });
    expect(
      (await db.repoSyncState.findUniqueOrThrow({ where: { repo_endpoint: { repo, endpoint: "issues" } } }))
        .nextPageUrl,
    ).toBeNull();
  });

  it("fetches the reviews of a page's pull requests in one GraphQL request, not one request per pull request", async () => {
    const { alice, bob, tag, repo } = await setup();
    for (let i = 0; i < 5; i++) {
      const { number } = await control("events", {
        repo,
        type: "pr",
        authorId: Number(alice.githubId),
        title: `PR ${i}`,
      });
      await control("events", { repo, type: "review", authorId: Number(bob.githubId), number });
      await control("events", { repo, type: "review", authorId: Number(alice.githubId), number });
    }
    const r = recordingFetch();
    expect(await runSync((await newRun(tag.id)).id, { apiUrl: api(), fetch: r.f })).toMatchObject({
      status: "succeeded",
    });
    expect(r.calls.filter((c) => c.url.includes("/pulls/"))).toEqual([]);
    expect(r.calls.filter((c) => c.url.endsWith("/graphql"))).toHaveLength(1);
    // 1 review from setup plus 10 here, every one imported once.
    expect(await db.contributionRecord.count({ where: { userId: { in: [alice.id, bob.id] }, kind: "review" } })).toBe(
      11,
    );
  });

  it("honours GitHub's secondary rate limit: a short Retry-After is waited out, a long one pauses the run until then; so does GraphQL's own limit", async () => {
    const { tag, repo } = await setup();
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    await control("faults", { status: 403, count: 1, retryAfter: 2 });
    expect(await runSync((await newRun(tag.id)).id, { apiUrl: api(), sleep })).toMatchObject({ status: "succeeded" });
    expect(waits).toEqual([2000]);

    await control("faults", { status: 429, count: 1, retryAfter: 1800 });
    const run = await newRun(tag.id);
    const paused = await runSync(run.id, { apiUrl: api(), sleep });
    expect(paused.status).toBe("paused");
    expect(paused.resumeAt!.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "queued",
      error: expect.stringMatching(/secondary rate limit/),
    });

    // GraphQL's own budget runs out (GitHub answers 200 with an error): the run pauses until its reset.
    await control("faults", { status: 200, count: 1 });
    const graphqlRun = await newRun(tag.id);
    // From nothing again, so the issues list is read (not answered 304) and its pull requests' reviews asked for.
    await db.repoSyncState.deleteMany({ where: { repo } });
    expect(await runSync(graphqlRun.id, { apiUrl: api(), sleep })).toMatchObject({ status: "paused" });
    expect((await db.syncRun.findUniqueOrThrow({ where: { id: graphqlRun.id } })).error).toMatch(
      /GraphQL rate limit ran out/,
    );
  });

  it("retries GitHub's 5xx with backoff; a run that still fails is retried later, resumes its progress, and fails for good after four attempts", async () => {
    const { tag } = await setup();
    const waits: number[] = [];
    const opts = { apiUrl: api(), perPage: 1, backoffMs: 10, sleep: async (ms: number) => void waits.push(ms) };
    await control("faults", { status: 502, count: 2 });
    expect(await runSync((await newRun(tag.id)).id, opts)).toMatchObject({ status: "succeeded", imported: 4 });
    expect(waits).toEqual([10, 20]);

    // GitHub down for the first list of issues (four tries): the attempt stops there and waits five minutes.
    const { tag: tag2 } = await setup();
    const run = await newRun(tag2.id);
    await control("faults", { status: 503, count: 4, after: 3 });
    const retrying = await runSync(run.id, opts);
    expect(retrying.status).toBe("paused");
    const stored = await db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored).toMatchObject({
      status: "queued",
      attempts: 1,
      done: 1,
      error: expect.stringMatching(/^Attempt 1 of 4 failed: GitHub answered 503 for \/api\/repos\/.+\/issues/),
    });
    expect(stored.resumeAt!.getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    // The next attempt continues at the step that failed: progress goes on from 1, every record imported once.
    expect(await runSync(run.id, opts)).toMatchObject({ status: "succeeded", imported: 4 });
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "succeeded",
      attempts: 1,
      done: 3,
      total: 3,
      imported: 4,
      error: null,
    });
    expect(await db.contributionRecord.count({ where: { tagId: tag2.id } })).toBe(4);

    const { tag: tag3 } = await setup();
    const doomed = await db.syncRun.create({ data: { tagId: tag3.id, createdAt: new Date(), attempts: 3 } });
    await control("faults", { status: 500, count: 4 });
    expect((await runSync(doomed.id, opts)).status).toBe("failed");
    expect((await db.syncRun.findUniqueOrThrow({ where: { id: doomed.id } })).error).toMatch(
      /Failed after 4 attempts: GitHub answered 500/,
    );
  });

  it("reports an unknown repository as an error of the run", async () => {
    const tag = await createTag();
    await db.tag.update({
      where: { id: tag.id },
      data: { repositories: [`nobody/missing-${randomUUID().slice(0, 6)}`] },
    });
    const run = await newRun(tag.id);
    expect((await runSync(run.id, { apiUrl: api() })).status).toBe("failed");
    expect((await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).error).toMatch(/404/);
  });

  it("lets only a lead of the TAG or an admin start a sync, one at a time", async () => {
    const { tag } = await setup();
    const [lead, other] = await Promise.all([createUser(), createUser()]);
    const actor = (id: string, leadTagIds: string[] = []) => actorOf(id, { leadTagIds });
    const queued: string[] = [];
    const enqueue = async (id: string) => void queued.push(id);
    await expect(startSync(actor(other.id, [randomUUID()]), tag.slug, enqueue)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const run = await startSync(actor(lead.id, [tag.id]), tag.slug, enqueue);
    expect(queued).toEqual([run.id]);
    await expect(startSync(actor(lead.id, [tag.id]), tag.slug, enqueue)).rejects.toMatchObject({ code: "CONFLICT" });
    // A run abandoned by a dead worker stops blocking after an hour.
    const old = new Date(Date.now() - 2 * 60 * 60_000);
    await db.syncRun.update({ where: { id: run.id }, data: { status: "running", createdAt: old, startedAt: old } });
    await expect(startSync(actor(lead.id, [tag.id]), tag.slug, enqueue)).resolves.toMatchObject({
      id: expect.any(String),
    });
    expect(await db.auditEvent.count({ where: { action: "github.sync", subjectId: run.id } })).toBe(1);
  });

  it("the daily sweep queues one sync a day of each TAG with repositories, none while one is unfinished", async () => {
    const { tag } = await setup();
    const queued: string[] = [];
    const enqueue = async (id: string) => void queued.push(id);
    const runsOf = () => db.syncRun.findMany({ where: { tagId: tag.id }, orderBy: { createdAt: "asc" } });
    const t0 = new Date();
    await scheduleDailySyncs(t0, enqueue);
    const [first] = await runsOf();
    expect(first).toMatchObject({ status: "queued", requestedById: null, total: 3 });
    expect(queued).toContain(first!.id);
    // The same day, again: nothing new. The worker runs it; the next day's sweep queues the next one.
    await scheduleDailySyncs(new Date(t0.getTime() + 60_000), enqueue);
    expect(await runsOf()).toHaveLength(1);
    // A day later the run is still going (a long first sync): no second run beside it.
    await db.syncRun.update({
      where: { id: first!.id },
      data: { status: "running", startedAt: new Date(t0.getTime() + DAY) },
    });
    await scheduleDailySyncs(new Date(t0.getTime() + DAY + 60_000), enqueue);
    expect(await runsOf()).toHaveLength(1);
    expect(await runSync(first!.id, { apiUrl: api() })).toMatchObject({ status: "succeeded", imported: 4 });
    await scheduleDailySyncs(new Date(t0.getTime() + DAY + 120_000), enqueue);
    const runs = await runsOf();
    expect(runs).toHaveLength(2);
    expect(queued).toContain(runs[1]!.id);
  });

  it("two workers sweeping at the same instant queue one sync of a TAG, not two", async () => {
    const { tag } = await setup();
    const queued: string[] = [];
    const enqueue = async (id: string) => void queued.push(id);
    const t0 = new Date();
    // Connections open first: a cold pool connects one at a time, which would put the two sweeps in a row.
    await Promise.all(Array.from({ length: 4 }, () => db.$queryRaw`SELECT 1`));
    await Promise.all([scheduleDailySyncs(t0, enqueue), scheduleDailySyncs(t0, enqueue)]);
    const runs = await db.syncRun.findMany({ where: { tagId: tag.id } });
    expect(runs).toHaveLength(1);
    expect(queued.filter((id) => id === runs[0]!.id)).toHaveLength(1);
  });
});
