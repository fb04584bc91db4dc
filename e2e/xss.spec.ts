import { expect, signInAs, test } from "./fixtures";
import { acceptVolunteer, volunteerFor } from "./steps";

/** Hostile input for every rich-text field (docs/security.md, "Untrusted text"). */
const CORPUS = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  "[click](javascript:window.__xss=1)",
  '<a href="javascript:window.__xss=1">x</a>',
  "<svg onload=window.__xss=1>",
  '"><iframe srcdoc="<script>parent.__xss=1</script>">',
].join("\n\n");

test("an XSS corpus in an item's title, body, an edited progress update and a bio renders inert", async ({
  page,
  browser,
}) => {
  // A hang guard: two people, eleven pages, on a busy machine.
  test.setTimeout(240_000);
  const marker = `xss${Date.now().toString(36)}`;
  const title = `${marker} <script>window.__xss=1</script><img src=x onerror="window.__xss=1">`;
  await signInAs(page, "chia-chair");
  await page.goto("/help-wanted/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill(`Body ${marker}\n\n${CORPUS}\n\n[a safe link](https://example.org/safe)`);
  await page.getByRole("checkbox", { name: "TAG Security and Compliance" }).check();
  await page.getByLabel("Kind").selectOption("review");
  await page.getByRole("button", { name: "Post item" }).click();
  await page.waitForURL(/\/help-wanted\/[0-9a-f-]{36}/);
  const path = new URL(page.url()).pathname;

  // A volunteer posts the corpus as progress, so the updates timeline renders it too.
  const context = await browser.newContext();
  const amy = await context.newPage();
  await signInAs(amy, "amy-ambassador");
  await expect(await volunteerFor(amy, path)).toBeVisible();
  await expect(await acceptVolunteer(page, path, "amy-ambassador")).toBeVisible();
  await amy.goto(path);
  await amy.getByLabel("Progress update").fill(`Progress ${marker}\n\n${CORPUS}`);
  await amy.getByRole("button", { name: "Post update" }).click();
  await expect(amy.getByRole("status").filter({ hasText: "Update posted." })).toBeVisible();
  // She edits it within the day, the corpus again: the edited text is what the timeline renders.
  await amy.getByText("Edit this update").click();
  const edit = amy.getByRole("form", { name: "Edit your progress update" });
  await edit.getByLabel("Progress update").fill(`Edited ${marker}\n\n${CORPUS}`);
  await edit.getByRole("button", { name: "Save the edit" }).click();
  await expect(amy.getByRole("status").filter({ hasText: "Update edited." })).toBeVisible();
  // Her bio (plain text) carries the corpus to her public profile.
  await amy.goto("/me");
  await amy.getByLabel("Short bio").fill(`Bio ${marker}\n\n${CORPUS}`);
  await amy.getByRole("button", { name: "Save profile" }).click();
  await expect(amy.getByText("Profile saved.")).toBeVisible();
  await context.close();

  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(path);
  // The title shows as text, exactly as typed.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(`Body ${marker}`)).toBeVisible();
  await expect(page.getByText(`Edited ${marker}`)).toBeVisible();

  const main = page.locator("main");
  const content = page.getByRole("article");
  expect(await main.locator("script, iframe, svg[onload], img[onerror], object, embed").count()).toBe(0);
  expect(await main.locator("[onerror], [onload], [onclick]").count()).toBe(0);
  expect(await main.locator('a[href^="javascript:" i]').count()).toBe(0);

  // Click every link in the item's content; each must go nowhere hostile.
  const hrefs = await content.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(hrefs).toContain("https://example.org/safe");
  for (const href of hrefs) expect(href ?? "").toMatch(/^(https?:|mailto:|\/|#)/);
  await page.route("https://example.org/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/plain", body: "outside" }),
  );
  const count = await content.locator("a").count();
  for (let i = 0; i < count; i++) {
    await content.locator("a").nth(i).click();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    if (new URL(page.url()).pathname !== path) await page.goto(path);
  }
  // The label of the javascript: link is plain text, once in the body and once in the update.
  await expect(content.locator("span", { hasText: /^click$/ })).toHaveCount(2);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

  // The profile shows the bio as the text she typed, with nothing of it live.
  await page.goto("/people/amy-ambassador");
  await expect(page.getByText(`Bio ${marker}`)).toBeVisible();
  await expect(page.locator("main")).toContainText("<script>window.__xss=1</script>");
  expect(
    await main
      .locator("script, iframe, svg[onload], img[onerror], [onerror], [onload], a[href^='javascript:' i]")
      .count(),
  ).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
