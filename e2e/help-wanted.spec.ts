import type { Page } from "@playwright/test";
import { expect, signedIn, signInAs, status, test } from "./fixtures";
import { acceptVolunteer, fillNewItem, postItem, submitNewItem, volunteerFor } from "./steps";

const ISSUE = "https://github.com/cncf/tag-security/issues/1234";
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

/** A lead posts an item through the form and lands on its page; returns the item's path. */
async function postSecurityItem(page: Page, title: string, description: string) {
  const path = await postItem(page, {
    title,
    description,
    tag: "TAG Security and Compliance",
    kind: "content",
    skills: "threat modeling, technical writing",
    effort: "6",
    places: "1",
    due: inAYear(),
    label: "good first issue",
    issue: ISSUE,
  });
  await expect(page.getByText("Item posted.")).toBeVisible();
  return path;
}

test("a lead posts, an ambassador finds and volunteers, progress and follow-up, completion confirmed and counted", async ({
  page,
  browser,
}) => {
  const word = `zq${Date.now().toString(36)}`;
  const title = `Threat model walkthrough ${word}`;
  await signInAs(page, "chia-chair");
  const path = await postSecurityItem(
    page,
    title,
    "Walk through the **threat model** of a sandbox project.\n\n- read the design\n- write findings",
  );
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Help wanted: tag-security task 1234" })).toHaveAttribute("href", ISSUE);
  await expect(page.getByRole("list", { name: "Labels" })).toContainText("help-wanted");
  await expect(page.getByRole("list", { name: "Labels" })).toContainText("tag-security-and-compliance");
  await expect(page.locator("strong", { hasText: "threat model" })).toBeVisible();

  const amy = await signedIn(browser, "amy-ambassador");
  await amy.page.goto(`/help-wanted?q=${word}&tag=security-and-compliance&kind=content`);
  await amy.page.getByRole("link", { name: title }).click();
  await amy.page.waitForURL((u) => u.pathname === path);
  await amy.page.getByLabel("Message to the TAG leads").fill("I have done two threat models before.");
  await amy.page.getByRole("button", { name: "Volunteer" }).click();
  await expect(amy.page.getByText("A TAG lead will accept or decline your offer")).toBeVisible();

  await page.goto(path);
  await expect(page.getByText("I have done two threat models before.")).toBeVisible();
  await page.getByRole("button", { name: "Accept @amy-ambassador" }).click();
  await expect(page.getByLabel("Follow-up to @amy-ambassador")).toBeVisible();

  await amy.page.goto(path);
  await expect(amy.page.getByText("working on it", { exact: false }).first()).toBeVisible();
  await amy.page.getByLabel("Progress update").fill("Read the design doc; *first findings* drafted.");
  await amy.page.getByRole("button", { name: "Post update" }).click();
  await status(amy.page, "Update posted.");

  await page.goto(path);
  await expect(page.getByText("Progress from @amy-ambassador")).toBeVisible();
  await page.getByLabel("Follow-up to @amy-ambassador").fill("Thanks! Can you share the draft by Friday?");
  await page.getByRole("button", { name: "Send follow-up" }).click();
  await status(page, "Follow-up sent");

  await amy.page.goto(path);
  await expect(amy.page.getByText("Can you share the draft by Friday?")).toBeVisible();
  await amy.page.getByLabel("Evidence link").fill("https://github.com/cncf/tag-security/pull/4321");
  await amy.page.getByRole("button", { name: "Mark done" }).click();
  await expect(amy.page.getByText("A TAG lead will confirm your work.")).toBeVisible();

  await page.goto(path);
  await expect(page.getByRole("link", { name: "https://github.com/cncf/tag-security/pull/4321" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm completion by @amy-ambassador" }).click();
  await expect(page.getByText("Status: Done (closed)")).toBeVisible();
  await page.goto(path);
  await expect(page.getByText("Status: Done (closed)")).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("confirmed a completion");

  await amy.page.goto("/people/amy-ambassador");
  // The completed item counts toward Amy's activity in the TAG, in the last 30 days.
  const activity = amy.page.getByRole("region", { name: "Activity per TAG" });
  await expect(activity).toContainText(/Last 30 days: [1-9]\d*/);
  await amy.page.goto("/my-work");
  await expect(amy.page.getByRole("region", { name: /History/ }).getByRole("link", { name: title })).toBeVisible();
  await amy.context.close();
});

test("moving the clock past stale-after flags a held claim on the item page, the lead console and my work", async ({
  page,
  browser,
}) => {
  const title = `Conference booth rota ${Date.now().toString(36)}`;
  await signInAs(page, "chia-chair");
  const path = await postSecurityItem(page, title, "Staff the booth.");

  const amy = await signedIn(browser, "amy-ambassador");
  await expect(await volunteerFor(amy.page, path)).toBeVisible();
  await expect(await acceptVolunteer(page, path, "amy-ambassador")).toBeVisible();
  await page.goto(path);
  await expect(page.getByText("Stale: no update lately")).toHaveCount(0);

  const res = await page.request.post("/api/demo/clock", {
    data: { days: 30 },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.ok()).toBe(true);

  await page.goto(path);
  await expect(
    page.getByRole("region", { name: "For the TAG's leads" }).getByText("Stale: no update lately"),
  ).toBeVisible();
  await page.goto("/manage/security-and-compliance");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Stale");
  await amy.page.goto("/my-work");
  await expect(amy.page.getByRole("link", { name: "Post an update" }).first()).toBeVisible();
  await amy.context.close();
});

test("the lead console is for the TAG's leads; posting is for leads; visitors are asked to sign in", async ({
  page,
}) => {
  await signInAs(page, "milo-member");
  await page.goto("/manage/security-and-compliance");
  await expect(page.getByRole("heading", { name: /You do not have access to the lead console/ })).toBeVisible();
  await page.goto("/help-wanted/new");
  await expect(page.getByRole("heading", { name: "Only TAG chairs and tech leads post items" })).toBeVisible();
  await page.context().clearCookies();
  const res = await page.goto("/help-wanted/00000000-0000-4000-8000-000000000000");
  expect(res?.status()).toBe(404);
});

test("bad input on the item form gives field errors and keeps what was typed; a lead edits an item", async ({
  page,
}) => {
  const title = `Bad input check ${Date.now().toString(36)}`;
  await signInAs(page, "chia-chair");
  await fillNewItem(page, {
    title,
    tag: "TAG Security and Compliance",
    effort: "-3",
    due: "2020-01-01",
    issue: "https://example.org/not-an-issue",
  });
  await page.getByRole("button", { name: "Post item" }).click();
  await status(page, "Some fields need attention.");
  await expect(page.getByText("Effort is at least 1 hour")).toBeVisible();
  await expect(page.getByText("The due date must be in the future")).toBeVisible();
  await expect(page.getByText(/^Link a GitHub issue/)).toBeVisible();
  await expect(page.getByLabel("Linked GitHub issue")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByRole("checkbox", { name: "TAG Security and Compliance" })).toBeChecked();
  expect(new URL(page.url()).pathname).toBe("/help-wanted/new");

  await page.getByLabel("Effort (hours)").fill("4");
  await page.getByLabel("Due date").fill("");
  await page.getByLabel("Linked GitHub issue").fill("");
  const path = await submitNewItem(page);

  await page.getByRole("link", { name: "Edit item" }).click();
  await page.waitForURL(`**${path}/edit`);
  await expect(page.getByLabel("Effort (hours)")).toHaveValue("4");
  await page.getByLabel("Title").fill(`${title} (edited)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await status(page, "Changes saved.");
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: `${title} (edited)` })).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("edited the item");
});

test("anonymous visitors get the board from the page cache with a fresh nonce, and see a new item at once", async ({
  page,
  browser,
}) => {
  const word = `zc${Date.now().toString(36)}`;
  const visitor = await browser.newContext();
  const anon = await visitor.newPage();
  const violations: string[] = [];
  anon.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const board = `/help-wanted?q=${word}&tag=security-and-compliance&kind=content`;
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await anon.goto(board);
    const nonce = /'nonce-([^']+)'/.exec(res!.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    nonces.push(nonce!);
    // Every script Next.js rendered carries this response's nonce, so the page still hydrates.
    const scriptNonces = await anon
      .locator("script[nonce]")
      .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    if (i === 1) expect(res!.headers()["x-page-cache"]).toBe("hit");
  }
  expect(nonces[0]).not.toBe(nonces[1]);
  await expect(anon.getByText("No item matches these filters.")).toBeVisible();

  const title = `Cache check ${word}`;
  await signInAs(page, "chia-chair");
  await postSecurityItem(page, title, "Shows on the anonymous board without waiting for the cache.");
  await anon.goto(board);
  await expect(anon.getByRole("link", { name: title })).toBeVisible();
  // Signed-in viewers are never served from the cache.
  const signedIn = await page.goto(board);
  expect(signedIn!.headers()["x-page-cache"]).toBeUndefined();
  expect(violations).toEqual([]);
  // The board's first page (20 items) stays at most 60 KB of HTML, for a visitor and signed in (issue 23).
  for (const request of [visitor.request, page.request]) {
    const html = await (await request.get("/help-wanted")).text();
    expect(html.match(/<article class="item-card">/g)).toHaveLength(20);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(60 * 1024);
  }
  await visitor.close();
});
