import type { Page } from "@playwright/test";
import { expect, newIdentity, signedIn, signInAs, test } from "./fixtures";

/** No sideways scroll at a phone's width. */
async function fitsPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(scroll, `${page.url()} scrolls sideways at 390 px`).toBeLessThanOrEqual(inner);
}

test("every page has a favicon, app icons, a manifest and a social preview; robots.txt is served", async ({ page }) => {
  test.slow();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const notFound: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) notFound.push(r.url());
  });
  for (const path of ["/", "/help-wanted", "/tags"]) {
    await page.goto(path);
    const icons = await page.locator('link[rel="icon"]').evaluateAll((ls) => ls.map((l) => l.getAttribute("href")));
    expect(icons.some((h) => h?.startsWith("/favicon.svg"))).toBe(true);
    expect(icons.some((h) => h?.startsWith("/favicon.ico"))).toBe(true);
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /^http.*\/og-image\.png$/);
  }
  // What a browser asks for on its own, and what the pages point to.
  for (const [path, type] of [
    ["/favicon.ico", /image\//],
    ["/favicon.svg", /image\/svg\+xml/],
    ["/apple-touch-icon.png", /image\/png/],
    ["/icon-192.png", /image\/png/],
    ["/icon-512.png", /image\/png/],
    ["/og-image.png", /image\/png/],
    ["/robots.txt", /text\/plain/],
  ] as const) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toMatch(type);
  }
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "TAG Portal", start_url: "/" });
  for (const icon of manifest.icons as { src: string }[])
    expect((await page.request.get(icon.src)).status(), icon.src).toBe(200);
  expect(await (await page.request.get("/robots.txt")).text()).toContain("Disallow: /api/");
  expect(notFound).toEqual([]);
  expect(errors).toEqual([]);
});

test("an unknown /api/v1 path answers the API's JSON 404; the API reference renders the OpenAPI document", async ({
  page,
}) => {
  test.slow();
  for (const method of ["GET", "POST"] as const) {
    const res = await page.request.fetch("/api/v1/tagz/security", { method });
    expect(res.status()).toBe(404);
    expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      error: { code: "NOT_FOUND", message: expect.stringContaining("/api/v1/tagz/security") },
    });
  }
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const res = await page.goto("/");
  expect(res?.status()).toBe(200);
  await page.getByRole("contentinfo").getByRole("link", { name: "Open data API" }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("API reference");
  for (const endpoint of ["GET /tags", "GET /tags/{slug}", "GET /help-wanted", "GET /elections/{id}/results"])
    await expect(page.getByRole("heading", { name: endpoint, exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Parameters of GET /help-wanted" })).toContainText("effortMin");
  // A response's schema links to the schema's fields.
  await page
    .getByRole("table", { name: "Responses of GET /tags" })
    .getByRole("link", { name: "TagPage", exact: true })
    .click();
  await expect(page).toHaveURL(/#schema-TagPage$/);
  await expect(page.getByRole("table", { name: "Fields of Error" })).toContainText("error.code");
  expect(errors).toEqual([]);
  await fitsPhone(page);
});

test("the demo board: TAG cards lead to TAG pages and to each TAG's items; the board has open work in every TAG", async ({
  page,
}) => {
  test.slow();
  await page.goto("/tags");
  const tags = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(tags).toHaveCount(5);
  await page.getByRole("link", { name: "TAG Infrastructure", exact: true }).click();
  await expect(page).toHaveURL(/\/tags\/infrastructure$/);
  await expect(page.getByRole("heading", { name: "TAG Infrastructure", level: 1 })).toBeVisible();
  const openWork = page.getByRole("region", { name: "Open help-wanted items" });
  await expect(openWork.getByRole("listitem").first()).toBeVisible();
  await openWork.getByRole("link", { name: "All of TAG Infrastructure's items on the board" }).click();
  await expect(page).toHaveURL(/\/help-wanted\?tag=infrastructure$/);
  await expect(page.getByRole("heading", { name: "Benchmark methodology for CNI plugins" })).toBeVisible();

  await page.goto("/tags");
  await fitsPhone(page);
  await page.getByRole("link", { name: "Help wanted in TAG Workloads Foundation" }).click();
  await expect(page).toHaveURL(/\/help-wanted\?tag=workloads-foundation$/);
  await expect(page.getByRole("heading", { name: "Container runtime comparison update" })).toBeVisible();

  // A visitor sees seeded open work in every TAG (the board's own query, through the public API).
  const open = new Map<string, number>();
  let cursor = "";
  do {
    const res = await page.request.get(`/api/v1/help-wanted?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    const body = (await res.json()) as { data: { tags: { slug: string }[] }[]; nextCursor: string | null };
    for (const item of body.data) for (const t of item.tags) open.set(t.slug, (open.get(t.slug) ?? 0) + 1);
    cursor = body.nextCursor ?? "";
  } while (cursor);
  expect([...open.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(20);
  expect(open.size).toBe(5);
  // An item in progress shows its volunteer and their updates; a stale one says so to nobody but leads.
  await page.goto("/help-wanted?status=all&q=Day+2+operations+checklist");
  await page.getByRole("link", { name: "Day 2 operations checklist" }).first().click();
  await expect(page.getByRole("region", { name: "Volunteers" })).not.toContainText("Nobody yet");
  await expect(page.getByText("First draft in review", { exact: false })).toBeVisible();
});

test("a CNCF Ambassador volunteers from their matches; the item lists them at once", async ({ page }) => {
  test.slow();
  // An ambassador no other spec signs in as.
  await signInAs(page, "eli-ambassador");
  await page.goto("/help-wanted/for-you");
  const matches = page.getByRole("list", { name: "Your matches, best first" });
  const first = matches.getByRole("listitem").first();
  const title = (await first.getByRole("heading").first().textContent())!.trim();
  // Volunteer is the card's main action; Hide is there too.
  await expect(first.getByRole("button", { name: "Hide" })).toBeVisible();
  await fitsPhone(page);
  await first.getByRole("button", { name: "Volunteer" }).click();
  await page.waitForURL(/\/help-wanted\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const volunteers = page.getByRole("region", { name: "Volunteers" });
  await expect(volunteers).toContainText("@eli-ambassador");
  await expect(volunteers).not.toContainText("Nobody yet");
  await fitsPhone(page);
  // It left the matches.
  await page.goto("/help-wanted/for-you");
  await expect(
    page.getByRole("list", { name: "Your matches, best first" }).getByRole("heading", { name: title, exact: true }),
  ).toHaveCount(0);
});

/** Each demo TAG's chair (dev/github-stand-in/identities.ts). */
const CHAIR: Record<string, string> = {
  "security-and-compliance": "chia-chair",
  "developer-experience": "cora-chair",
  infrastructure: "kai-chair",
  "operational-resilience": "lena-chair",
  "workloads-foundation": "nico-chair",
};

test("a new person completes the profile step, volunteers from for-you, posts and edits progress; the lead sees the request first on home", async ({
  page,
  browser,
}) => {
  test.slow();
  const { login } = await newIdentity(page, "newcomer");
  await signInAs(page, login);
  await page.goto("/");
  const step = page.getByRole("region", { name: "Welcome! Tell TAGs what you can help with" });
  await step.getByRole("link", { name: "Complete your profile" }).click();
  await expect(page.getByRole("heading", { name: "Welcome to TAG Portal", level: 1 })).toBeVisible();
  // The browser's zone is offered when it is one the portal knows.
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const known = await page.evaluate((z) => Intl.supportedValuesOf("timeZone").includes(z), zone);
  if (known) await expect(page.getByLabel("Timezone", { exact: true })).toHaveValue(zone);
  await expect(page.getByLabel("Employer", { exact: true })).toHaveCount(0);
  await page.getByLabel("Region", { exact: true }).selectOption("EMEA");
  await page.getByLabel("Timezone", { exact: true }).fill("Europe/Berlin");
  for (const skill of ["Kubernetes", "Documentation", "Go"])
    await page.getByRole("group", { name: "Skills" }).getByLabel(skill, { exact: true }).check();
  await page.getByLabel("Hours available a month").fill("10");
  await page.getByRole("button", { name: "Save and see matching work" }).click();
  await page.waitForURL(/\/help-wanted\/for-you$/);

  const first = page.getByRole("list", { name: "Your matches, best first" }).getByRole("listitem").first();
  await first.getByRole("button", { name: "Volunteer" }).click();
  await page.waitForURL(/\/help-wanted\/[0-9a-f-]{36}$/);
  const itemUrl = page.url();
  const tagHref = await page.getByRole("region", { name: "Details" }).getByRole("link").first().getAttribute("href");
  const slug = tagHref!.replace("/tags/", "");

  // The chair of the item's TAG finds the request on home, first in that TAG's list.
  const lead = await signedIn(browser, CHAIR[slug]!);
  await lead.page.goto("/");
  const waiting = lead.page.getByRole("region", { name: /: waiting for its leads$/ }).filter({
    has: lead.page.getByRole("link", { name: /volunteer requests? waiting for an answer/ }),
  });
  await expect(waiting.getByRole("listitem").first()).toContainText(/volunteer requests? waiting for an answer/);
  await waiting.getByRole("link", { name: /volunteer requests? waiting for an answer/ }).click();
  await lead.page.waitForURL(new RegExp(`/manage/${slug}#requests$`));
  await lead.page.getByRole("button", { name: `Accept @${login}` }).click();
  // The list refreshes once the answer is saved (the button's own text changes while it is pending).
  await expect(lead.page.getByRole("region", { name: /^Pending requests/ })).not.toContainText(`@${login}`);
  // The lead console is in the account menu on every page.
  await lead.page.getByRole("button", { name: /Account menu/ }).click();
  await expect(lead.page.getByRole("menuitem", { name: /^Lead console: / })).toHaveAttribute("href", `/manage/${slug}`);
  await lead.page.keyboard.press("Escape");

  // Progress goes in the main column; its author may edit it the same day.
  await page.goto(itemUrl);
  const updates = page.getByRole("region", { name: "Updates" });
  await updates.getByLabel("Progress update").fill("Outline drafted");
  await updates.getByRole("button", { name: "Post update" }).click();
  await expect(updates.getByRole("paragraph").filter({ hasText: /^Outline drafted$/ })).toBeVisible();
  await updates.getByText("Edit this update").click();
  await updates
    .getByRole("form", { name: "Edit your progress update" })
    .getByLabel("Progress update")
    .fill("Outline and first section drafted");
  await updates.getByRole("button", { name: "Save the edit" }).click();
  await expect(updates.getByRole("paragraph").filter({ hasText: /^Outline and first section drafted$/ })).toBeVisible();
  await expect(updates).toContainText("edited");

  // The volunteer reports the item's description; the lead hides it with a reason from the console.
  const about = page.getByRole("article", { name: "What is needed" });
  await about.getByText("Report this help-wanted description…").click();
  const report = about.getByRole("form", { name: "Report this help-wanted description" });
  await report.getByLabel("What is wrong with it").fill("It names a person in a way that reads as an insult.");
  await report.getByRole("button", { name: "Send the report" }).click();
  await expect(report.getByRole("status")).toContainText("Reported");
  await lead.page.goto(`/manage/${slug}`);
  const reports = lead.page.getByRole("region", { name: /^Reported texts/ });
  await reports.getByLabel("Reason shown in its place (to hide)").fill("An insult, hidden after a report");
  await reports.getByRole("button", { name: "Hide the text" }).click();
  await expect(reports).toContainText("No reports waiting.");
  await lead.context.close();
  await page.goto(itemUrl);
  await expect(about).toContainText("This text was hidden by the TAG's leads: An insult, hidden after a report");
  // Its title goes too (it left the board and search with it): only those who may edit the item see it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("An item hidden by its TAG's leads");
  await expect(page).toHaveTitle(/^An item hidden by its TAG's leads/);
});
