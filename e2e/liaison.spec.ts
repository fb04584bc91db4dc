import { expect, signedIn, signInAs, status, test } from "./fixtures";

// Needs the demo's TAG Ambassador seat for amy-ambassador in security-and-compliance
// (prisma/seed-liaisons.ts, called by the demo seed).

test("a chair makes a TAG Ambassador the liaison to a project; the liaison checks in; the clock makes the next check-in overdue; the project page lists the liaison", async ({
  page,
  browser,
}) => {
  const notes = `Met the Falco maintainers ${Date.now().toString(36)}: the next release is on track.`;

  await signInAs(page, "chia-chair");
  await page.goto("/liaisons");
  const seat = page.getByLabel("TAG Ambassador seat");
  await seat.selectOption({ label: "@amy-ambassador (Amy Starling), TAG Security and Compliance" });
  await page.getByLabel("CNCF project").fill("no-such-project");
  await page.getByLabel("Check-in cadence (days)").fill("30");
  await page.getByRole("button", { name: "Create liaison" }).click();
  await expect(page.getByLabel("CNCF project")).toHaveAccessibleDescription(/Unknown project/);
  await expect(page.getByLabel("CNCF project")).toHaveAttribute("aria-invalid", "true");
  await status(page, "is in the CNCF project catalogue");

  await seat.selectOption({ label: "@amy-ambassador (Amy Starling), TAG Security and Compliance" });
  await page.getByLabel("CNCF project").fill("falco");
  await page.getByLabel("Check-in cadence (days)").fill("30");
  await page.getByRole("button", { name: "Create liaison" }).click();
  await page.waitForURL(/\/liaisons\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByRole("heading", { level: 1, name: "Liaison to Falco" })).toBeVisible();
  await expect(page.getByText("A check-in every 30 days")).toBeVisible();
  const path = new URL(page.url()).pathname;

  const amy = await signedIn(browser, "amy-ambassador");
  await amy.page.goto("/liaisons");
  await amy.page.getByRole("table", { name: "Your liaisons" }).getByRole("link", { name: "Falco" }).click();
  await amy.page.waitForURL((u) => u.pathname === path);
  await amy.page.getByLabel("Notes").fill(notes);
  await amy.page.getByLabel("Link (optional)").fill("https://github.com/falcosecurity/community/issues/1");
  await amy.page.getByLabel("Health").selectOption({ label: "fine" });
  await amy.page.getByRole("button", { name: "Log check-in" }).click();
  await status(amy.page, "Check-in logged.");
  const history = amy.page.getByRole("list", { name: "Check-in history" });
  await expect(history).toContainText(notes);
  await expect(history.getByText("fine", { exact: true })).toBeVisible();
  await expect(amy.page.getByText("overdue", { exact: true })).toHaveCount(0);

  // 40 days without a check-in on a 30-day cadence: overdue, and the sweep flags it.
  const moved = await amy.page.request.post("/api/demo/clock", { data: { days: 40 } });
  expect(moved.ok()).toBe(true);
  await amy.page.goto(path);
  await expect(amy.page.getByRole("heading", { level: 1 }).getByText("overdue", { exact: true })).toBeVisible();
  await amy.page.goto("/notifications");
  await expect(amy.page.getByText("Your check-in as liaison to Falco is overdue")).toBeVisible();

  await page.goto("/liaisons");
  const row = page
    .getByRole("table", { name: "Liaisons of your TAGs" })
    .getByRole("row")
    .filter({ hasText: "@amy-ambassador" });
  await expect(row.getByText("overdue", { exact: true })).toBeVisible();

  await page.goto("/projects/falco");
  const section = page.getByRole("region", { name: "Liaisons" });
  await expect(section.getByRole("link", { name: "@amy-ambassador", exact: true })).toBeVisible();
  await expect(section).toContainText("TAG Security and Compliance");
  await expect(section).toContainText(notes);
  await expect(section.getByText("overdue", { exact: true })).toBeVisible();
  await amy.context.close();
});
