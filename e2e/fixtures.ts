import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";

export const STAND_IN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
export const PLAIN_PORTAL = `http://localhost:${process.env.E2E_PLAIN_PORT ?? 3200}`;

/** Fails on any axe-core violation of the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe-core violations on ${page.url()}`).toEqual([]);
}

let counter = 0;

/** A GitHub identity that exists only for this test (the stand-in adds it). */
export async function newIdentity(page: Page, prefix: string) {
  const id = 950_000 + ((Date.now() % 40_000) * 10 + (counter++ % 10));
  const login = `${prefix}-${id}`;
  const res = await page.request.post(`${STAND_IN}/_stand-in/identities`, {
    data: { id, login, name: `Test ${prefix} ${id}`, email: `${login}@example.test` },
  });
  expect(res.ok()).toBe(true);
  return { id, login };
}

/** Signs in through the real OAuth flow: the portal's button, then the stand-in's identity picker. */
export async function signInAs(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.waitForURL(`${STAND_IN}/login/oauth/authorize**`);
  await page.getByRole("button", { name: new RegExp(`@${login}\\b`) }).click();
  await page.waitForURL((u) => !u.href.startsWith(STAND_IN));
  await expect(page.getByRole("button", { name: new RegExp(`Account menu .*@${login}\\)`) })).toBeVisible();
}

/**
 * TOC members vote on the open decision titled `title`, each signed in in a browser of their own:
 * from the dashboard's list to the decision page, a choice, then its confirmation. Returns the
 * status line the last vote announced.
 */
export async function tocVote(
  browser: Browser,
  title: string | RegExp,
  voters: readonly string[],
  choice: "Yes" | "No" | "Abstain" = "Yes",
): Promise<string> {
  let said = "";
  for (const login of voters) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, login);
    await page.goto("/toc");
    await page.getByRole("list", { name: "Open TOC decisions" }).getByRole("link", { name: title }).click();
    await page.getByRole("button", { name: choice, exact: true }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Confirm my vote: ${choice}` }).click();
    const status = page.getByRole("status").filter({ hasText: "Your vote is recorded" });
    await expect(status).toBeVisible();
    said = (await status.textContent()) ?? "";
    await expectAccessible(page);
    await context.close();
  }
  return said;
}

const isPortal = (url: string) => url.startsWith("http://localhost");

/**
 * Every portal page a test opens with `page.goto` is checked with axe-core as it loads, and
 * every test ends with a check of the page it ended on (pages reached by clicking).
 */
export const test = base.extend<{ a11yAfter: void }>({
  // axe runs inside the page, so tests of the no-JavaScript path are checked by their
  // JavaScript-enabled twins instead.
  page: async ({ page, javaScriptEnabled }, provide) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (
        javaScriptEnabled &&
        isPortal(page.url()) &&
        (response?.headers()["content-type"] ?? "").includes("text/html")
      )
        await expectAccessible(page);
      return response;
    };
    await provide(page);
  },
  a11yAfter: [
    async ({ page, javaScriptEnabled }, use) => {
      await use();
      if (javaScriptEnabled && isPortal(page.url())) await expectAccessible(page);
    },
    { auto: true },
  ],
});

export { expect };
