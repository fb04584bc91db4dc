import fs from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";
import { appointToRole, postItem } from "./steps";

const TAG = "/tags/workloads-foundation";

async function appoint(page: Page, role: string, login: string) {
  await expect(await appointToRole(page, role, login)).toContainText("Added to the roster.");
}

test("a TOC member sees a TAG over its employer cap flagged, drills into it and downloads the CSV", async ({
  page,
  browser,
}) => {
  const role = `Booth organizers ${Date.now().toString(36)}`;
  // Arrange through the UI: two people from one employer (Northwind Cloud) hold a role whose cap
  // is then lowered to one, which the portal saves with a warning.
  await signInAs(page, "ada-admin");
  await page.goto(TAG);
  await page.getByText("Define a new role").click();
  const define = page.getByRole("form", { name: "Define a role" });
  await define.getByLabel("Role name").fill(role);
  await define.getByLabel("Kind", { exact: true }).selectOption("custom");
  await define.getByLabel("Most from one employer").fill("2");
  await define.getByRole("button", { name: "Define role" }).click();
  await expect(define.getByRole("status")).toContainText("Role defined.");
  await page.reload();
  await appoint(page, role, "bea-ambassador");
  await appoint(page, role, "noor-member");
  await page.reload();
  await page.getByText(`Edit ${role} (saves a new version)`).click();
  const edit = page.getByRole("form", { name: `Edit ${role}` });
  await edit.getByLabel("Most from one employer").fill("1");
  await edit.getByRole("button", { name: "Save new version" }).click();
  // The new version replaces the role's card (and its form) on the page.
  await expect(page.getByRole("heading", { name: new RegExp(`^${role} .*rules version 2\\)$`) })).toBeVisible();

  const tocContext = await browser.newContext();
  const toc = await tocContext.newPage();
  await signInAs(toc, "toby-toc");
  await toc.goto("/toc");
  const card = toc.getByRole("article", { name: "TAG Workloads Foundation" });
  await expect(card.getByRole("list", { name: "Needs attention in TAG Workloads Foundation" })).toContainText(
    `Over employer cap: ${role} (Northwind Cloud: 2 (100%) of at most 1)`,
  );
  // The TOC's decisions stay on the same page.
  await expect(toc.getByRole("heading", { name: "Decisions awaiting the TOC", level: 2 })).toBeVisible();

  await card.getByRole("link", { name: "TAG Workloads Foundation" }).click();
  await expect(toc.getByRole("heading", { name: "TAG Workloads Foundation: dashboard", level: 1 })).toBeVisible();
  const roles = toc.getByRole("region", { name: "Seats and caps per role" });
  const row = roles.getByRole("row").filter({ hasText: role });
  await expect(row).toContainText("Northwind Cloud: 2 (100%)");
  await expect(row.getByRole("cell").last()).toHaveText("yes");
  await expect(toc.getByRole("img", { name: new RegExp(`^${role} holders by region`) })).toBeVisible();

  const download = toc.waitForEvent("download");
  await roles.getByRole("link", { name: "Download “Seats and caps per role” (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tag-workloads-foundation-roles-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await fs.readFile((await file.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "role,holders,pending,vacancies,total seats,by region,regional rules,region issues,largest employer,employer cap,over employer cap",
  );
  expect(csv).toContain(`${role},2,0,,,"APAC 1, EMEA 1, Americas 0",,,Northwind Cloud: 2 (100%),1,yes`);

  // Issue 22's report steps: the TAG's lead (the admin who arranged it, with the same permission)
  // drafts this quarter's report and downloads it; its figures are the ones the TOC sees above.
  await page.goto("/manage/workloads-foundation/reports");
  const narrative = page.getByRole("form", { name: "Narrative" });
  const summary = `The booth season staffed ${role}.`;
  await narrative.getByLabel("Summary").fill(summary);
  await narrative.getByRole("button", { name: "Save narrative" }).click();
  await expect(narrative.getByRole("status")).toContainText("saved (version");
  const reportDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the report (markdown)" }).click();
  const reportFile = await reportDownload;
  expect(reportFile.suggestedFilename()).toMatch(/^tag-workloads-foundation-report-\d{4}-Q[1-4]\.md$/);
  const md = await fs.readFile((await reportFile.path())!, "utf8");
  expect(md).toContain(`## Summary\n\n${summary}`);
  // A markdown table's rows under its heading (without the header and the rule), and a chart's table.
  const reportRows = (heading: string) =>
    md
      .split(`\n## ${heading}\n`)[1]!
      .split("\n## ")[0]!
      .split("\n")
      .filter((l) => l.startsWith("| ") && !l.includes(" --- "))
      .slice(1)
      .map((l) => l.slice(2, -2).split(" | "));
  const chartRows = (caption: string) =>
    toc
      .getByRole("table", { name: caption })
      .evaluate((t: HTMLTableElement) => [...t.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent)));
  const months = new Map(
    (await chartRows("Help-wanted items opened, claims accepted and claims completed per month")).map((r) => [r[0], r]),
  );
  const shared = reportRows("Help wanted").filter((r) => months.has(r[0]!));
  expect(shared.length).toBeGreaterThan(0);
  for (const [month, opened, claimed, done] of shared)
    expect(months.get(month)).toEqual([month, opened, claimed, done]);
  const quarters = new Map(
    (await chartRows("Chair and tech-lead seats started and ended per quarter")).map((r) => [r[0], r]),
  );
  const [quarter, , started, ended] = reportRows("Leadership")[0]!;
  expect(quarters.get(quarter)).toEqual([quarter, started, ended]);
  await tocContext.close();
});

test("a visitor pages through help-wanted items with a cursor and gets 304 for a repeated request with the ETag", async ({
  page,
}) => {
  const token = `dashapi${Date.now().toString(36)}`;
  await signInAs(page, "ada-admin");
  for (let i = 1; i <= 3; i++) {
    await postItem(page, {
      title: `Staff the booth ${token} number ${i}`,
      description: "Two hours at the TAG booth.",
      tag: "TAG Workloads Foundation",
      kind: "event",
    });
  }
  await page.context().clearCookies();

  // A visitor: no cookies at all.
  const api = page.request;
  const titles: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await api.get(`/api/v1/help-wanted?q=${token}&sort=newest&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { data: { title: string }[]; nextCursor: string | null };
    titles.push(...body.data.map((i) => i.title));
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 10);
  expect(titles).toEqual([3, 2, 1].map((i) => `Staff the booth ${token} number ${i}`));

  const first = await api.get(`/api/v1/help-wanted?q=${token}&sort=newest&limit=1`);
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^"/);
  const again = await api.get(`/api/v1/help-wanted?q=${token}&sort=newest&limit=1`, {
    headers: { "if-none-match": etag },
  });
  expect(again.status()).toBe(304);
  expect(again.headers()["etag"]).toBe(etag);

  const doc = await api.get("/api/v1/openapi.json");
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
  const missing = await api.get("/api/v1/tags/no-such-tag");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", message: "No TAG has that slug." } });
});
