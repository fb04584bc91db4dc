import type { Page } from "@playwright/test";
import { expect, signedIn, signInAs, test } from "./fixtures";
import { postItem } from "./steps";

// An EMEA CNCF Ambassador whom no other spec uses, and the chair of TAG Infrastructure.
const AMBASSADOR = "fay-ambassador";
const LEAD = "kai-chair";
const TAG = "infrastructure";

/** The lead posts an item of TAG Infrastructure; returns its path. */
const postInfraItem = (
  page: Page,
  item: { title: string; kind: string; skills: string; effort: string; region?: string },
) => postItem(page, { ...item, description: "Help the TAG with this.", tag: "TAG Infrastructure" });

test("an ambassador sees the Go docs item first with reasons and hides it; a lead invites them to another, they accept, both consoles show it", async ({
  page,
  browser,
}) => {
  const word = `mx${Date.now().toString(36)}`;
  const amb = await signedIn(browser, AMBASSADOR);

  // The ambassador's profile: Go and documentation, EMEA, 10 hours a month.
  await amb.page.goto("/me");
  await amb.page.getByLabel("Region", { exact: true }).selectOption("EMEA");
  await amb.page.getByLabel("Timezone", { exact: true }).fill("Europe/Berlin");
  await amb.page.getByLabel("Hours available a month").fill("10");
  const skills = amb.page.getByRole("group", { name: "Skills" });
  await skills.getByLabel("Go", { exact: true }).check();
  await skills.getByLabel("Documentation", { exact: true }).check();
  await amb.page.getByRole("button", { name: "Save profile" }).click();
  await expect(amb.page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();

  await signInAs(page, LEAD);
  const docs = `Write the Go client docs ${word}`;
  const review = `Review the Go operator guide ${word}`;
  await postInfraItem(page, { title: docs, kind: "content", skills: "Go, Documentation", effort: "6", region: "EMEA" });
  const reviewPath = await postInfraItem(page, { title: review, kind: "review", skills: "Go", effort: "4" });

  // For you: the Go docs item first, with its reasons.
  await amb.page.goto("/help-wanted/for-you");
  const matches = amb.page.getByRole("list", { name: "Your matches, best first" });
  const first = matches.getByRole("listitem").first();
  await expect(first.getByRole("heading", { name: docs })).toBeVisible();
  await expect(first).toContainText(
    "Why it matches you: Go and Documentation match your skills; EMEA like you; about 6 h, you have 10 h free this month",
  );

  // Hide it: it disappears, and stays gone.
  await first.getByRole("button", { name: "Hide" }).click();
  await expect(matches.getByRole("heading", { name: docs })).toHaveCount(0);
  await expect(matches.getByRole("heading", { name: review })).toBeVisible();
  await amb.page.reload();
  await expect(
    amb.page.getByRole("list", { name: "Your matches, best first" }).getByRole("heading", { name: docs }),
  ).toHaveCount(0);
  await expect(amb.page.getByRole("region", { name: /Hidden items/ }).getByRole("link", { name: docs })).toBeVisible();

  // The board's best-match sort works the same for a signed-in person; a visitor is told it falls back.
  await amb.page.goto(`/help-wanted?q=${word}&sort=match`);
  await expect(amb.page.getByRole("heading", { name: review })).toBeVisible();
  await expect(amb.page.getByText("Why it matches you:").first()).toBeVisible();

  // The lead opens the other item and sees the ambassador suggested, with why and their status.
  await page.goto(reviewPath);
  const suggested = page
    .getByRole("list", { name: "Suggested people, best first" })
    .getByRole("listitem")
    .filter({ hasText: `@${AMBASSADOR}` });
  await expect(suggested).toBeVisible();
  await expect(suggested).toContainText("CNCF Ambassador");
  await expect(suggested).toContainText("Go matches their skills");
  await expect(suggested).toContainText("Current load: no accepted claims");
  await suggested.getByText(`Invite @${AMBASSADOR}…`).click();
  await suggested.getByLabel(`Message to @${AMBASSADOR}`).fill("Your Go experience would help here.");
  await suggested.getByRole("button", { name: `Invite @${AMBASSADOR}`, exact: true }).click();
  // Invited people leave the suggestions and wait for an answer.
  const leadTools = page.getByRole("region", { name: "For the TAG's leads" });
  await expect(leadTools.getByRole("listitem").filter({ hasText: `@${AMBASSADOR} invited` })).toContainText(
    "no answer yet",
  );
  await expect(suggested).toHaveCount(0);

  // The ambassador accepts from their work page.
  await amb.page.goto("/my-work");
  const row = amb.page.getByRole("listitem").filter({ hasText: review });
  await expect(row).toContainText("Invited: answer the lead");
  await row.getByRole("button", { name: "Accept the invitation" }).click();
  await expect(row).toContainText("Working on it");
  await amb.page.reload();
  await expect(
    amb.page
      .getByRole("region", { name: /Current/ })
      .getByRole("listitem")
      .filter({ hasText: review }),
  ).toContainText("Working on it");

  // The lead's console shows the claim held.
  await page.goto(`/manage/${TAG}`);
  await expect(page.getByRole("row", { name: new RegExp(review) })).toContainText(`@${AMBASSADOR}`);
  await expect(page.getByRole("row", { name: new RegExp(review) })).toContainText("Working");
  await page.goto(reviewPath);
  await expect(page.getByRole("region", { name: "History" })).toContainText("accepted an invitation");
  await amb.context.close();
});

test("best match on the board needs a signed-in person; a visitor gets the newest first and is told so", async ({
  page,
}) => {
  await page.goto("/help-wanted?sort=match");
  await expect(
    page.getByRole("status").filter({ hasText: "Best match needs to know who you are: showing the newest first." }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to see your best matches" })).toBeVisible();
  await page.goto("/help-wanted/for-you");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fhelp-wanted%2Ffor-you/);
});
