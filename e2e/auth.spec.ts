import { expect, expectAccessible, newIdentity, signInAs, standIn, test } from "./fixtures";

test("a member signs in through GitHub and sees their avatar and an empty notifications page", async ({ page }) => {
  const { login } = await newIdentity(page, "member");
  await page.goto("/");
  await expectAccessible(page);
  await signInAs(page, login);
  await expect(page.getByRole("img", { name: `Avatar of @${login}` })).toBeVisible();
  await page.getByRole("link", { name: /Notifications, 0 unread/ }).click();
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await expect(page.getByText("No notifications yet.")).toBeVisible();
});

test("a visitor opening a signed-in page is sent to sign in, and comes back after", async ({ page }) => {
  await page.goto("/notifications");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fnotifications/);
  await expect(page.getByRole("heading", { name: "Sign in to TAG Portal" })).toBeVisible();
  await expectAccessible(page);
  const { login } = await newIdentity(page, "visitor");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: new RegExp(`@${login}\\b`) }).click();
  await expect(page).toHaveURL(/\/notifications$/);
});

test("an OAuth callback with a forged state creates no session", async ({ page }) => {
  const { login } = await newIdentity(page, "forged");
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.waitForURL(`${standIn()}/login/oauth/authorize**`);
  // An attacker's page would post its own state: rewrite the hidden field before choosing.
  await page.locator('input[name="state"]').evaluate((el: HTMLInputElement) => (el.value = "forged-state"));
  await page.getByRole("button", { name: new RegExp(`@${login}\\b`) }).click();
  await expect(page).toHaveURL(/\/sign-in\?.*error=/);
  await expect(page.getByRole("alert").filter({ hasText: /could not be completed|failed/i })).toBeVisible();
  await page.goto("/notifications");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an OAuth callback replaying a used code creates no session", async ({ page, browser }) => {
  const { login } = await newIdentity(page, "replay");
  let callback = "";
  page.on("request", (r) => {
    if (r.url().includes("/api/auth/callback/github")) callback = r.url();
  });
  await signInAs(page, login);
  const used = new URL(callback).searchParams.get("code");
  expect(used).toBeTruthy();

  // A second browser starts its own sign-in (fresh state and PKCE cookies), then swaps in the used code.
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto("/sign-in");
  await p2.getByRole("button", { name: "Sign in with GitHub" }).click();
  await p2.waitForURL(`${standIn()}/login/oauth/authorize**`);
  const state = new URL(p2.url()).searchParams.get("state");
  await p2.goto(`/api/auth/callback/github?code=${used}&state=${state}`);
  await expect(p2).toHaveURL(/\/sign-in\?.*error=/);
  await p2.goto("/notifications");
  await expect(p2).toHaveURL(/\/sign-in/);
  await other.close();
});
