import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorOf } from "@/tests/actors";
import { standInForFile } from "@/tests/stand-in";
import { createTag, createUser } from "@/tests/factories";
import { runSync } from "./sync";
import { startSync } from "./sync-runs";

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
    try {
      const run = await newRun(tag.id);
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
    const later = await runSync((await newRun(tag.id)).id, { apiUrl: api(), perPage: 2 });
    expect(later.status).toBe("succeeded");
    expect(await db.contributionRecord.count({ where: { userId: alice.id } })).toBe(6);
    expect(
      (await db.repoSyncState.findUniqueOrThrow({ where: { repo_endpoint: { repo, endpoint: "issues" } } }))
        .nextPageUrl,
    ).toBeNull();
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
});
