import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { standInForFile } from "@/tests/stand-in";

const { url, control, standIn } = standInForFile();

async function authorize(verifier: string, redirect = "http://localhost/cb") {
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const res = await fetch(`${url()}/login/oauth/authorize`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({
      identity: "910006",
      client_id: "cid",
      redirect_uri: redirect,
      state: "s1",
      code_challenge: challenge,
      code_challenge_method: "S256",
    }),
  });
  const loc = new URL(res.headers.get("location")!);
  expect(loc.searchParams.get("state")).toBe("s1");
  return loc.searchParams.get("code")!;
}

const token = (body: Record<string, string>) =>
  fetch(`${url()}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept: "application/json" },
    body: new URLSearchParams(body),
  }).then((r) => r.json() as Promise<Record<string, string>>);

describe("GitHub stand-in", () => {
  it("exchanges a code once, with the right secret, redirect URI and PKCE verifier", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const code = await authorize(verifier);
    const ok = await token({
      client_id: "cid",
      client_secret: "secret",
      code,
      redirect_uri: "http://localhost/cb",
      code_verifier: verifier,
    });
    expect(ok.access_token).toMatch(/^gho_/);
    const user = await fetch(`${url()}/api/user`, { headers: { authorization: `Bearer ${ok.access_token}` } }).then(
      (r) => r.json(),
    );
    expect(user).toMatchObject({ id: 910006, login: "milo-member" });
    const again = await token({
      client_id: "cid",
      client_secret: "secret",
      code,
      redirect_uri: "http://localhost/cb",
      code_verifier: verifier,
    });
    expect(again).toMatchObject({ error: "bad_verification_code" });
  });

  it("refuses a wrong secret, a wrong redirect URI and a wrong verifier", async () => {
    const v = randomBytes(32).toString("base64url");
    expect(
      await token({ client_id: "cid", client_secret: "nope", code: await authorize(v), code_verifier: v }),
    ).toMatchObject({ error: "incorrect_client_credentials" });
    expect(
      await token({
        client_id: "cid",
        client_secret: "secret",
        code: await authorize(v),
        redirect_uri: "http://evil/cb",
        code_verifier: v,
      }),
    ).toMatchObject({ error: "redirect_uri_mismatch" });
    expect(
      (await token({ client_id: "cid", client_secret: "secret", code: await authorize(v), code_verifier: "other" }))
        .access_token,
    ).toBeUndefined();
  });

  it("serves public profiles by login and 404 for unknown ones", async () => {
    expect((await fetch(`${url()}/api/users/ada-admin`).then((r) => r.json())).id).toBe(910001);
    expect((await fetch(`${url()}/api/users/nobody-here`)).status).toBe(404);
  });
});

describe("GitHub stand-in repositories", () => {
  it("filters issues by state and labels (all of them, any case) and serves assignees; changes move updated_at", async () => {
    const list = (q: string) =>
      fetch(`${url()}/api/repos/cncf/tag-security/issues?${q}`).then(
        (r) =>
          r.json() as Promise<
            {
              number: number;
              title: string;
              state: string;
              labels: { name: string }[];
              assignees: { login: string }[];
              pull_request?: unknown;
            }[]
          >,
      );
    const wanted = await list("state=open&labels=HELP%20WANTED&per_page=100");
    expect(wanted.length).toBeGreaterThan(0);
    for (const i of wanted) expect(i.labels.map((l) => l.name.toLowerCase())).toContain("help wanted");
    expect(wanted.every((i) => i.state === "open")).toBe(true);
    const all = await list("state=all&per_page=100");
    const closed = all.find((i) => i.title.startsWith("Blog post: what the security audit found"))!;
    expect(closed.state).toBe("closed");
    const assigned = all.find((i) => i.title === "Record a podcast episode on secure defaults")!;
    expect(assigned.assignees.map((a) => a.login)).toEqual(["bea-ambassador", "fay-ambassador"]);
    expect((await list("state=open&labels=help-wanted,content&per_page=100")).map((i) => i.number)).toEqual([
      assigned.number,
    ]);

    const res = await fetch(`${url()}/_stand-in/issues`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ repo: "cncf/tag-security", number: assigned.number, state: "closed", assignees: [] }),
    });
    expect(res.ok).toBe(true);
    const one = await fetch(`${url()}/api/repos/cncf/tag-security/issues/${assigned.number}`).then(
      (r) => r.json() as Promise<{ state: string; assignees: unknown[] }>,
    );
    expect(one).toMatchObject({ state: "closed", assignees: [] });
  });

  it("generates a large synthetic repository on request", async () => {
    const res = await fetch(`${url()}/_stand-in/synthetic`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ repo: "bench/big", events: 1000, authorIds: [910001, 910002] }),
    });
    expect(await res.json()).toEqual({ issues: 200, skipped: false });
    const page = await fetch(`${url()}/api/repos/bench/big/issues/comments?per_page=100`);
    expect(page.headers.get("link")).toContain('rel="last"');
    expect(((await page.json()) as unknown[]).length).toBe(100);
  });
});

describe("GitHub stand-in issue writes", () => {
  const call = (method: string, path: string, body?: unknown, auth = true) =>
    fetch(`${url()}/api/repos/cncf/writes/${path}`, {
      method,
      headers: { "content-type": "application/json", ...(auth ? { authorization: "Bearer app-token" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("assigns collaborators only, answering 201 either way as GitHub does; writes need a token", async () => {
    const created = await call("POST", "issues", { title: "Write the guide", labels: ["help wanted"] });
    expect(created.status).toBe(201);
    const { number, user } = (await created.json()) as { number: number; user: { login: string } };
    expect(user.login).toBe("tag-portal[bot]");
    await control("collaborators", { repo: "cncf/writes", logins: ["bea-ambassador"] });
    expect((await call("GET", "collaborators/bea-ambassador")).status).toBe(204);
    expect((await call("GET", "collaborators/dev-ambassador")).status).toBe(404);
    const stranger = await call("POST", `issues/${number}/assignees`, { assignees: ["dev-ambassador"] });
    expect(stranger.status).toBe(201);
    expect(((await stranger.json()) as { assignees: unknown[] }).assignees).toEqual([]);
    const member = await call("POST", `issues/${number}/assignees`, { assignees: ["bea-ambassador"] });
    expect(((await member.json()) as { assignees: { login: string }[] }).assignees.map((a) => a.login)).toEqual([
      "bea-ambassador",
    ]);
    expect((await call("POST", `issues/${number}/comments`, { body: "hi" }, false)).status).toBe(401);
  });

  it("comments and labels an issue; closing it through the control delivers an `issues` webhook", async () => {
    const { number } = (await (await call("POST", "issues", { title: "Translate" })).json()) as { number: number };
    expect((await call("POST", `issues/${number}/comments`, { body: "On it" })).status).toBe(201);
    await call("POST", `issues/${number}/labels`, { labels: ["help wanted"] });
    expect((await call("DELETE", `issues/${number}/labels/help%20wanted`)).status).toBe(200);
    expect((await call("DELETE", `issues/${number}/labels/help%20wanted`)).status).toBe(404);
    const before = standIn.webhooks.deliveries().length;
    await control(`issues/cncf/writes/${number}/state`, { state: "closed" });
    const view = (await (await fetch(`${url()}/_stand-in/issues/cncf/writes/${number}`)).json()) as {
      state: string;
      labels: string[];
      comments: { body: string }[];
    };
    expect(view).toMatchObject({ state: "closed", labels: [], comments: [{ body: "On it" }] });
    // No webhook target here: the delivery is recorded (and would be sent) all the same.
    expect(
      standIn.webhooks
        .deliveries()
        .slice(before)
        .map((d) => d.event),
    ).toEqual(["issues"]);
  });

  it("an issue it answers for without holding (any number is open) takes writes and then lists as a real one", async () => {
    expect((await call("POST", "issues/4321/comments", { body: "Linked from the portal" })).status).toBe(201);
    const one = (await (await fetch(`${url()}/api/repos/cncf/writes/issues/4321`)).json()) as {
      title: string;
      labels: { name: string }[];
    };
    expect(one).toMatchObject({ title: "Help wanted: writes task 4321", labels: [{ name: "help wanted" }] });
    await control("issues", { repo: "cncf/writes", number: 4322, missing: true });
    expect((await call("POST", "issues/4322/comments", { body: "x" })).status).toBe(404);
  });
});
