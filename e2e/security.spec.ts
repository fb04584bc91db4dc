import { actionId, expect, newIdentity, signInAs, test } from "./fixtures";

test("every page carries a nonce-based CSP without unsafe-inline scripts, HSTS, nosniff and no framing", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  for (const url of ["/", "/tags", "/sign-in", "/help-wanted", "/does-not-exist"]) {
    const res = await page.goto(url);
    const h = res!.headers();
    const csp = h["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc, url).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc, url).not.toContain("unsafe-inline");
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(h["strict-transport-security"], url).toContain("max-age=");
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBeTruthy();
  }
  expect(violations).toEqual([]);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});

test("a server action posted from another origin (or a null origin) is refused and changes nothing", async ({
  page,
}) => {
  const { login } = await newIdentity(page, "csrf");
  await signInAs(page, login);
  await page.request.post("/api/demo/clock", { data: { days: 8 } });
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: /Notifications, 1 unread notification/ })).toBeVisible();
  const id = actionId("markNotificationsReadAction");
  for (const origin of ["https://evil.example", "null"]) {
    const res = await page.request.post("/notifications", {
      headers: { "Next-Action": id, Origin: origin, "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([{ ids: "all" }]),
    });
    expect(res.status(), origin).toBeGreaterThanOrEqual(400);
  }
  await page.reload();
  await expect(page.getByRole("link", { name: /Notifications, 1 unread notification/ })).toBeVisible();
  // The same request from the portal's own origin goes through: the origin was the only difference.
  const own = await page.request.post("/notifications", {
    headers: { "Next-Action": id, Origin: new URL(page.url()).origin, "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([{ ids: "all" }]),
  });
  expect(own.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("link", { name: /Notifications, 0 unread notifications/ })).toBeVisible();
});
