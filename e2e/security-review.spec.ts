import { expect, newIdentity, signInAs, test } from "./fixtures";
import { serverActions } from "./server-actions";

/** The nonce policy and the other security headers, as every HTML response must carry them. */
function expectStrictHeaders(h: Record<string, string>, body: string, label: string) {
  expect(h["content-type"] ?? "", label).toContain("text/html");
  const csp = h["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc, label).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc, label).not.toContain("unsafe-inline");
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(csp, label).toContain("object-src 'none'");
  expect(h["strict-transport-security"], label).toContain("max-age=");
  expect(h["x-content-type-options"], label).toBe("nosniff");
  expect(h["x-frame-options"], label).toBe("DENY");
  expect(h["referrer-policy"], label).toBeTruthy();
  // Scripts the page carries run only with this response's own nonce.
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  for (const m of body.matchAll(/<script\b[^>]*>/g)) expect(m[0], label).toContain(`nonce="${nonce}"`);
}

test("prefetch requests get the whole page with the nonce policy and the security headers", async ({ page }) => {
  const prefetches: Record<string, string>[] = [
    { purpose: "prefetch" },
    { "next-router-prefetch": "1" },
    { "sec-purpose": "prefetch" },
  ];
  for (const headers of prefetches)
    for (const url of ["/", "/tags", "/help-wanted"]) {
      const res = await page.request.get(url, { headers });
      expect(res.status()).toBe(200);
      expectStrictHeaders(res.headers(), await res.text(), `${url} ${JSON.stringify(headers)}`);
    }
});

test("next-auth's own pages carry the nonce policy and the security headers", async ({ page }) => {
  const res = await page.request.get("/api/auth/signout");
  expect(res.status()).toBe(200);
  const body = await res.text();
  expect(body).toContain("Sign out");
  expectStrictHeaders(res.headers(), body, "/api/auth/signout");
});

test("a signed-in visitor is never sent to another site by the sign-in page's return address", async ({ page }) => {
  const { login } = await newIdentity(page, "redirect");
  await signInAs(page, login);
  const portal = new URL(page.url()).origin;
  for (const callbackUrl of [
    "/\\evil.example",
    "\\\\evil.example",
    "//evil.example",
    "https://evil.example/",
    "/\t/evil.example",
  ]) {
    const res = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect(res.status(), callbackUrl).toBe(307);
    // Where a browser goes: the Location resolved against the page that sent it.
    const to = new URL(res.headers()["location"] ?? "", `${portal}/sign-in`);
    expect(to.origin, callbackUrl).toBe(portal);
  }
  // A path on the portal is still honoured.
  await page.goto("/sign-in?callbackUrl=%2Fnotifications");
  await expect(page).toHaveURL(/\/notifications$/);
});

test("malformed ids in paths and cursors answer 404 (or are ignored), never 500", async ({ page }) => {
  const dashes = "-".repeat(36);
  const status = async (url: string) => (await page.request.get(url, { maxRedirects: 0 })).status();
  for (const url of [
    `/help-wanted/${dashes}`,
    `/elections/${dashes}`,
    `/elections/${dashes}/results`,
    `/elections/${dashes}/results/result.json`,
    `/initiatives/${dashes}`,
    `/api/v1/elections/${dashes}/results`,
  ])
    expect(await status(url), url).toBe(404);
  expect(await status(`/elections?cursor=${dashes}`)).toBe(200);

  const { login } = await newIdentity(page, "ids");
  await signInAs(page, login);
  for (const url of [`/help-wanted/${dashes}/edit`, `/elections/${dashes}/vote`, `/liaisons/${dashes}`])
    expect(await status(url), url).toBe(404);
  expect(await status(`/notifications?cursor=${dashes}`)).toBe(200);
});

test("every server action refuses a signed-out call, and the refusal is in the audit log", async ({ page }) => {
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(20);
  // A helper is no server action: anything exported from a "use server" module can be called.
  expect(actions.map((a) => a.name)).not.toContain("defaultSeatsForCycle");
  const origin = new URL(test.info().project.use.baseURL!).origin;
  for (const a of actions) {
    const res = await page.request.post(a.path, {
      headers: { "Next-Action": a.id, Origin: origin, "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([{ tagId: "x", junk: "<script>alert(1)</script>" }]),
      maxRedirects: 0,
    });
    const body = await res.text();
    expect(res.status(), `${a.name} at ${a.path}`).toBe(200);
    expect(body, `${a.name} at ${a.path}`).toContain("Sign in first");
  }
  await signInAs(page, "ada-admin");
  await page.goto("/admin/audit?action=server-action.call");
  const refusals = page.getByRole("row").filter({ hasText: "server-action.call" });
  await expect(refusals.first()).toContainText("refused: UNAUTHENTICATED");
  // Nothing of what was sent is kept.
  await expect(page.getByRole("table", { name: "Audit events" })).not.toContainText("alert(1)");
});
