import { expect, signedIn, signInAs, test } from "./fixtures";
import { appointToRole } from "./steps";

/**
 * Issue 21's story: a chair defines a three-step ladder; a member with seeded contributions
 * (prisma/seed-pathways.ts) has reached "Reviewer" and sees what "Shadow" needs; a lead pairs them
 * with a mentor and posts a shadowing item naming that mentor; the member volunteers and is
 * accepted, the mentor signs them off from the item, and the member reaches "Shadow". Then a
 * consensus appointment: the chair switches the TAG to consensus and appoints; the member, active
 * in the TAG, objects inside the window and the appointment becomes a TOC decision.
 */
test("a chair defines a ladder, pairs a mentor, the mentor signs off and the member climbs a step", async ({
  page,
  browser,
}) => {
  // Three people and a shadowing item: more steps than the default budget allows on a loaded machine.
  test.setTimeout(150_000);
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
  await expect(mine.getByRole("link", { name: "Shadowing items in TAG Security and Compliance" })).toHaveAttribute(
    "href",
    "/help-wanted?kind=shadow&tag=security-and-compliance",
  );

  const pair = page.getByRole("form", { name: "Pair a mentor and a mentee" });
  await pair.getByLabel("Mentor (GitHub login)").fill("jade-member");
  await pair.getByLabel("Mentee (GitHub login)").fill("@Jade-Member");
  await pair.getByRole("button", { name: "Pair them" }).click();
  await expect(pair).toContainText("A person cannot mentor themselves");
  await pair.getByLabel("Mentor (GitHub login)").fill("luca-member");
  await pair.getByLabel("Mentee (GitHub login)").fill("@Jade-Member");
  await pair.getByRole("button", { name: "Pair them" }).click();
  await expect(pair.getByRole("status")).toContainText("@luca-member now mentors @jade-member.");

  // The lead posts a shadowing item naming the mentor; the member volunteers and is accepted.
  const title = `Shadow a sandbox assessment ${Date.now().toString(36)}`;
  await page.goto("/help-wanted/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("checkbox", { name: "TAG Security and Compliance" }).check();
  // The mentor and the step belong to a Shadowing item only: the form shows them for that kind.
  const shadowing = page.getByRole("group", { name: "Shadowing" });
  await expect(shadowing).toBeHidden();
  await page.getByLabel("Kind").selectOption("Shadowing");
  await shadowing.getByLabel("Mentor", { exact: true }).fill("@luca-member");
  await shadowing.getByLabel("Ladder step", { exact: true }).fill("Shadow");
  await page.getByRole("button", { name: "Post item" }).click();
  await page.waitForURL(/\/help-wanted\/[0-9a-f-]{36}\?posted=1$/);
  const item = new URL(page.url()).pathname;
  await expect(page.getByRole("region", { name: "Details" })).toContainText(
    "@luca-member, whose sign-off counts toward “Shadow”",
  );
  await member.page.goto(item);
  await member.page.getByRole("button", { name: "Volunteer" }).click();
  await expect(member.page.getByText("A TAG lead will accept or decline your offer")).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Accept @jade-member" }).click();
  await expect(page.getByLabel("Follow-up to @jade-member")).toBeVisible();

  // The item's mentor signs the volunteer off from the item: it counts toward "Shadow".
  const mentor = await signedIn(browser, "luca-member");
  await mentor.page.goto(item);
  const signOff = mentor.page.getByRole("region", { name: "Sign off for “Shadow”" });
  await signOff.getByRole("button", { name: "Sign off @jade-member" }).click();
  await expect(signOff).toContainText("@jade-member: signed off.");
  await mentor.page.goto("/pathways");
  const mentee = mentor.page.getByRole("listitem").filter({ hasText: "@jade-member in TAG Security and Compliance" });
  await expect(mentee).toContainText("Reached: Shadow");
  await expect(mentee.getByRole("button", { name: "Sign off" })).toHaveCount(0);
  await mentor.context.close();

  await member.page.goto("/pathways");
  await expect(mine).toContainText("Reached: Shadow");
  await expect(mine).toContainText("The top of the ladder.");
  await expect(mine).toContainText("Your mentor: @luca-member");

  // Issue 21, point 5. The chair switches the TAG to consensus (and back at the end: other specs
  // of this world appoint without a window) and appoints the mentor as a Tech Lead.
  await page.goto("/manage/security-and-compliance/settings");
  const model = page.getByLabel("Leadership model", { exact: true });
  const ownModel = await model.inputValue();
  await model.selectOption("consensus");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Saved as version \d+\./)).toBeVisible();
  await page.goto("/tags/security-and-compliance");
  const notes = "https://github.com/cncf/tag-security/issues/1342";
  await expect(await appointToRole(page, "Tech Lead", "luca-member", notes)).toContainText(
    "Recorded by consensus: anyone active in the TAG may object until",
  );
  // The member, active in the TAG by its seeded contributions, objects inside the window: the
  // action's refresh shows the row sent to a TOC decision (the form is gone, its work done).
  await member.page.goto("/tags/security-and-compliance");
  const seat = member.page
    .getByRole("table", { name: "Leadership roster" })
    .getByRole("row")
    .filter({ hasText: "Luca Penhallow" })
    .filter({ hasText: "meeting notes" });
  await expect(seat).toContainText("Open to objections until");
  await seat.getByText("Object to luca-member's appointment…").click();
  await seat.getByLabel("Why you object").fill("Luca has not led a project in the TAG yet.");
  await seat.getByRole("button", { name: "Object", exact: true }).click();
  await expect(seat).toContainText("An objection sent it to a TOC decision (1 objection so far).");
  await member.context.close();

  await page.goto("/manage/security-and-compliance/settings");
  await page.getByLabel("Leadership model", { exact: true }).selectOption(ownModel);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Saved as version \d+\./)).toBeVisible();
});
