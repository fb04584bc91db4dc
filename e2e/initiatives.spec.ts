import { expect, signInAs, test } from "./fixtures";

test("a chair starts an initiative, a member joins and checks in, the TAG page lists it", async ({ page }) => {
  const name = `Threat modelling guide ${Date.now().toString(36)}`;
  await signInAs(page, "chia-chair");
  await page.goto("/tags/security-and-compliance");
  // A lead's form on the public page opens from its "Manage" disclosure.
  const form = page.getByRole("form", { name: "Start an initiative" });
  await expect(form).toBeHidden();
  await page.getByRole("heading", { name: "Start an initiative" }).click();
  await form.getByLabel("Initiative name").fill(name);
  await form.getByLabel("Exit criteria").fill("Guide published on the TAG site");
  await form.getByRole("button", { name: "Start initiative" }).click();
  await expect(form.getByRole("status")).toContainText("Initiative started.");
  await page.reload();
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const initiativeUrl = page.url();

  await page.context().clearCookies();
  await signInAs(page, "ivo-member");
  await page.goto(initiativeUrl);
  await page.getByRole("button", { name: "Join this initiative" }).click();
  await expect(page.getByText("You take part in this initiative.")).toBeVisible();
  await expect(page.getByRole("list").filter({ hasText: "@ivo-member" })).toBeVisible();
  await page.getByLabel("How is it going?").fill("Outline drafted, looking for reviewers");
  await page.getByRole("button", { name: "Post check-in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check-in posted." })).toBeVisible();
  await page.reload();
  await expect(page.getByText("Outline drafted, looking for reviewers")).toBeVisible();
  await expect(page.getByText("In progress")).toBeVisible();
});
