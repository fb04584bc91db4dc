import type { Locator, Page } from "@playwright/test";

/**
 * Steps several specs take the same way, through the real UI. Each returns what the spec checks
 * next, so the expectation stays in the spec that cares about it.
 */

/**
 * Opens the TAG page's "Appoint to a defined role" form, fills it and submits it; returns the form's status
 * line (added, pending until the TOC approves, or why it was refused).
 */
export async function appointToRole(
  page: Page,
  role: string,
  login: string,
  decidedAt = "https://github.com/cncf/toc/issues/1211",
): Promise<Locator> {
  const form = page.getByRole("form", { name: "Appoint to a defined role" });
  // The form sits behind the TAG page's "Manage" disclosure; a second appointment finds it open.
  if (!(await form.isVisible())) await page.getByRole("heading", { name: "Appoint to a defined role" }).click();
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByLabel("Appointee (their GitHub handle)").fill(login);
  await form.getByLabel("Where it was decided (URL)").fill(decidedAt);
  await form.getByRole("button", { name: "Add to roster" }).click();
  return form.getByRole("status");
}

/** What a lead fills in on "/help-wanted/new"; a field left out stays as the form offers it. */
export interface NewItem {
  title: string;
  description?: string;
  /** The TAG's checkbox, by its name ("TAG Infrastructure"). */
  tag: string;
  kind?: string;
  skills?: string;
  effort?: string;
  places?: string;
  due?: string;
  region?: string;
  label?: string;
  issue?: string;
  /** Shadowing items: the mentor's handle and the ladder step a sign-off counts toward. */
  mentor?: string;
  ladderStep?: string;
}

/** A lead opens "/help-wanted/new" and fills the form, without posting it (a spec may check its errors). */
export async function fillNewItem(page: Page, item: NewItem) {
  await page.goto("/help-wanted/new");
  await page.getByLabel("Title").fill(item.title);
  if (item.description) await page.getByLabel("Description").fill(item.description);
  await page.getByRole("checkbox", { name: item.tag }).check();
  if (item.kind) await page.getByLabel("Kind").selectOption(item.kind);
  if (item.skills) await page.getByLabel("Skills").fill(item.skills);
  if (item.effort) await page.getByLabel("Effort (hours)").fill(item.effort);
  if (item.places) await page.getByLabel("Places (volunteers wanted)").fill(item.places);
  if (item.due) await page.getByLabel("Due date").fill(item.due);
  if (item.region) await page.getByLabel("Region preference").selectOption(item.region);
  if (item.label) await page.getByRole("checkbox", { name: item.label }).check();
  if (item.issue) await page.getByLabel("Linked GitHub issue").fill(item.issue);
  if (item.mentor) await page.getByLabel("Mentor (Shadowing only)").fill(item.mentor);
  if (item.ladderStep) await page.getByLabel("Ladder step (Shadowing only)").fill(item.ladderStep);
}

/** A lead posts an item through the form and lands on its page; returns the item's path. */
export async function postItem(page: Page, item: NewItem): Promise<string> {
  await fillNewItem(page, item);
  return submitNewItem(page);
}

/** Posts the filled "/help-wanted/new" form and waits for the new item's page; returns its path. */
export async function submitNewItem(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Post item" }).click();
  await page.waitForURL(/\/help-wanted\/[0-9a-f-]{36}\?posted=1$/);
  return new URL(page.url()).pathname;
}

/**
 * A member not on an election's roll asks to vote, from the election page; returns their status
 * region (the request shows there as pending).
 */
export async function requestVoteException(page: Page, electionId: string, why: string): Promise<Locator> {
  await page.goto(`/elections/${electionId}`);
  const status = page.getByRole("region", { name: "Your status" });
  await status.getByLabel("Why you should be able to vote").fill(why);
  await status.getByRole("button", { name: "Request an exception" }).click();
  return status;
}

/** An election officer grants `login`'s exception request from the officer panel; returns the panel. */
export async function grantVoteException(page: Page, electionId: string, login: string, reason: string) {
  await page.goto(`/elections/${electionId}`);
  const panel = page.getByRole("region", { name: "Officer panel" });
  const decide = panel.getByRole("form", { name: `Decide the exception of @${login}` });
  await decide.getByLabel("Reason for the decision").fill(reason);
  await decide.getByRole("button", { name: "Grant" }).click();
  return panel;
}

/** The volunteer offers to help from the item's page; returns the line that says a lead will answer. */
export async function volunteerFor(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  await page.getByRole("button", { name: "Volunteer" }).click();
  return page.getByText("A TAG lead will accept or decline your offer");
}

/** A lead accepts `login`'s offer on the item's page; returns the follow-up field the accepted claim shows. */
export async function acceptVolunteer(page: Page, path: string, login: string): Promise<Locator> {
  await page.goto(path);
  await page.getByRole("button", { name: `Accept @${login}` }).click();
  return page.getByLabel(`Follow-up to @${login}`);
}
