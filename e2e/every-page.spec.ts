import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";
import { DEMO_PUBLISHED_ELECTION_ID } from "../prisma/seed-elections";

/**
 * docs/security.md and the README's accessibility promise: axe-core checks every page in every
 * kind of browser context, signed-in ones included (a TOC member's `/toc`, a person's `/my-work`,
 * an admin's pages), and no page breaks its content security policy. Cheap by design: each route
 * (a page file of the build, e.g. `/tags/[slug]`) is scanned once per context, found by following
 * the links a person of that role sees; other specs do not scan every page they pass through.
 * Each page is also measured at a phone's width: none may scroll sideways.
 */

/**
 * Routes of the production build (pages and route handlers, so that `/toc/tags.csv` is not taken
 * for the page `/toc/[slug]`), the most specific first (`/help-wanted/new` before `/help-wanted/[id]`).
 */
function buildRoutes(): { route: string; page: boolean; re: RegExp }[] {
  const manifest = JSON.parse(fs.readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<string, string>;
  return Object.entries(manifest)
    .filter(([file, route]) => /\/(page|route)$/.test(file) && !route.startsWith("/_"))
    .map(([file, route]) => ({
      route,
      page: file.endsWith("/page"),
      re: new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}$`),
      dynamic: (route.match(/\[/g) ?? []).length,
    }))
    .sort((a, b) => a.dynamic - b.dynamic || b.route.length - a.route.length)
    .map(({ route, page, re }) => ({ route, page, re }));
}

const ROUTES = buildRoutes();
/** The page route a path shows, or undefined for files, API answers and unknown paths. */
const routeOf = (pathname: string) => {
  const r = ROUTES.find((x) => x.re.test(pathname));
  return r?.page ? r.route : undefined;
};

/** A phone's width in CSS pixels (an iPhone 12 to 15). */
const PHONE_WIDTH = 390;

/** Where the visitor's crawl starts: the pages of the header. */
const PUBLIC_START = ["/", "/tags", "/help-wanted", "/elections", "/projects", "/sign-in"];

/** Visits each route once, following links breadth-first; returns the routes it scanned. */
async function scanEveryRoute(page: Page, start: string[], keep: (route: string) => boolean): Promise<string[]> {
  const violations: string[] = [];
  const tooWide: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
  });
  const origin = new URL(page.url() === "about:blank" ? test.info().project.use.baseURL! : page.url()).origin;
  const seen = new Set<string>();
  const queue = [...start];
  const queued = new Set(queue);
  while (queue.length) {
    const url = queue.shift()!;
    const route = routeOf(new URL(url, origin).pathname);
    // Start pages are scanned whatever the areas: a context may start on a page only to follow its links.
    if (!route || seen.has(route) || (!keep(route) && !start.includes(url))) continue;
    const res = await page.goto(url);
    const landed = routeOf(new URL(page.url()).pathname);
    // A redirect (to sign in, to the start page) lands on a route of its own, scanned once like any other.
    if (!landed || seen.has(landed) || !(res?.headers()["content-type"] ?? "").includes("text/html")) continue;
    // The fixture's page.goto has just checked this page with axe-core (every HTML page it opens).
    seen.add(landed);
    // Phone width (issue 18): at 390 px nothing may scroll sideways; tables scroll in their own box.
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: PHONE_WIDTH, height: size.height });
    const [scrollWidth, viewWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    await page.setViewportSize(size);
    if (scrollWidth > viewWidth) tooWide.push(`${landed} is ${scrollWidth} px wide at ${viewWidth} px`);
    const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const u = new URL(href);
      if (u.origin !== origin || u.pathname.startsWith("/api/")) continue;
      const next = u.pathname + u.search;
      const r = routeOf(u.pathname);
      if (r && !seen.has(r) && !queued.has(next)) {
        queued.add(next);
        queue.push(next);
      }
    }
  }
  expect(violations, "content security policy violations").toEqual([]);
  expect(tooWide, "pages that scroll sideways on a phone").toEqual([]);
  return [...seen].sort();
}

/**
 * The visitor's crawl follows every link, so every public route is scanned. A signed-in crawl
 * starts from its role's own pages and follows links only inside its role's areas (route prefixes):
 * public pages as members and leads see them are scanned by the flows of the other specs, and
 * crawling every public page again per role cost minutes of CI's budget.
 */
const CONTEXTS: { name: string; login: string | null; start: string[]; areas: string[] | null; must: string[] }[] = [
  // `must`: routes the demo seed always offers to each role (items and elections come and go with other specs).
  {
    name: "a visitor",
    login: null,
    start: PUBLIC_START,
    areas: null,
    must: [
      "/",
      "/tags/[slug]",
      "/tags/[slug]/meetings",
      "/people/[login]",
      "/projects/[name]",
      "/sign-in",
      "/code-of-conduct",
      "/privacy",
    ],
  },
  {
    name: "a member",
    login: "milo-member",
    start: ["/me", "/welcome", "/my-work", "/notifications", "/contributions", "/help-wanted/for-you", "/pathways"],
    areas: ["/me", "/welcome", "/my-work", "/notifications", "/contributions", "/help-wanted/for-you", "/pathways"],
    must: ["/me", "/welcome", "/my-work", "/notifications", "/help-wanted/for-you", "/pathways"],
  },
  {
    name: "a TAG chair",
    login: "chia-chair",
    start: ["/manage/security-and-compliance", "/help-wanted/new", "/elections/new", "/liaisons"],
    areas: ["/manage", "/help-wanted/new", "/elections/new", "/liaisons"],
    must: ["/manage/[slug]", "/manage/[slug]/pathway", "/manage/[slug]/reports", "/help-wanted/new", "/elections/new"],
  },
  {
    // The officer of the seeded published election: its runner-up offers and the Elekto import (issue 20).
    name: "an election officer",
    login: "lena-chair",
    start: ["/elections", `/elections/${DEMO_PUBLISHED_ELECTION_ID}`],
    areas: ["/elections/[id]/offers", "/elections/import"],
    must: ["/elections", "/elections/[id]", "/elections/[id]/offers", "/elections/import"],
  },
  {
    name: "a TOC member",
    login: "toby-toc",
    start: ["/toc", "/toc/decisions"],
    areas: ["/toc"],
    must: ["/toc", "/toc/[slug]", "/toc/decisions"],
  },
  {
    name: "an admin",
    login: "ada-admin",
    start: [
      "/admin",
      "/admin/audit",
      "/admin/sync",
      "/admin/github",
      "/admin/tags-import",
      "/admin/tags/new",
      "/outbox",
    ],
    areas: ["/admin", "/outbox"],
    must: ["/admin", "/admin/audit", "/admin/sync", "/admin/tags/[slug]"],
  },
];

// The five crawls share nothing: each may run on either worker, so no single one holds up the end of the run.
test.describe.configure({ mode: "parallel" });

for (const c of CONTEXTS)
  test(`every page ${c.name} can reach passes axe-core and its CSP`, async ({ page }) => {
    // One crawl of up to some 25 routes: a budget of its own rather than the per-flow timeout.
    test.slow();
    if (c.login) await signInAs(page, c.login);
    const areas = c.areas;
    const keep = areas ? (route: string) => areas.some((a) => route === a || route.startsWith(`${a}/`)) : () => true;
    const scanned = await scanEveryRoute(page, c.start, keep);
    test.info().annotations.push({ type: "routes", description: scanned.join(" ") });
    expect(scanned).toEqual(expect.arrayContaining(c.must));
  });
