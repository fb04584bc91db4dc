import { expect, test } from "./fixtures";

// The demo seed (prisma/seed-projects.ts) carries a dozen real CNCF projects: Prometheus and
// Kubernetes are graduated, Backstage is incubating.

test("searching and filtering the catalogue keeps every filter in the URL", async ({ page }) => {
  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1, name: "CNCF projects" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Backstage", exact: true })).toBeVisible();

  await page.getByLabel("Search", { exact: true }).fill("prom");
  await page.getByRole("button", { name: "Show projects" }).click();
  await page.waitForURL(/\/projects\?.*q=prom/);
  await expect(page.getByRole("link", { name: "Prometheus", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kubernetes", exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Search", { exact: true })).toHaveValue("prom");

  await page.getByLabel("Search", { exact: true }).fill("");
  await page.getByLabel("Maturity").selectOption("graduated");
  await page.getByRole("button", { name: "Show projects" }).click();
  await page.waitForURL(/maturity=graduated/);
  await expect(page.getByRole("link", { name: "Kubernetes", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Prometheus", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Backstage", exact: true })).toHaveCount(0);

  // A shared link restores the same view.
  await page.goto("/projects?maturity=incubating&q=backstage");
  await expect(page.getByLabel("Maturity")).toHaveValue("incubating");
  await expect(page.getByRole("link", { name: "Backstage", exact: true })).toBeVisible();
  await expect(page.getByTestId("projects-count")).toHaveText(/^1 project matches/);

  await page.goto("/projects?q=no-such-project-anywhere");
  await expect(page.getByText("No project matches these filters.")).toBeVisible();
});

test("a project page shows its details and links to its repositories", async ({ page }) => {
  await page.goto("/projects?q=prom");
  await page.getByRole("link", { name: "Prometheus", exact: true }).click();
  await page.waitForURL("**/projects/prometheus");
  await expect(page.getByRole("heading", { level: 1, name: "Prometheus" })).toBeVisible();
  await expect(page.getByText("The Prometheus monitoring system and time series database")).toBeVisible();
  await expect(page.getByRole("link", { name: "graduated" })).toHaveAttribute("href", "/projects?maturity=graduated");
  const repositories = page.getByRole("region", { name: "Repositories" });
  await expect(repositories.getByRole("link", { name: "prometheus", exact: true })).toHaveAttribute(
    "href",
    "https://github.com/prometheus/prometheus",
  );
});

test("an unknown project is a real 404 page", async ({ page }) => {
  const res = await page.goto("/projects/no-such-project");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter form still works: it is a plain GET form", async ({ page }) => {
    await page.goto("/projects");
    await page.getByLabel("Maturity").selectOption("incubating");
    await page.getByRole("button", { name: "Show projects" }).click();
    await page.waitForURL(/maturity=incubating/);
    await expect(page.getByRole("link", { name: "Backstage", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Kubernetes", exact: true })).toHaveCount(0);
  });
});
