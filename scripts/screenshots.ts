/**
 * `npm run screenshots`: the README's three pictures (the board, a TAG page, `/toc`), taken from the
 * demo in real Chromium. It starts a demo portal of its own on PORT (default 3060; the stand-in on
 * the next port) with a fresh demo database in an embedded cluster of its own, so a running
 * `npm run demo` is left alone, and stops it afterwards. Needs a build (`npm run build`);
 * `--build` makes one first. Writes docs/screenshots/{board,tag,toc}.png.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { ensureChromium } from "./ensure-chromium.ts";
import { log, startPortal, waitForHttp } from "./portal.ts";

const OUT = path.join(import.meta.dirname, "..", "docs", "screenshots");
const port = Number(process.env.PORT ?? 3060);
const standInPort = port + 1;
const VIEWPORT = { width: 1280, height: 860 };

const portal = await startPortal({
  port,
  standInPort,
  slackPort: port + 2,
  build: process.argv.includes("--build"),
  database: { cluster: "screenshots", port: port + 10, database: "tag_portal_screenshots", fresh: true },
});
const browser = await chromium.launch({ executablePath: ensureChromium() });
try {
  await waitForHttp(`${portal.url}/`, 120_000);
  fs.mkdirSync(OUT, { recursive: true });
  const context = await browser.newContext({ baseURL: portal.url, viewport: VIEWPORT, timezoneId: "Europe/Berlin" });
  const page = await context.newPage();

  await page.goto("/help-wanted");
  await shoot(page, "board");

  // The TAG page a visitor reaches from the directory: the first TAG listed.
  await page.goto("/tags");
  await page.goto((await page.locator('main a[href^="/tags/"]').first().getAttribute("href"))!);
  await shoot(page, "tag");

  // `/toc` is for TOC members: signed in through the stand-in's OAuth pages, as a person would.
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByRole("button", { name: /@toby-toc\b/ }).click();
  await page.waitForURL((u) => u.origin === new URL(portal.url).origin);
  await page.goto("/toc");
  await shoot(page, "toc");
  await context.close();
} finally {
  await browser.close();
  await portal.stop();
}

async function shoot(page: Page, name: string) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  log(`wrote ${path.relative(process.cwd(), file)} (${page.url().replace(portal.url, "") || "/"})`);
}
