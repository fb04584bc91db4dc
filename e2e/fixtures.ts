import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

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

/** The id Next.js gave a server action, from the production build's manifest. */
export function actionId(exportName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportName)?.[0];
  if (!id) throw new Error(`no server action named ${exportName} in the build`);
  return id;
}

let counter = 0;

/**
 * A GitHub identity that exists only for this test (the stand-in adds it). `email: null` keeps the
 * address private, as GitHub does; `emails` says what GitHub's /user/emails answers then.
 */
export async function newIdentity(
  page: Page,
  prefix: string,
  fields: { email?: string | null; emails?: "verified" | "unverified" | "refused" } = {},
) {
  const id = 950_000 + ((Date.now() % 40_000) * 10 + (counter++ % 10));
  const login = `${prefix}-${id}`;
  const res = await page.request.post(`${STAND_IN}/_stand-in/identities`, {
    data: { id, login, name: `Test ${prefix} ${id}`, email: `${login}@example.test`, ...fields },
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

const isPortal = (url: string) => url.startsWith("http://localhost");

/** Pages and contexts already hooked, so that a page is never wrapped twice. */
const watchedPages = new WeakSet<Page>();
const watchedContexts = new WeakSet<BrowserContext>();

/**
 * Pages (address and DOM) that passed a check in this worker: a page a test shows again unchanged,
 * such as a person's home page after each sign-in, is not checked twice.
 */
const passed = new Set<string>();

/** axe fails when the page navigates under it (a client-side redirect): check the page it lands on. */
async function scan(page: Page) {
  if (page.isClosed() || !isPortal(page.url())) return;
  for (let attempt = 0; ; attempt++) {
    try {
      const state = await page.evaluate(() => {
        if (document.contentType !== "text/html") return null;
        // FNV-1a of the whole document: cheap next to an axe run.
        const html = document.documentElement.outerHTML;
        let h = 0x811c9dc5;
        for (let i = 0; i < html.length; i++) h = Math.imul(h ^ html.charCodeAt(i), 0x01000193);
        return `${location.href} ${html.length} ${h >>> 0}`;
      });
      if (state === null || passed.has(state)) return;
      await expectAccessible(page);
      passed.add(state);
      return;
    } catch (e) {
      const navigated = e instanceof Error && /context was destroyed|navigat/i.test(e.message);
      if (!navigated || attempt > 0) throw e;
      await page.waitForLoadState("load");
      if (page.isClosed() || !isPortal(page.url())) return;
    }
  }
}

/**
 * Checks the page after every `goto` and `waitForURL`, the moments a test says a page has loaded.
 * Not after `reload`: tests reload inside polling loops, and the page they settle on is checked
 * when the test ends.
 */
function watchPage(page: Page) {
  if (watchedPages.has(page)) return;
  watchedPages.add(page);
  const { goto, waitForURL } = page;
  page.goto = async (...args) => {
    const response = await goto.apply(page, args);
    await scan(page);
    return response;
  };
  page.waitForURL = async (...args) => {
    await waitForURL.apply(page, args);
    await scan(page);
  };
}

/**
 * Every page of a context is watched, and a context is checked once more as it closes (the pages
 * a test reached by clicking). axe runs inside the page, so contexts without JavaScript (tests of
 * the no-JavaScript path) are checked by their JavaScript-enabled twins instead.
 */
function watchContext(context: BrowserContext, javaScriptEnabled: boolean) {
  if (!javaScriptEnabled || watchedContexts.has(context)) return;
  watchedContexts.add(context);
  context.pages().forEach(watchPage);
  context.on("page", watchPage);
  const close = context.close;
  context.close = async (...args) => {
    for (const page of context.pages()) await scan(page);
    return close.apply(context, args);
  };
}

/**
 * axe-core checks every portal page of every browser context a test opens (the default one and
 * those from `browser.newContext` / `browser.newPage`, signed-in ones included): after each
 * `goto` and `waitForURL`, when a context closes, and the pages still open when the test ends.
 */
export const test = base.extend<{ a11yEveryContext: void }>({
  context: async ({ context, javaScriptEnabled }, provide) => {
    watchContext(context, javaScriptEnabled);
    await provide(context);
  },
  a11yEveryContext: [
    async ({ browser, context, javaScriptEnabled }, provide, testInfo) => {
      const opened: BrowserContext[] = [context];
      const { newContext, newPage } = browser;
      browser.newContext = async (options) => {
        const c = await newContext.call(browser, options);
        watchContext(c, options?.javaScriptEnabled ?? javaScriptEnabled);
        opened.push(c);
        return c;
      };
      browser.newPage = async (options) => {
        const p = await newPage.call(browser, options);
        watchContext(p.context(), options?.javaScriptEnabled ?? javaScriptEnabled);
        watchPage(p);
        opened.push(p.context());
        return p;
      };
      try {
        await provide();
      } finally {
        browser.newContext = newContext;
        browser.newPage = newPage;
      }
      if (testInfo.status !== testInfo.expectedStatus) return;
      for (const c of opened) if (watchedContexts.has(c)) for (const page of c.pages()) await scan(page);
    },
    { auto: true },
  ],
});

export { expect };
