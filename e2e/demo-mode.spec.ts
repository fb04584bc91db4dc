import { expect, newIdentity, PLAIN_PORTAL, signInAs, test } from "./fixtures";

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
  const outbox = await page.request.get(`${PLAIN_PORTAL}/outbox`);
  expect(outbox.status()).toBe(404);
  const clock = await page.request.post(`${PLAIN_PORTAL}/api/demo/clock`, { data: { days: 1 } });
  expect(clock.status()).toBe(404);
  await page.goto(`${PLAIN_PORTAL}/`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Demo notice" })).toHaveCount(0);
});
