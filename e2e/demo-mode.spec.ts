import os from "node:os";
import { expect, newIdentity, plainPortal, portalPort, signInAs, test } from "./fixtures";

test("moving the demo clock runs the sweeps, and their notification appears", async ({ page }) => {
  const { login } = await newIdentity(page, "clock");
  await signInAs(page, login);
  await page.goto("/notifications");
  await expect(page.getByText("No notifications yet.")).toBeVisible();
  const res = await page.request.post("/api/demo/clock", { data: { days: 8 } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { sweeps: { name: string; state: string }[] };
  expect(body.sweeps.every((s) => s.state === "completed")).toBe(true);
  await page.reload();
  await expect(page.getByRole("link", { name: "Complete your profile" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Notifications, 1 unread notification/ })).toBeVisible();
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("link", { name: /Notifications, 0 unread/ })).toBeVisible();
});

test("the demo clock refuses a cross-site request and bad input", async ({ page }) => {
  const evil = await page.request.post("/api/demo/clock", {
    data: { days: 1 },
    headers: { Origin: "https://evil.example" },
  });
  expect(evil.status()).toBe(403);
  const bad = await page.request.post("/api/demo/clock", { data: { days: -3 } });
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("INVALID");
});

test("the demo banner shows on every page in demo mode", async ({ page }) => {
  await page.goto("/tags");
  await expect(page.getByRole("complementary", { name: "Demo notice" })).toContainText("This is a demo");
  await expect(page.getByRole("heading", { name: "TAG Security and Compliance" })).toBeVisible();
});

test("without DEMO the outbox and the clock route answer 404 and no banner shows", async ({ page }) => {
  const outbox = await page.request.get(`${plainPortal()}/outbox`);
  expect(outbox.status()).toBe(404);
  const clock = await page.request.post(`${plainPortal()}/api/demo/clock`, { data: { days: 1 } });
  expect(clock.status()).toBe(404);
  await page.goto(`${plainPortal()}/`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Demo notice" })).toHaveCount(0);
});

test("in demo mode the clock and the outbox answer only requests made from this machine", async ({ page }) => {
  expect((await page.request.get("/outbox")).status()).toBe(200);
  // What a reverse proxy in front of a public demo adds; a forged marker header changes nothing.
  const forwarded: Record<string, string>[] = [
    { "X-Forwarded-For": "203.0.113.5" },
    { "X-Forwarded-For": "127.0.0.1" },
    { Forwarded: "for=203.0.113.5" },
    { "X-Real-IP": "203.0.113.5", "x-tag-portal-local": "1" },
  ];
  for (const headers of forwarded) {
    const label = JSON.stringify(headers);
    expect((await page.request.get("/outbox", { headers })).status(), label).toBe(404);
    expect((await page.request.post("/api/demo/clock", { data: { days: 0 }, headers })).status(), label).toBe(404);
  }
  // A visitor connecting straight to the port from another address (this machine's own
  // non-loopback address stands in for another machine, when it has one).
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal);
  if (external) {
    const remote = `http://${external.address}:${portalPort()}`;
    expect((await page.request.get(`${remote}/outbox`)).status()).toBe(404);
    expect((await page.request.post(`${remote}/api/demo/clock`, { data: { days: 0 } })).status()).toBe(404);
  }
});
