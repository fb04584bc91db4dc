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
  description: string;
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
}

/** A lead posts an item through the form and lands on its page; returns the item's path. */
export async function postItem(page: Page, item: NewItem): Promise<string> {
  await page.goto("/help-wanted/new");
  await page.getByLabel("Title").fill(item.title);
  await page.getByLabel("Description").fill(item.description);
  await page.getByRole("checkbox", { name: item.tag }).check();
  if (item.kind) await page.getByLabel("Kind").selectOption(item.kind);
  if (item.skills) await page.getByLabel("Skills").fill(item.skills);
  if (item.effort) await page.getByLabel("Effort (hours)").fill(item.effort);
  if (item.places) await page.getByLabel("Places (volunteers wanted)").fill(item.places);
  if (item.due) await page.getByLabel("Due date").fill(item.due);
  if (item.region) await page.getByLabel("Region preference").selectOption(item.region);
  if (item.label) await page.getByRole("checkbox", { name: item.label }).check();
  if (item.issue) await page.getByLabel("Linked GitHub issue").fill(item.issue);
  await page.getByRole("button", { name: "Post item" }).click();
  await page.waitForURL(/\/help-wanted\/[0-9a-f-]{36}\?posted=1$/);
  return new URL(page.url()).pathname;
}
