import { createHmac, randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, newIdentity, signedIn, signInAs, standIn, status, test } from "./fixtures";

// The demo's webhook secret (scripts/portal.ts, demoEnv).
const WEBHOOK_SECRET = "tag-portal-demo-webhook-secret";
const TAG = "TAG Security and Compliance";

test("a member self-reports a talk; the TAG's chair verifies it; the profile counts it", async ({ page, browser }) => {
  const me = await newIdentity(page, "talker");
  const title = `Securing the supply chain ${randomUUID().slice(0, 8)}`;
  await signInAs(page, me.login);
  await page.goto("/contributions");
  const form = page.getByRole("form", { name: "Report a contribution" });
  await form.getByLabel("TAG").selectOption({ label: TAG });
  await form.getByLabel("Kind").selectOption({ label: "Talk" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Link (optional)").fill("javascript:alert(1)");
  await form.getByRole("button", { name: "Report contribution" }).click();
  // Wait for the server's answer (the field's own hint already mentions http, so match the error):
  // filling in before it arrives races React putting the refused values back.
  await expect(form.getByLabel("Link (optional)")).toHaveAccessibleDescription(/Enter an http:\/\/ or https:\/\/ link/);
  // A refused submission keeps everything typed and chosen, selects included: only the link changes.
  await expect(form.getByLabel("TAG").locator("option:checked")).toHaveText(TAG);
  await expect(form.getByLabel("Kind").locator("option:checked")).toHaveText("Talk");
  await expect(form.getByLabel("Title")).toHaveValue(title);
  await form.getByLabel("Link (optional)").fill("https://example.org/slides");
  await form.getByRole("button", { name: "Report contribution" }).click();
  await status(page, "A lead of the TAG will verify it");
  await page.reload();
  const mine = page.getByRole("table", { name: "Your self-reported contributions" });
  await expect(mine.getByRole("row").filter({ hasText: title })).toContainText("pending");

  const chair = await signedIn(browser, "chia-chair");
  await chair.page.goto("/contributions");
  const decide = chair.page.getByRole("form", { name: `Verify or reject "${title}"` });
  await decide.getByRole("button", { name: "Verify" }).click();
  await status(chair.page, "Verified: it now counts");
  // A decided report leaves the list.
  await expect(decide).toHaveCount(0);
  await chair.context.close();

  await page.reload();
  await expect(
    page.getByRole("table", { name: "Your self-reported contributions" }).getByRole("row").filter({ hasText: title }),
  ).toContainText("verified");
  await page.goto(`/people/${me.login}?kind=talk`);
  // The TAG counts it: the profile's activity per TAG shows it over the last year.
  await expect(page.getByRole("region", { name: "Activity per TAG" })).toContainText(/365 days: 1(?!\d)/);
  await expect(page.getByLabel("Kind")).toHaveValue("talk");
  await expect(page.getByRole("img", { name: /Contributions per month, Talk: 1 in 12 months/ })).toBeVisible();
});

/** An admin lists the stand-in's `cncf/tag-security` among the TAG's repositories. */
async function ensureRepository(browser: Browser) {
  const admin = await signedIn(browser, "ada-admin");
  await admin.page.goto("/admin/tags/security-and-compliance");
  const repos = admin.page.getByLabel("Repositories");
  const current = await repos.inputValue();
  if (!/^cncf\/tag-security$/m.test(current)) {
    await repos.fill([current.trim(), "cncf/tag-security"].filter(Boolean).join("\n"));
    await admin.page.getByRole("button", { name: "Save TAG" }).click();
    await status(admin.page, "TAG saved.");
  }
  await admin.context.close();
}

test.describe("with the stand-in's cncf/tag-security among the TAG's repositories", () => {
  test.beforeAll(async ({ browser }) => ensureRepository(browser));

  test("a signed GitHub webhook delivery adds a PR for the portal user; the same delivery again changes nothing", async ({
    page,
  }) => {
    const me = await newIdentity(page, "coder");
    await signInAs(page, me.login); // the account exists now
    const n = 9000 + Math.floor(Math.random() * 900_000);
    const body = JSON.stringify({
      action: "opened",
      repository: { full_name: "cncf/tag-security" },
      sender: { id: me.id, login: me.login },
      pull_request: {
        number: n,
        title: "Add a threat model",
        html_url: `https://github.com/cncf/tag-security/pull/${n}`,
        created_at: new Date().toISOString(),
        merged: false,
        user: { id: me.id, login: me.login },
      },
    });
    const headers = {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`,
    };
    const unsigned = await page.request.post("/api/webhooks/github", {
      headers: { ...headers, "x-hub-signature-256": "sha256=" + "0".repeat(64) },
      data: body,
    });
    expect(unsigned.status()).toBe(401);
    const first = await page.request.post("/api/webhooks/github", { headers, data: body });
    expect(first.status()).toBe(200);
    expect(await first.json()).toMatchObject({ imported: 1 });
    const again = await page.request.post("/api/webhooks/github", { headers, data: body });
    expect(again.status()).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: "already processed", imported: 0 });

    await page.goto(`/people/${me.login}`);
    // The TAG counts it: the profile's activity per TAG shows it over the last year.
    await expect(page.getByRole("region", { name: "Activity per TAG" })).toContainText(/365 days: 1(?!\d)/);
  });

  /** GitHub sends a signed `issues` delivery about an issue of cncf/tag-security. */
  async function deliverIssueEvent(
    page: Page,
    action: string,
    issue: { number: number; title: string; state: "open" | "closed"; labels: string[]; assignees?: string[] },
  ) {
    const body = JSON.stringify({
      action,
      repository: { full_name: "cncf/tag-security" },
      sender: { id: 910003, login: "chia-chair" },
      issue: {
        number: issue.number,
        title: issue.title,
        html_url: `https://github.com/cncf/tag-security/issues/${issue.number}`,
        created_at: new Date().toISOString(),
        state: issue.state,
        user: { id: 910021 },
        labels: issue.labels.map((name) => ({ name })),
        assignees: (issue.assignees ?? []).map((login) => ({ login })),
      },
    });
    const delivered = await page.request.post("/api/webhooks/github", {
      headers: {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`,
      },
      data: body,
    });
    return delivered.json();
  }

  /** Starts a sync of the TAG on /admin/sync (signed in as one of its leads) and waits until it succeeds. */
  async function syncAndWait(page: Page) {
    await page.goto("/admin/sync");
    const section = page.getByRole("region", { name: TAG });
    await section.getByRole("button", { name: `Start sync of ${TAG}` }).click();
    await status(page, "Sync queued.");
    const runs = page.getByRole("table", { name: `Recent syncs of ${TAG}` });
    // No reload: the page follows an unfinished run by itself.
    await expect(runs.getByRole("row").nth(1)).toContainText("Succeeded", { timeout: 30_000 });
    return runs;
  }

  test("the TAG's chair starts a GitHub sync; the worker imports the demo people's work and shows the run's progress", async ({
    page,
  }) => {
    await signInAs(page, "chia-chair");
    const runs = await syncAndWait(page);
    // Per repository: help-wanted issues, issues and pull requests, comments.
    await expect(runs.getByRole("row").nth(1).getByRole("progressbar")).toHaveAttribute("value", "3");
    // Other TAGs are not this chair's to sync.
    await expect(page.getByRole("region", { name: "TAG Infrastructure" })).toHaveCount(0);
    // tess-toc opened pull requests in the stand-in's cncf/tag-security: the profile now counts them.
    await page.goto("/people/tess-toc?kind=pr");
    await expect(
      page.getByRole("img", { name: /Contributions per month, Pull request: [1-9]\d* in 12 months/ }),
    ).toBeVisible();
    // The roster says how recently each holder contributed to this TAG (ines-lead opened a PR there).
    await page.goto("/tags/security-and-compliance");
    const roster = page.getByRole("table", { name: "Leadership roster" });
    await expect(roster.getByRole("columnheader", { name: "Activity" })).toBeVisible();
    await expect(roster.getByRole("row").filter({ hasText: "Ines Corrigan" })).toContainText(
      /(active|quiet|inactive)\s*last contribution (today|\d+ (days?|months?|years) ago)/i,
    );
  });

  test("a draft offered from GitHub is a 404 for a visitor and for a lead of another TAG, its title in neither the page nor <title>", async ({
    page,
    browser,
  }) => {
    const title = `Audit the policy engine draft ${randomUUID().slice(0, 8)}`;
    await signInAs(page, "chia-chair");
    // A newly labelled issue arrives by webhook: the portal offers it as a draft to the TAG's leads.
    const number = 500_000 + Math.floor(Math.random() * 400_000);
    await deliverIssueEvent(page, "labeled", { number, title, state: "open", labels: ["help wanted"] });
    await page.goto("/manage/security-and-compliance");
    const draft = page
      .getByRole("region", { name: /Drafts from GitHub/ })
      .getByRole("listitem")
      .filter({ hasText: title });
    const edit = await draft.getByRole("link", { name: `Edit and publish “${title}”` }).getAttribute("href");
    const itemPath = edit!.replace(/\/edit$/, "");
    // The TAG's own lead sees the draft, titled.
    await page.goto(itemPath);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(title));

    const visitor = await browser.newContext();
    const other = await signedIn(browser, "kai-chair");
    for (const p of [await visitor.newPage(), other.page]) {
      const response = await p.goto(itemPath);
      expect(response?.status()).toBe(404);
      await expect(p.getByRole("heading", { level: 1, name: "We could not find that page" })).toBeVisible();
      expect(await p.title()).not.toContain(title);
      await expect(p.locator("body")).not.toContainText(title);
    }
    await visitor.close();
    await other.context.close();
  });

  test("a lead publishes a help-wanted draft the sync offered from GitHub; the item shows its issue assigned, then closed (webhook)", async ({
    page,
  }) => {
    const token = randomUUID().slice(0, 8);
    const title = `Translate the threat modelling guide ${token}`;
    const added = await page.request.post(`${standIn()}/_stand-in/events`, {
      data: {
        repo: "cncf/tag-security",
        type: "issue",
        authorId: 910021,
        title,
        labels: ["community/help wanted", "translation"],
        assignees: ["dev-ambassador"],
        body: "Translate the guide into Japanese.",
      },
    });
    expect(added.ok()).toBe(true);
    const { number } = (await added.json()) as { number: number };

    await signInAs(page, "chia-chair");
    await syncAndWait(page);
    await page.goto("/manage/security-and-compliance");
    const draft = page
      .getByRole("region", { name: /Drafts from GitHub/ })
      .getByRole("listitem")
      .filter({ hasText: title });
    await expect(draft).toContainText(`cncf/tag-security/issues/${number}`);
    await expect(draft).toContainText("Assigned on GitHub to @dev-ambassador");
    await draft.getByRole("link", { name: `Edit and publish “${title}”` }).click();
    await expect(page.getByRole("heading", { name: `Publish “${title}”` })).toBeVisible();
    await expect(page.getByLabel("Kind")).toHaveValue("content");
    await page.getByLabel("Effort (hours)").fill("6");
    await page.getByRole("button", { name: "Publish to the board" }).click();
    await status(page, "Published: the item is on the board now.");
    const itemPath = new URL(page.url()).pathname.replace(/\/edit$/, "");

    await page.goto(itemPath);
    await expect(page.getByText("Status: Open")).toBeVisible();
    const details = page.getByRole("complementary").filter({ has: page.getByRole("heading", { name: "Details" }) });
    await expect(details.getByRole("link", { name: title })).toHaveAttribute(
      "href",
      `https://github.com/cncf/tag-security/issues/${number}`,
    );
    await expect(details).toContainText("Assigned on GitHub to @dev-ambassador");
    await expect(details).not.toContainText("Issue closed on GitHub");
    // Published, it left the drafts.
    await page.goto("/manage/security-and-compliance");
    await expect(
      page
        .getByRole("region", { name: /Drafts from GitHub/ })
        .getByRole("listitem")
        .filter({ hasText: title }),
    ).toHaveCount(0);

    // The issue is closed on GitHub; GitHub sends a signed `issues` delivery.
    await page.request.post(`${standIn()}/_stand-in/issues`, {
      data: { repo: "cncf/tag-security", number, state: "closed" },
    });
    const delivered = await deliverIssueEvent(page, "closed", {
      number,
      title,
      state: "closed",
      labels: ["community/help wanted"],
      assignees: ["dev-ambassador"],
    });
    expect(delivered).toMatchObject({ outcome: "updated", linkedUpdated: 1 });
    await page.goto(itemPath);
    await expect(details).toContainText("Issue closed on GitHub");
    await expect(details).toContainText("Assigned on GitHub to @dev-ambassador");
    // The board card says so too.
    await page.goto(`/help-wanted?q=${token}`);
    const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: title }) });
    await expect(card).toContainText("Issue closed on GitHub");
  });
});
