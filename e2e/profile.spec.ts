import { expect, newIdentity, signInAs, test } from "./fixtures";

test("a member edits their profile and sees it on their public profile, without private fields", async ({ page }) => {
  const { login } = await newIdentity(page, "profile");
  await signInAs(page, login);
  await page.goto("/me");
  await expect(page.getByRole("heading", { name: "Your profile", level: 1 })).toBeVisible();

  await page.getByLabel("Region", { exact: true }).selectOption("APAC");
  await page.getByLabel("Timezone", { exact: true }).fill("Asia/Tokyo");
  await page.getByLabel("Employer", { exact: true }).fill("Example Cloud Co");
  await page.getByLabel("Hours available a month").fill("12");
  await page.getByLabel("Languages", { exact: true }).fill("Japanese, English");
  await page.getByRole("group", { name: "Skills" }).getByLabel("Kubernetes", { exact: true }).check();
  await page.getByLabel("Other skills (separated by commas)").fill("Helm charts, kubernetes");
  await page.getByRole("group", { name: "Interests" }).getByLabel("Observability", { exact: true }).check();
  await page.getByLabel("Short bio").fill("I organize cloud native meetups in Osaka.");
  await page.getByRole("button", { name: "Save profile" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
  // What was saved stays in the form, tags deduplicated and given their curated spelling.
  await expect(page.getByLabel("Other skills (separated by commas)")).toHaveValue("Helm charts");
  // Notification preferences per kind, on the same page.
  const notices = page.getByRole("form", { name: "Notifications" });
  await notices.getByLabel("Volunteering: requests, invitations, progress and follow-ups").selectOption("Off");
  await notices.getByLabel("Elections: nominations, voting, results").selectOption("digest");
  await notices.getByRole("button", { name: "Save notification preferences" }).click();
  await expect(notices.getByRole("status").filter({ hasText: "Notification preferences saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Volunteering: requests, invitations, progress and follow-ups")).toHaveValue("off");
  await expect(page.getByLabel("Elections: nominations, voting, results")).toHaveValue("digest");
  await expect(page.getByLabel("Timezone", { exact: true })).toHaveValue("Asia/Tokyo");
  await expect(page.getByRole("list", { name: /Employers/ }).getByText("Example Cloud Co")).toBeVisible();

  await page.goto(`/people/${login.toUpperCase()}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: `@${login}` })).toBeVisible();
  await expect(page.getByText("APAC", { exact: true })).toBeVisible();
  await expect(page.getByText("Example Cloud Co", { exact: true })).toBeVisible();
  const skills = page.getByRole("list", { name: "Skills" });
  await expect(skills.getByRole("listitem")).toHaveText(["Kubernetes", "Helm charts"]);
  await expect(page.getByRole("list", { name: "Interests" }).getByRole("listitem")).toHaveText(["Observability"]);
  await expect(page.getByText("I organize cloud native meetups in Osaka.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Activity per TAG" })).toBeVisible();
  const body = page.locator("main");
  await expect(body).not.toContainText("Asia/Tokyo");
  await expect(body).not.toContainText("@example.test");
  await expect(body).not.toContainText("Japanese");
});

test("invalid input shows the field's error, keeps what was typed and saves nothing", async ({ page }) => {
  const { login } = await newIdentity(page, "badtz");
  await signInAs(page, login);
  await page.goto("/me");
  const timezone = page.getByLabel("Timezone", { exact: true });
  const employer = page.getByLabel("Employer", { exact: true });
  await timezone.fill("Europe/Berlin");
  await employer.fill("First Co");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();

  const region = page.getByLabel("Region", { exact: true });
  await region.selectOption("EMEA");
  await timezone.fill("Mars/Olympus_Mons");
  await employer.fill("Second Co");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing was saved." })).toBeVisible();
  await expect(timezone).toHaveAttribute("aria-invalid", "true");
  await expect(timezone).toHaveAccessibleDescription(/Invalid timezone/);
  await expect(timezone).toBeFocused();
  await expect(timezone).toHaveValue("Mars/Olympus_Mons");
  await expect(employer).toHaveValue("Second Co");
  await expect(region).toHaveValue("EMEA");
  await expect(employer).not.toHaveAttribute("aria-invalid", "true");

  await page.reload();
  await expect(timezone).toHaveValue("Europe/Berlin");
  await expect(employer).toHaveValue("First Co");
  await expect(region).toHaveValue("");
  await expect(page.getByRole("list", { name: /Employers/ }).getByRole("listitem")).toHaveCount(1);
});

test("deleting the account asks for the login first, then deletes it and signs out", async ({ page }) => {
  const { login } = await newIdentity(page, "leaver");
  await signInAs(page, login);
  await page.goto("/me");
  const confirm = page.getByLabel(/Type your login/);
  const remove = page.getByRole("button", { name: "Delete my account permanently" });
  await expect(remove).toBeHidden();

  await page.getByText("I want to delete my account").click();
  await confirm.fill("someone-else");
  await remove.click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing was deleted" })).toBeVisible();
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/me$/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your profile", level: 1 })).toBeVisible();

  await page.getByText("I want to delete my account").click();
  await confirm.fill(login);
  await remove.click();
  await page.waitForURL((u) => u.pathname === "/");
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /Account menu/ })).toHaveCount(0);

  await page.goto("/me");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fme/);
  const res = await page.goto(`/people/${login}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});
