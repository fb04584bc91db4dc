import type { Browser, Page } from "@playwright/test";
import { expect, signInAs } from "./fixtures";

/** A second person, signed in in a browser context of their own (close `context` when done). */
export async function signedIn(browser: Browser, login: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, login);
  return { context, page };
}

/** The status message (role="status") a form shows after an action. */
export const status = (page: Page, text: string | RegExp) =>
  expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
