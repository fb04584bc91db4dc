import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test as base, expect, type Browser, type Cookie, type Page } from "@playwright/test";

/** This test's world (playwright.config.ts: each project runs against a portal of its own). */
function world(): { port: number; plainPort: number } {
  return test.info().project.metadata as { port: number; plainPort: number };
}
/** The port of the portal this test runs against. */
export const portalPort = () => world().port;
/** The GitHub stand-in of this test's portal. */
export const standIn = () => `http://127.0.0.1:${world().port + 1}`;
/** The same build without DEMO, beside this test's portal. */
export const plainPortal = () => `http://localhost:${world().plainPort}`;

/**
 * The page's structure as axe-core reads it: elements, their attributes and classes, and whether
 * each text is there, but not what it says (a vote count, a person's name, a date, a nonce), and
 * which element points at which (ids as ordinals). Two documents with the same fingerprint have the
 * same landmarks, names, labels and colours, so one axe-core answer holds for both: the decision page for the third voter, a roster one row longer
 * is a new fingerprint, the same one with other names is not. Also says whether this document has
 * axe-core loaded already. One call into the page: each costs a round trip, and CI makes thousands.
 */
async function fingerprint(page: Page): Promise<{ key: string; hasAxe: boolean }> {
  const { skeleton, hasAxe } = await page.evaluate(async () => {
    // Next.js streams a page's metadata: after a client-side navigation the new <title> can arrive a
    // moment after the content, with no title in between (seen once under load on a TOC decision).
    // Wait for it a little; a page that never gets one still fails axe's document-title rule.
    for (const end = Date.now() + 5_000; document.title === "" && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 50));
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    // Scripts and Next.js's route announcer carry per-render nonces and timing, not content axe-core reads.
    copy.querySelectorAll("script, next-route-announcer").forEach((e) => e.remove());
    const texts = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    for (let n = texts.nextNode(); n; n = texts.nextNode()) n.nodeValue = n.nodeValue?.trim() ? "T" : "";
    // Ids and the attributes that point at them become ordinals by first appearance: per-render ids
    // (React's useId) drop out, but which label points at which control, a duplicate id and a
    // reference to nothing still change the fingerprint. Other attributes that carry content keep
    // only whether they are set; the rest (class, role, type, lang, tabindex, scope, aria states,
    // style) stay as they are.
    const refs =
      /^(id|for|list|form|headers|aria-(labelledby|describedby|controls|activedescendant|owns|errormessage|details))$/;
    const content =
      /^(href|src|srcset|value|name|action|title|alt|placeholder|content|datetime|nonce|data-.*|aria-(label|valuenow|valuetext))$/;
    const ordinals = new Map<string, string>();
    const ordinal = (token: string) => {
      if (!ordinals.has(token)) ordinals.set(token, `i${ordinals.size}`);
      return ordinals.get(token)!;
    };
    for (const e of copy.querySelectorAll("*"))
      for (const a of [...e.attributes])
        if (refs.test(a.name)) e.setAttribute(a.name, a.value.split(/\s+/).filter(Boolean).map(ordinal).join(" "));
        else if (content.test(a.name)) e.setAttribute(a.name, a.value.trim() ? "T" : "");
    return { skeleton: copy.outerHTML, hasAxe: "axe" in window };
  });
  const key = createHash("sha256")
    .update(page.viewportSize()?.width + "|" + skeleton)
    .digest("hex");
  return { key, hasAxe };
}

/**
 * Runs `read` on the page, again once the page has loaded if a navigation (a redirect after an
 * action, the router replacing the URL) destroyed the document it was reading.
 */
async function settled<T>(page: Page, read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (err) {
      if (attempt >= 3 || !/Execution context was destroyed|Frame was detached/i.test(String(err))) throw err;
      await page.waitForLoadState("load");
    }
  }
}

/** axe-core's minified build, the one @axe-core/playwright depends on. */
const AXE_SOURCE = fs.readFileSync(
  createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright")).resolve("axe-core/axe.min.js"),
  "utf8",
);

/**
 * axe-core's violations on the page, with its default rules, as `axe.run` in the page reports them.
 * Not through AxeBuilder: for frames of other origins it runs axe per frame and merges the results
 * in a blank page of its own (a page opened, axe loaded again and a merge, on every check), and the
 * portal's pages have no frames. The same 16 pages took 144 s that way and 37 s with `axe.run`,
 * with the same findings. axe is loaded once per document: a second check of the same document
 * (after a form's answer) reuses it.
 */
async function axeViolations(page: Page, hasAxe: boolean): Promise<string[]> {
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof import("axe-core") };
    // Only violations are read: axe-core then skips gathering the nodes that passed, most of its work.
    const { violations } = await axe.run(document, { resultTypes: ["violations"] });
    return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
}

/** Structures found clean in this run: axe-core takes about 2 s a page here. */
const checked = new Set<string>();

/**
 * Where the workers of this run share the structures they found clean (one key a line). Named by
 * the build: a stylesheet changes what axe-core answers (contrast) without changing a structure,
 * so no answer outlives the build it was found on. The output folder is emptied at each run.
 */
function cleanFile(): string {
  const build = fs.readFileSync(path.join(".next", "BUILD_ID"), "utf8").trim();
  return path.join(test.info().project.outputDir, `.axe-clean-${build}`);
}

/** Whether this structure was found clean, by this worker or another one of this run. */
function foundClean(key: string): boolean {
  if (checked.has(key)) return true;
  const file = cleanFile();
  if (fs.existsSync(file)) for (const k of fs.readFileSync(file, "utf8").split("\n")) if (k) checked.add(k);
  return checked.has(key);
}

/**
 * Fails on any axe-core violation of the page as it is now. A document with the structure of one
 * already found clean in this run (the sign-in page before every sign-in, a page reloaded, the same
 * page for another person, or in the other world) is not checked again: axe-core would return the
 * same answer.
 */
export async function expectAccessible(page: Page) {
  const t0 = Date.now();
  // The fingerprint and the check read the same document: a navigation between them starts both again.
  const checkedNow = await settled(page, async () => {
    const { key, hasAxe } = await fingerprint(page);
    if (foundClean(key)) return null;
    return { key, violations: await axeViolations(page, hasAxe) };
  });
  if (!checkedNow) {
    if (process.env.E2E_AXE_LOG) console.log(`AXE skip ${Date.now() - t0} ms ${page.url()}`);
    return;
  }
  expect(checkedNow.violations, `axe-core violations on ${page.url()}`).toEqual([]);
  checked.add(checkedNow.key);
  // One short append: other workers read whole lines only.
  fs.mkdirSync(test.info().project.outputDir, { recursive: true });
  fs.appendFileSync(cleanFile(), `${checkedNow.key}\n`);
  if (process.env.E2E_AXE_LOG) console.log(`AXE ${Date.now() - t0} ms ${page.url()}`);
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
/** Identities this worker added to the stand-in: their sign-ins are what their tests are about. */
const newIdentities = new Set<string>();

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
  const res = await page.request.post(`${standIn()}/_stand-in/identities`, {
    data: { id, login, name: `Test ${prefix} ${id}`, email: `${login}@example.test`, ...fields },
  });
  expect(res.ok()).toBe(true);
  newIdentities.add(login);
  return { id, login };
}

/** The portal this test's pages open (a spec may point `baseURL` at a portal of its own). */
let portalOrigin = "";

/**
 * Sessions this worker made through the real OAuth flow, by portal and login: the session cookies
 * and whose they are. A session lives 30 days (real time) unless signed out or deleted.
 */
const sessions = new Map<string, { cookies: Cookie[]; userId: string }>();

/** The id of the person the context's session cookie belongs to, as the portal answers it (or none). */
async function sessionUserId(page: Page): Promise<string | undefined> {
  // A kept-alive socket the server closed a moment before (Node's 5 s keep-alive timeout) fails
  // with ECONNRESET before the request reaches the portal; this read is safe to repeat.
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await page.request.get("/api/auth/session");
      if (!res.ok()) return undefined;
      return ((await res.json()) as { user?: { id?: string } }).user?.id;
    } catch (e) {
      if (attempt >= 3 || !/ECONNRESET|socket hang up/.test(String(e))) throw e;
    }
  }
}

/**
 * The real OAuth flow without its pages: the requests the browser would make, in the page's context
 * (so next-auth's state and PKCE cookies, and then the session cookie, are the browser's). next-auth
 * starts the sign-in, the stand-in's identity picker is posted as its button posts it, and the portal's
 * callback exchanges the code with the stand-in and opens the session. Only the rendering of the
 * sign-in page, the picker and the landing page is left out (about 3 s a sign-in on CI's 2 cores).
 */
async function oauthByRequests(page: Page, login: string) {
  const req = page.request;
  const { csrfToken } = (await (await req.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const start = await req.post("/api/auth/signin/github", {
    form: { csrfToken, callbackUrl: `${portalOrigin}/`, json: "true" },
    maxRedirects: 0,
  });
  // next-auth answers `{ url }` to a `json` request, a redirect otherwise.
  const authorize = new URL(
    start.status() < 300 ? ((await start.json()) as { url: string }).url : (start.headers()["location"] ?? ""),
  );
  // The picker as the browser shows it: the button naming @login carries the identity it posts.
  const picker = await (await req.get(authorize.href)).text();
  const button = picker.split("<li>").find((li) => li.includes(` @${login}<br>`));
  const identity = /name="identity" value="(\d+)"/.exec(button ?? "")?.[1];
  expect(identity, `the stand-in offers @${login}`).toBeTruthy();
  const picked = await req.post(`${authorize.origin}/login/oauth/authorize`, {
    form: { ...Object.fromEntries(authorize.searchParams), identity: identity! },
    maxRedirects: 0,
  });
  const callback = picked.headers()["location"] ?? "";
  expect(callback, `the stand-in sends @${login} back to the portal`).toContain("/api/auth/callback/github");
  const landed = await req.get(callback, { maxRedirects: 0 });
  expect(landed.headers()["location"] ?? "", `the portal's callback for @${login}`).not.toContain("error=");
}

/**
 * Signs in as `login`, always through the real OAuth flow against the stand-in. An identity a test
 * made (newIdentity: its sign-in is what the test is about) goes through the pages: the portal's
 * button, the stand-in's identity picker, landing on a page with the account menu. A demo person
 * goes through the same requests without their pages (oauthByRequests), and the page stays where
 * it was. Either way the session is kept for this worker: the next sign-in as that person gets its
 * cookies back once the portal confirms the session is still that person's (else the flow runs again).
 */
export async function signInAs(page: Page, login: string) {
  const key = `${portalOrigin} ${login}`;
  const saved = sessions.get(key);
  if (saved) {
    await page.context().addCookies(saved.cookies);
    if ((await sessionUserId(page)) === saved.userId) return;
    sessions.delete(key);
    await page.context().clearCookies({ name: /next-auth/ });
  }
  if (!newIdentities.has(login)) {
    await oauthByRequests(page, login);
    const userId = await sessionUserId(page);
    expect(userId, `a session for @${login}`).toBeTruthy();
    const cookies = (await page.context().cookies(portalOrigin)).filter((c) => c.name.includes("next-auth"));
    sessions.set(key, { cookies, userId: userId! });
    return;
  }
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.waitForURL(`${standIn()}/login/oauth/authorize**`);
  await page.getByRole("button", { name: new RegExp(`@${login}\\b`) }).click();
  await page.waitForURL((u) => !u.href.startsWith(standIn()));
  await expect(page.getByRole("button", { name: new RegExp(`Account menu .*@${login}\\)`) })).toBeVisible();
  const userId = await sessionUserId(page);
  const cookies = (await page.context().cookies(portalOrigin)).filter((c) => c.name.includes("next-auth"));
  if (userId) sessions.set(key, { cookies, userId });
}

/** A second person, signed in in a browser context of their own (close `context` when done). */
export async function signedIn(browser: Browser, login: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, login);
  return { context, page };
}

/** The status message (role="status") a form shows after an action. */
export const status = (page: Page, text: string | RegExp) =>
  expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();

/**
 * TOC members vote on the open decision titled `title`, one after the other in a browser of their
 * own (apart from the test's page; each voter's cookies replace the last one's): the first from the
 * dashboard's list to the decision page, the others straight to that page (the TOC dashboard is the
 * portal's heaviest page, and its list is the same for each of them); then a choice and its
 * confirmation. Returns the status line the last vote announced.
 */
export async function tocVote(
  browser: Browser,
  title: string | RegExp,
  voters: readonly string[],
  choice: "Yes" | "No" | "Abstain" = "Yes",
): Promise<string> {
  let said = "";
  const context = await browser.newContext();
  const page = await context.newPage();
  let decision = "";
  for (const login of voters) {
    await context.clearCookies();
    await signInAs(page, login);
    if (decision) await page.goto(decision);
    else {
      await page.goto("/toc");
      await page.getByRole("list", { name: "Open TOC decisions" }).getByRole("link", { name: title }).click();
      await expect(page.getByRole("button", { name: choice, exact: true })).toBeVisible();
      decision = page.url();
    }
    await page.getByRole("button", { name: choice, exact: true }).click();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Confirm my vote: ${choice}` }).click();
    const status = page.getByRole("status").filter({ hasText: "Your vote is recorded" });
    await expect(status).toBeVisible();
    said = (await status.textContent()) ?? "";
    await expectAccessible(page);
  }
  await context.close();
  return said;
}

const isPortal = (url: string) => url.startsWith("http://localhost");

/**
 * Every portal page a test opens with `page.goto` is checked with axe-core as it loads, and
 * every test ends with a check of the page it ended on (pages reached by clicking).
 */
export const test = base.extend<{ a11yAfter: void; portal: void }>({
  // Where signInAs keeps this test's sessions apart from another portal's (cookies ignore the port).
  portal: [
    async ({ baseURL }, use) => {
      portalOrigin = new URL(baseURL ?? "http://localhost").origin;
      await use();
    },
    { auto: true },
  ],
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
