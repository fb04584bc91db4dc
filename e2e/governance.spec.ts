import { expect, newIdentity, signInAs, test, tocVote } from "./fixtures";
import { appointToRole } from "./steps";

test("an admin appoints a chair; it is pending until the TOC votes it through; the audit log shows both", async ({
  page,
  browser,
}) => {
  // Several TOC members each sign in and vote in their own browser context (tocVote).
  test.setTimeout(240_000);
  const { login: appointee } = await newIdentity(page, "appointee");
  // The appointee signs in once so the portal knows them.
  await signInAs(page, appointee);
  await page.context().clearCookies();

  await signInAs(page, "ada-admin");
  await page.goto("/tags/infrastructure");
  // One appointment form: the TAG's Chair role is one of its roles.
  const added = await appointToRole(page, "Chair", appointee, "https://github.com/cncf/toc/issues/1");
  await expect(added).toContainText("pending until the TOC approves it by vote");
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(`Test appointee`) });
  await expect(row).toContainText("pending TOC approval");

  // The demo's TOC has four members: a majority of all of them is three. Two yes votes keep it open.
  const title = `Appoint @${appointee} as Chair of TAG Infrastructure`;
  expect(await tocVote(browser, title, ["toby-toc", "tess-toc"])).toMatch(
    /2 yes votes of 4 TOC members.*still to vote/,
  );
  await page.reload();
  await expect(page.getByRole("row", { name: /Test appointee/ })).toContainText("pending TOC approval");
  // The third closes it: approved, and the seat is active at once.
  expect(await tocVote(browser, title, ["uma-toc"])).toMatch(/3 yes votes of 4 TOC members.*approved/);

  const tocContext = await browser.newContext();
  const toc = await tocContext.newPage();
  await signInAs(toc, "omar-toc");
  await toc.goto("/toc");
  await expect(toc.getByRole("list", { name: "Open TOC decisions" }).getByRole("link", { name: title })).toHaveCount(0);
  await toc.goto("/tags/infrastructure");
  const approved = toc.getByRole("row", { name: /Test appointee/ });
  await expect(approved).toContainText("Chair");
  await expect(approved).not.toContainText("pending");

  await toc.goto(`/people/${appointee}`);
  await expect(toc.getByRole("region", { name: "Roles in TAGs" })).toContainText("Chair of TAG Infrastructure (active");

  await toc.goto(`/admin/audit?tag=infrastructure`);
  await expect(toc.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(toc.getByRole("cell", { name: "roster.appoint" }).first()).toBeVisible();
  await expect(toc.getByRole("cell", { name: "decision.vote" }).first()).toBeVisible();
  await expect(toc.getByRole("cell", { name: "leadership.approve" }).first()).toBeVisible();
  await tocContext.close();
});

test("the chair of one TAG sees edit controls on their TAG only", async ({ page }) => {
  await signInAs(page, "chia-chair");
  await page.goto("/tags/security-and-compliance");
  await expect(page.getByRole("heading", { name: "Appoint to a defined role" })).toBeVisible();
  await page.goto("/tags/infrastructure");
  await expect(page.getByRole("heading", { name: "TAG Infrastructure", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Appoint to a defined role" })).toHaveCount(0);
  await expect(page.getByText(/End .* seat/)).toHaveCount(0);
});

test("a member who opens /admin is refused; a TOC member opens the audit log", async ({ page }) => {
  await signInAs(page, "milo-member");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "You do not have access to the admin console" })).toBeVisible();
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "You do not have access to the audit log" })).toBeVisible();
  await page.context().clearCookies();
  await signInAs(page, "tess-toc");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
});

test("an unknown TAG slug shows the 404 page", async ({ page }) => {
  const res = await page.goto("/tags/no-such-tag");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});
