import type { Page } from "@playwright/test";
import { expect, signInAs, test, tocVote } from "./fixtures";
import type { RoleFigures } from "../lib/roles/figures";
import { appointToRole } from "./steps";

/**
 * Issue 15, "End-to-end": one seat model, figures that agree, TOC decisions as votes, terms that
 * end. TAG Workloads Foundation's demo roster has three sitting tech leads (Sven and Otto from
 * EMEA, Rhea from APAC, whose term ends within 60 days of seeding) under the Tech Lead role every
 * TAG has from its creation.
 */
const SLUG = "workloads-foundation";
const TAG = `/tags/${SLUG}`;
const TAG_NAME = "TAG Workloads Foundation";
const DAY = 86_400_000;

// The API gives each role its seat figures, as every other surface computes them.
type ApiRole = Omit<RoleFigures, "retired">;
type ApiTag = {
  roles: ApiRole[];
  roster: { login: string; roleKey: string; status: string; termEnd: string | null }[];
};

async function api(page: Page): Promise<ApiTag & { techLead: ApiRole }> {
  const res = await page.request.get(`/api/v1/tags/${SLUG}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as ApiTag;
  return { ...body, techLead: body.roles.find((r) => r.kind === "tech-lead")! };
}

/** The Tech Lead role's card on the TAG page, and its "Holders" line. */
const holdersLine = (page: Page) =>
  page
    .getByRole("article", { name: /^Tech Lead \(Tech Lead;/ })
    .getByRole("definition")
    .first();

/** The "Seats by role" figure on `/toc`'s card of the TAG. */
const tocFigures = (page: Page) =>
  page
    .getByRole("article", { name: TAG_NAME })
    .locator("div", { has: page.getByText("Seats by role", { exact: true }) })
    .getByRole("definition");

test("the Tech Lead role holds the sitting leads; caps refuse a full region; a pending seat counts apart until three TOC votes; a term's end frees the seat and its powers", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // The role exists from the start and already holds the three sitting tech leads.
  const before = await api(page);
  expect(before.techLead).toMatchObject({ totalSeats: null, holders: 3, pending: 0, vacancies: null });
  const rhea = before.roster.find((s) => s.login === "rhea-lead" && s.roleKey === before.techLead.key)!;
  expect(rhea.status).toBe("active");

  await signInAs(page, "nico-chair");
  await page.goto(TAG);
  await expect(holdersLine(page)).toHaveText(/^3 \(no total limit\)/);

  // The chair sets it to 4 seats, at most 2 per region: 3 holders, 1 vacancy.
  await page.getByText("Edit Tech Lead (saves a new version)").click();
  const edit = page.getByRole("form", { name: "Edit Tech Lead" });
  await edit.getByLabel("Total number of holders").fill("4");
  for (const region of ["APAC", "EMEA", "Americas"]) await edit.getByLabel(`${region} maximum`).fill("2");
  await edit.getByRole("button", { name: "Save new version" }).click();
  await expect(holdersLine(page)).toHaveText(
    "3 (4 in total, at most 2 from APAC, at most 2 from EMEA, at most 2 from Americas); 1 open",
  );

  // A fourth from a full region is refused with the region message; one from another region is pending.
  const propose = (login: string) =>
    appointToRole(page, "Tech Lead", login, "https://github.com/cncf/tag-workloads/issues/1");
  await expect(await propose("bea-ambassador")).toContainText("Region cap full: EMEA already has 2 of 2.");
  await expect(await propose("eli-ambassador")).toContainText("pending");

  // The TAG page, /toc and the API: 3 holders and 1 pending (not subtracted from the vacancy).
  await page.reload();
  await expect(holdersLine(page)).toHaveText(/^3 \(.*\); 1 pending TOC approval; 1 open$/);
  expect((await api(page)).techLead).toMatchObject({ totalSeats: 4, holders: 3, pending: 1, vacancies: 1 });
  const toc = await browser.newContext();
  const tocPage = await toc.newPage();
  await signInAs(tocPage, "toby-toc");
  await tocPage.goto("/toc");
  await expect(tocFigures(tocPage)).toContainText("Tech Lead: 3 held of 4, 1 pending, 1 vacant");

  // Three of the demo's four TOC members vote yes: a majority of all TOC members closes it.
  await tocVote(browser, /eli-ambassador/, ["toby-toc", "tess-toc", "uma-toc"]);
  await page.reload();
  await expect(holdersLine(page)).toHaveText(/^4 \(.*\); 0 open$/);
  expect((await api(page)).techLead).toMatchObject({ holders: 4, pending: 0, vacancies: 0 });
  await tocPage.reload();
  await expect(tocFigures(tocPage)).toContainText("Tech Lead: 4 held of 4");

  // Rhea leads until her term ends.
  const rheaContext = await browser.newContext();
  const rheaPage = await rheaContext.newPage();
  await signInAs(rheaPage, "rhea-lead");
  await rheaPage.goto(`/manage/${SLUG}`);
  await expect(rheaPage.getByRole("heading", { level: 1 })).not.toHaveText(/You do not have access/);

  // The clock moves past her term end: the seat ends, her lead powers go, every surface shows the vacancy.
  const clock = (days: number) => page.request.post("/api/demo/clock", { data: { days } });
  const nowAt = new Date(((await (await clock(0)).json()) as { now: string }).now);
  const termEnd = new Date(`${rhea.termEnd!}T00:00:00Z`);
  expect(termEnd.getTime()).toBeGreaterThan(nowAt.getTime());
  expect((await clock(Math.ceil((termEnd.getTime() - nowAt.getTime()) / DAY) + 1)).ok()).toBe(true);

  await rheaPage.goto(`/manage/${SLUG}`);
  await expect(rheaPage.getByRole("heading", { level: 1 })).toHaveText(
    `You do not have access to the lead console of ${TAG_NAME}`,
  );
  await page.reload();
  await expect(holdersLine(page)).toHaveText(/^3 \(.*\); 1 open$/);
  const after = await api(page);
  expect(after.techLead).toMatchObject({ holders: 3, pending: 0, vacancies: 1 });
  expect(after.roster.some((s) => s.login === "rhea-lead")).toBe(false);
  await tocPage.reload();
  await expect(tocFigures(tocPage)).toContainText("Tech Lead: 3 held of 4, 1 vacant");
  await rheaContext.close();
  await toc.close();
});
