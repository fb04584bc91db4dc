import http from "node:http";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { now } from "@/lib/clock";
import { createStandIn } from "@/dev/github-stand-in/server";
import { createTag, createUser } from "@/tests/factories";
import { freshToc, pendingAppointment } from "@/tests/decisions";
import { actorOf } from "@/tests/actors";
import { loadActor } from "@/lib/auth/actor";
import { signBody } from "../webhook";
import { githubTokenFor } from "@/lib/github-access/tokens";
import { openPendingRosterPulls, openRosterPull, openRosterPullNow, rosterPullOf } from "../roster-pulls";
import { appConfigOf, resetAppConfigForTests } from "@/lib/github-access/app-config";
import { installationToken, listInstallations, resetAppClientForTests } from "@/lib/github-access/app-client";
import { githubAppOverview, mapRepository } from "./installations";
import { storeInstallations } from "@/lib/github-access/tokens";

const APP_ID = 4242;
const APP_SECRET = "app-webhook-secret";
const TOKEN_SECRET = "token-webhook-secret";
const pem = () =>
  generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
const keys = pem();
const TAG_REPO = `cncf/tag-app-${randomUUID().slice(0, 6)}`;
const UNMAPPED = "cncf/not-mapped";

const standIn = createStandIn({
  port: 0,
  clientId: "cid",
  clientSecret: "secret",
  app: {
    id: APP_ID,
    publicKey: keys.publicKey,
    webhookSecret: APP_SECRET,
    installations: [{ id: 71, account: "cncf", repositories: ["cncf/toc", TAG_REPO, UNMAPPED] }],
  },
});
// The portal's webhook route behind a real HTTP port, so the stand-in delivers to it as GitHub would.
let POST: (req: Request) => Promise<Response>;
const portal = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const r = await POST(
    new Request("http://localhost/api/webhooks/github", {
      method: "POST",
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    }),
  );
  res.writeHead(r.status, { "content-type": "application/json" });
  res.end(await r.text());
});

function useApp(privateKey: string, id = String(APP_ID)) {
  process.env.GITHUB_APP_ID = id;
  process.env.GITHUB_APP_PRIVATE_KEY = privateKey;
  resetEnvForTests();
  resetAppConfigForTests();
  resetAppClientForTests();
}

beforeAll(async () => {
  await standIn.listen();
  await new Promise<void>((r) => portal.listen(0, "127.0.0.1", () => r()));
  const port = (portal.address() as { port: number }).port;
  standIn.webhooks.setTarget(`http://127.0.0.1:${port}/`, TOKEN_SECRET);
  process.env.GITHUB_API_URL = `${standIn.url()}/api`;
  process.env.GITHUB_API_TOKEN = "token-mode-token";
  process.env.GITHUB_WEBHOOK_SECRET = TOKEN_SECRET;
  process.env.GITHUB_APP_WEBHOOK_SECRET = APP_SECRET;
  process.env.ROSTER_PULL_REQUEST_REPO = "cncf/toc";
  useApp(keys.privateKey);
  ({ POST } = await import("@/app/api/webhooks/github/route"));
  return async () => {
    await standIn.close();
    await new Promise((r) => portal.close(r));
  };
});

beforeEach(() => useApp(keys.privateKey));

const appDelivery = (event: string, payload: unknown, secret = APP_SECRET) => {
  const body = JSON.stringify(payload);
  return POST(
    new Request("http://localhost/api/webhooks/github", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": event,
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": signBody(secret, body),
      },
      body,
    }),
  );
};

describe("the GitHub App", () => {
  it("exchanges its JWT for an installation token that the API accepts, reused until shortly before expiry", async () => {
    const list = await listInstallations();
    expect(list).toEqual([{ id: 71, account: "cncf", repositories: ["cncf/not-mapped", "cncf/toc", TAG_REPO].sort() }]);
    await storeInstallations(list, await now());
    const token = await githubTokenFor(TAG_REPO.toUpperCase());
    expect(token).toMatch(/^ghs_/);
    const res = await fetch(`${standIn.url()}/api/installation/repositories`, {
      headers: { authorization: `token ${token}` },
    });
    expect(res.status).toBe(200);
    expect(await githubTokenFor(TAG_REPO)).toBe(token);
    // Five minutes before the hour is up, a fresh token replaces it.
    expect(await installationToken(71, Date.now() + 56 * 60_000)).not.toBe(token);
    // A repository no installation holds, and no repository at all: token mode's token.
    expect(await githubTokenFor("someone/elsewhere")).toBe("token-mode-token");
    expect(await githubTokenFor(null)).toBe("token-mode-token");
    // A made-up installation token is refused, as GitHub does.
    const forged = await fetch(`${standIn.url()}/api/installation/repositories`, {
      headers: { authorization: "token ghs_made_up" },
    });
    expect(forged.status).toBe(401);
  });

  it("names the variable of an invalid App id or key, at start-up and on /admin/github, without stopping", async () => {
    const base = { GITHUB_APP_WEBHOOK_SECRET: undefined };
    expect(appConfigOf({ ...base, GITHUB_APP_ID: "abc", GITHUB_APP_PRIVATE_KEY: keys.privateKey })).toMatchObject({
      state: "invalid",
      error: expect.stringContaining("GITHUB_APP_ID"),
    });
    expect(
      appConfigOf({ ...base, GITHUB_APP_ID: "1", GITHUB_APP_PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\nnope\n" }),
    ).toMatchObject({ state: "invalid", error: expect.stringContaining("GITHUB_APP_PRIVATE_KEY") });
    expect(appConfigOf({ ...base, GITHUB_APP_ID: "1", GITHUB_APP_PRIVATE_KEY: "/no/such/key.pem" })).toMatchObject({
      state: "invalid",
      error: expect.stringContaining("GITHUB_APP_PRIVATE_KEY"),
    });
    expect(appConfigOf({ ...base, GITHUB_APP_ID: undefined, GITHUB_APP_PRIVATE_KEY: undefined })).toEqual({
      state: "off",
    });
    const admin = actorOf((await createUser({ isAdmin: true })).id, { isAdmin: true });
    // A well-formed key that is not the App's: GitHub refuses the JWT, and the page says what to check.
    useApp(pem().privateKey);
    const refused = await githubAppOverview(admin);
    expect(refused.error).toMatch(/refused the App's credentials.*GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY/);
    useApp(keys.privateKey, "not-a-number");
    expect((await githubAppOverview(admin)).error).toContain("GITHUB_APP_ID");
    // A key given as a path to its PEM file works like the PEM itself.
    const path = `${process.env.TMPDIR ?? "/tmp"}/gh1-app-key-${randomUUID()}.pem`;
    await import("node:fs").then((fs) => fs.writeFileSync(path, keys.privateKey));
    expect(appConfigOf({ ...base, GITHUB_APP_ID: "7", GITHUB_APP_PRIVATE_KEY: path })).toMatchObject({
      state: "on",
      appId: 7,
      privateKey: expect.stringContaining("-----BEGIN PRIVATE KEY-----"),
    });
  });

  it("admins map an installation's repository to a TAG (audited); others may not; App deliveries follow the mapping", async () => {
    const admin = actorOf((await createUser({ isAdmin: true })).id, { isAdmin: true });
    const member = actorOf((await createUser()).id);
    const tag = await createTag();
    const view = await githubAppOverview(admin);
    expect(view.error).toBeNull();
    expect(view.installations[0]?.repositories.find((r) => r.repo === TAG_REPO)).toEqual({
      repo: TAG_REPO,
      tagSlug: null,
    });
    await expect(mapRepository(member, { repo: TAG_REPO, tagSlug: tag.slug })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(mapRepository(admin, { repo: "cncf/not-installed", tagSlug: tag.slug })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const author = await createUser();
    let n = 0;
    const pullOpened = (repo: string, installationId: number) => ({
      action: "opened",
      installation: { id: installationId },
      repository: { full_name: repo },
      sender: { id: Number(author.githubId), login: author.login },
      pull_request: {
        number: ++n,
        title: "Add a threat model",
        html_url: `https://github.com/${repo}/pull/${n}`,
        created_at: "2026-02-01T10:00:00Z",
        merged: false,
        user: { id: Number(author.githubId), login: author.login },
      },
    });
    // Unknown installation (even after asking GitHub): 202, nothing stored.
    const unknown = await appDelivery("pull_request", pullOpened(TAG_REPO, 999));
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual({ outcome: "unknown installation" });
    // Known installation, repository mapped to no TAG: 202.
    const unmapped = await appDelivery("pull_request", pullOpened(UNMAPPED, 71));
    expect(unmapped.status).toBe(202);
    expect(await db.webhookDelivery.count({ where: { event: "pull_request" } })).toBe(0);
    expect(await (await appDelivery("ping", { zen: "Keep it logically awesome.", hook_id: 1 })).json()).toMatchObject({
      outcome: "pong",
    });
    // A wrong signature is refused whichever secret it claims.
    expect((await appDelivery("pull_request", pullOpened(TAG_REPO, 71), "wrong")).status).toBe(401);

    expect(await mapRepository(admin, { repo: TAG_REPO, tagSlug: tag.slug })).toMatchObject({ changed: true });
    expect(await mapRepository(admin, { repo: TAG_REPO, tagSlug: tag.slug })).toMatchObject({ changed: false });
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).repositories).toContain(TAG_REPO);
    expect(
      await db.auditEvent.count({ where: { action: "github.map-repository", subjectId: TAG_REPO, actorId: admin.id } }),
    ).toBe(1);
    const mapped = await appDelivery("pull_request", pullOpened(TAG_REPO, 71));
    expect(mapped.status).toBe(200);
    // The token-mode secret still works beside the App's.
    expect((await appDelivery("pull_request", pullOpened(TAG_REPO, 71), TOKEN_SECRET)).status).toBe(200);
    // GitHub tells the App about a new installation, a repository added to it, and its removal.
    const created = await appDelivery("installation", {
      action: "created",
      installation: { id: 72, account: { login: "cncf-sandbox" } },
      repositories: [{ full_name: "cncf-sandbox/One" }],
    });
    expect(created.status).toBe(200);
    await appDelivery("installation_repositories", {
      action: "added",
      installation: { id: 72, account: { login: "cncf-sandbox" } },
      repositories_added: [{ full_name: "cncf-sandbox/two" }],
      repositories_removed: [],
    });
    expect(await db.githubInstallation.findUnique({ where: { id: 72 } })).toMatchObject({
      account: "cncf-sandbox",
      repositories: ["cncf-sandbox/one", "cncf-sandbox/two"],
    });
    await appDelivery("installation", { action: "deleted", installation: { id: 72 } });
    expect(await db.githubInstallation.findUnique({ where: { id: 72 } })).toBeNull();
    // Unmapping takes it out of the TAG again.
    await mapRepository(admin, { repo: TAG_REPO, tagSlug: "" });
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).repositories).not.toContain(TAG_REPO);
  });
});

describe("roster changes as pull requests", () => {
  const yaml = readFileSync("lib/tags-yaml/fixtures/tags-sample.yaml", "utf8");

  const pullOf = async (n: number) =>
    (await (await fetch(`${standIn.url()}/api/repos/cncf/toc/pulls/${n}`)).json()) as {
      state: string;
      merged: boolean;
      files: Record<string, string>;
    };
  /** A TOC, the App's installation on cncf/toc and the sample tags.yaml there. */
  async function tocWithTagsYaml() {
    await freshToc(3);
    await storeInstallations(await listInstallations(), await now());
    await fetch(`${standIn.url()}/_stand-in/files`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ repo: "cncf/toc", path: "tags.yaml", text: yaml }),
    });
  }
  const control = (path: string, body?: unknown) =>
    fetch(`${standIn.url()}/_stand-in/${path}`, {
      method: "POST",
      ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
    });

  it("opens one pull request with a one-entry diff; merging it approves the decision once, closing another refuses it", async () => {
    await tocWithTagsYaml();
    const first = await pendingAppointment("harbor-lights");
    expect(await openPendingRosterPulls(await now())).toBe(1);
    // Once per decision: the next sweep opens nothing more.
    expect(await openPendingRosterPulls(await now())).toBe(0);
    const pr = (await rosterPullOf(first.decision.id))!;
    expect(pr).toMatchObject({ repo: "cncf/toc", state: "open" });
    const opened = await pullOf(pr.number);
    // A pure insertion of one entry: same first and last lines, nothing removed between them.
    const before = yaml.split("\n");
    const after = opened.files["tags.yaml"]!.split("\n");
    let head = 0;
    while (before[head] === after[head]) head++;
    let tail = 0;
    while (tail < before.length - head && before.at(-1 - tail) === after.at(-1 - tail)) tail++;
    expect(head + tail).toBe(before.length);
    const added = after.slice(head, after.length - tail);
    expect(added.join("\n")).toContain(`github: ${first.appointee.login}`);
    expect(added.filter((l) => /^\s*- github:/.test(l))).toHaveLength(1);

    const merged = await control(`pulls/cncf/toc/${pr.number}/merge`);
    expect(merged.status).toBe(200);
    const deliveries = standIn.webhooks.deliveries().filter((d) => d.event === "pull_request");
    expect(deliveries.at(-1)).toMatchObject({ status: 200 });
    expect(await db.decision.findUniqueOrThrow({ where: { id: first.decision.id } })).toMatchObject({
      status: "approved",
      externalLink: pr.url,
    });
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: first.seat.id } })).status).toBe("active");
    expect(await rosterPullOf(first.decision.id)).toMatchObject({ state: "merged" });
    // The same webhook again (GitHub redelivers) records nothing more.
    const audits = await db.auditEvent.count({ where: { subjectId: first.decision.id } });
    const again = await appDelivery("pull_request", {
      action: "closed",
      installation: { id: 71 },
      repository: { full_name: "cncf/toc" },
      pull_request: { number: pr.number, merged: true, html_url: pr.url },
    });
    expect(await again.json()).toEqual({ outcome: "already recorded" });
    expect(await db.auditEvent.count({ where: { subjectId: first.decision.id } })).toBe(audits);

    const second = await pendingAppointment("harbor-lights");
    expect(await openPendingRosterPulls(await now())).toBe(1);
    const pr2 = (await rosterPullOf(second.decision.id))!;
    await control(`pulls/cncf/toc/${pr2.number}/close`);
    expect(await db.decision.findUniqueOrThrow({ where: { id: second.decision.id } })).toMatchObject({
      status: "rejected",
    });
    expect((await db.roleAssignment.findUniqueOrThrow({ where: { id: second.seat.id } })).status).not.toBe("pending");
    expect(await rosterPullOf(second.decision.id)).toMatchObject({ state: "closed" });
    expect((await pullOf(pr2.number)).merged).toBe(false);
  });

  it("two sweeps at the same instant open one pull request: the second is told it is busy, not refused by GitHub", async () => {
    await tocWithTagsYaml();
    const { decision } = await pendingAppointment("harbor-lights");
    // Connections open first: a cold pool connects one at a time, which would put the two in a row.
    await Promise.all(Array.from({ length: 4 }, () => db.$queryRaw`SELECT 1`));
    const at = await now();
    const both = await Promise.all([openRosterPull(decision.id, at), openRosterPull(decision.id, at)]);
    expect(both.filter((r) => r.opened)).toHaveLength(1);
    expect(both.find((r) => !r.opened)).toMatchObject({ busy: true });
    const pr = (await rosterPullOf(decision.id))!;
    const open = (await (
      await fetch(`${standIn.url()}/api/repos/cncf/toc/pulls?head=cncf:tag-portal/decision-${decision.id}`)
    ).json()) as { number: number }[];
    expect(open.map((p) => p.number)).toEqual([pr.number]);
    expect(await db.auditEvent.count({ where: { action: "decision.pull-request", subjectId: decision.id } })).toBe(1);
  });

  it("a lead opens it by hand: GitHub's refusal is told, and the next click uses the branch the refused try left", async () => {
    await tocWithTagsYaml();
    const { decision, chair, tag } = await pendingAppointment("harbor-lights");
    const lead = await loadActor(chair.id);
    const stranger = actorOf((await createUser()).id);
    await expect(openRosterPullNow(stranger, { decisionId: decision.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await control("pulls-refuse", { count: 1 });
    await expect(openRosterPullNow(lead, { decisionId: decision.id })).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: expect.stringContaining("GitHub refused the pull request (422)"),
    });
    expect(await rosterPullOf(decision.id)).toBeNull();
    const r = await openRosterPullNow(lead, { decisionId: decision.id });
    expect(r.slug).toBe(tag.slug);
    const pr = (await rosterPullOf(decision.id))!;
    expect(r.url).toBe(pr.url);
    expect(Object.keys((await pullOf(pr.number)).files)).toEqual(["tags.yaml"]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "decision.pull-request", subjectId: decision.id },
    });
    expect(audit.actorId).toBe(chair.id);
    await expect(openRosterPullNow(lead, { decisionId: decision.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
