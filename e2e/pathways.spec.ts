import { expect, signedIn, signInAs, test } from "./fixtures";

/**
 * Issue 21's story, as far as built: a chair defines a three-step ladder; a member with seeded
 * contributions (prisma/seed-pathways.ts) has reached "Reviewer" and sees what "Shadow" needs; a
 * lead pairs them with a mentor, the mentor signs off, and the member reaches "Shadow".
 */
test("a chair defines a ladder, pairs a mentor, the mentor signs off and the member climbs a step", async ({
  page,
  browser,
}) => {
  await signInAs(page, "chia-chair");
  await page.goto("/manage/security-and-compliance/pathway");
  const editor = page.getByRole("form", { name: /the ladder/ });
  // An unknown kind is refused with the line it is on, and nothing is saved.
  await editor.getByLabel("Steps, one per line, lowest first").fill("Contributor: 1 pull request\nReviewer: 3 reveiws");
  await editor.getByRole("button", { name: "Save ladder" }).click();
  await expect(editor).toContainText('Line 2: "reveiws" is not a contribution kind');
  await editor
    .getByLabel("Steps, one per line, lowest first")
    .fill(
      "Contributor: 1 pull request\nReviewer: 3 reviews, 2 meetings attended\nShadow: 1 assessment shadowed in 12 months; mentor sign-off",
    );
  await editor.getByRole("button", { name: "Save ladder" }).click();
  await expect(editor.getByRole("status")).toContainText("Ladder saved (3 steps");
  // The member's counts for "Shadow" are met: the leads see them waiting for a sign-off.
  await expect(page.getByRole("region", { name: /Ready for a next step/ })).toContainText("@jade-member for Shadow");

  const member = await signedIn(browser, "jade-member");
  await member.page.goto("/pathways");
  const mine = member.page.getByRole("listitem").filter({ hasText: "TAG Security and Compliance" });
  await expect(mine).toContainText("Reached: Reviewer");
  await expect(mine).toContainText("Next, Shadow, needs:");
  await expect(mine).toContainText("a mentor's sign-off: not yet");

  const pair = page.getByRole("form", { name: "Pair a mentor and a mentee" });
  await pair.getByLabel("Mentor (GitHub login)").fill("jade-member");
  await pair.getByLabel("Mentee (GitHub login)").fill("@Jade-Member");
  await pair.getByRole("button", { name: "Pair them" }).click();
  await expect(pair).toContainText("A person cannot mentor themselves");
  await pair.getByLabel("Mentor (GitHub login)").fill("luca-member");
  await pair.getByLabel("Mentee (GitHub login)").fill("@Jade-Member");
  await pair.getByRole("button", { name: "Pair them" }).click();
  await expect(pair.getByRole("status")).toContainText("@luca-member now mentors @jade-member.");

  const mentor = await signedIn(browser, "luca-member");
  await mentor.page.goto("/pathways");
  const mentee = mentor.page.getByRole("listitem").filter({ hasText: "@jade-member in TAG Security and Compliance" });
  await mentee.getByRole("button", { name: "Sign off" }).click();
  // Signed off, the mentee is at the top of the ladder and the sign-off form (with its status
  // line) is gone: the page itself is the confirmation.
  await expect(mentee).toContainText("Reached: Shadow");
  await expect(mentee.getByRole("button", { name: "Sign off" })).toHaveCount(0);
  await mentor.context.close();

  await member.page.reload();
  await expect(mine).toContainText("Reached: Shadow");
  await expect(mine).toContainText("The top of the ladder.");
  await expect(mine).toContainText("Your mentor: @luca-member");
  await member.context.close();
});
