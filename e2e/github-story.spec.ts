import type { APIRequestContext } from "@playwright/test";
import { expect, portalPort, signedIn, signInAs, standIn, status, test } from "./fixtures";
import { acceptVolunteer, volunteerFor } from "./steps";

/**
 * The end-to-end stories of issues 19 and 22: where the work already lives. The chair links the
 * stand-in's project board and the TAG's Slack channel, posts an item and creates its GitHub issue in
 * the TAG's mapped repository (cncf/tag-security, held by the demo App's installation); an
 * ambassador volunteers and is accepted: the stand-in shows the issue assigned and commented, the
 * Slack stand-in the "Volunteer accepted" post, the project item Claimed; her progress, ticked
 * "also comment on GitHub", shows as a comment on the issue. Closing the issue on GitHub
 * proposes the work done; the chair confirms it and the project shows Done. The GitHub side is read
 * from the stand-ins' GET endpoints; the job worker sends every write.
 */
const TAG = "security-and-compliance";
const REPO = "cncf/tag-security";
const slackStandIn = () => `http://127.0.0.1:${portalPort() + 2}`;
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
/** Linking the board queues a write for each of the TAG's items: the worker sends them 20 a poll. */
const WORKER = { timeout: 90_000, intervals: [500, 1000] };

const getJson = async <T>(request: APIRequestContext, url: string) => (await (await request.get(url)).json()) as T;

test("a chair's TAG on GitHub and Slack: issue, volunteer, project board and Slack follow the portal, a closed issue proposes done", async ({
  page,
  browser,
}) => {
  // A guard, not a speed goal: on a busy machine the first sign-in alone took most of a minute.
  test.setTimeout(240_000);
  const title = `Audit the admission webhook ${Date.now().toString(36)}`;
  await signInAs(page, "chia-chair");
  await page.goto(`/manage/${TAG}`);
  const slack = page.getByRole("region", { name: "Slack" });
  await slack.getByLabel(/webhook URL/i).fill(`${slackStandIn()}/services/T0/B0/story`);
  await slack.getByRole("button", { name: "Save Slack settings" }).click();
  await status(page, "Slack settings saved.");
  const board = page.getByRole("region", { name: "GitHub project board" });
  await board.getByLabel("Project address").fill("https://github.com/orgs/cncf/projects/1");
  await board.getByRole("button", { name: /^Link (the|another) project$/ }).click();
  // Linking asks GitHub (the stand-in) for the project: more than a form's usual answer time on a busy machine.
  await expect(board.getByRole("status")).toContainText('Linked "TAG help wanted"', { timeout: 30_000 });

  await page.goto("/help-wanted/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Review the admission webhook's failure modes.");
  await page.getByRole("checkbox", { name: "TAG Security and Compliance" }).check();
  await page.getByLabel("Kind").selectOption("content");
  await page.getByLabel("Skills").fill("threat modeling");
  await page.getByLabel("Effort (hours)").fill("4");
  await page.getByLabel("Places (volunteers wanted)").fill("1");
  await page.getByLabel("Due date").fill(inAYear());
  await page.getByRole("button", { name: "Post item" }).click();
  await page.waitForURL(/\/help-wanted\/[0-9a-f-]{36}\?posted=1$/);
  const path = new URL(page.url()).pathname;
  await page.getByLabel("Repository").selectOption(REPO);
  await page.getByRole("button", { name: "Create the GitHub issue" }).click();
  let issue = 0;
  await expect
    .poll(async () => {
      const html = await (await page.request.get(path)).text();
      issue = Number(/https:\/\/github\.com\/cncf\/tag-security\/issues\/(\d+)/.exec(html)?.[1] ?? 0);
      return issue;
    }, WORKER)
    .toBeGreaterThan(0);

  const amy = await signedIn(browser, "amy-ambassador");
  await expect(await volunteerFor(amy.page, path)).toBeVisible();
  await expect(await acceptVolunteer(page, path, "amy-ambassador")).toBeVisible();

  const onGithub = () =>
    getJson<{ state: string; assignees: string[]; comments: { body: string }[] }>(
      page.request,
      `${standIn()}/_stand-in/issues/${REPO}/${issue}`,
    );
  await expect
    .poll(async () => {
      const i = await onGithub();
      return { assignees: i.assignees, linked: i.comments.some((c) => c.body.includes(path)) };
    }, WORKER)
    .toEqual({ assignees: ["amy-ambassador"], linked: true });
  await expect
    .poll(
      async () =>
        (await getJson<{ text: string }[]>(page.request, `${slackStandIn()}/outbox?format=json`)).some(
          (m) => m.text === `Volunteer accepted: ${title}`,
        ),
      WORKER,
    )
    .toBe(true);
  const projectStatus = async () =>
    (
      await getJson<{ items: { title: string; status: string | null }[] }>(
        page.request,
        `${standIn()}/_stand-in/projects/cncf/1`,
      )
    ).items.find((i) => i.title === title)?.status;
  await expect.poll(projectStatus, WORKER).toBe("Claimed");

  // The ambassador posts progress and ticks "also comment on GitHub": it shows on the issue.
  const progress = `Failure modes listed ${Date.now().toString(36)}`;
  await amy.page.goto(path);
  await amy.page.getByLabel("Progress update").fill(progress);
  await amy.page.getByRole("checkbox", { name: "Also comment on GitHub" }).check();
  await amy.page.getByRole("button", { name: "Post update" }).click();
  await expect.poll(async () => (await onGithub()).comments.some((c) => c.body.includes(progress)), WORKER).toBe(true);
  await amy.context.close();
  await expect.poll(projectStatus, WORKER).toBe("In progress");

  // Closed on GitHub (the stand-in delivers the webhook): the work waits for the chair's confirmation.
  const closed = await page.request.post(`${standIn()}/_stand-in/issues/${REPO}/${issue}/state`, {
    data: { state: "closed" },
  });
  expect(closed.ok()).toBe(true);
  await page.goto(path);
  await page.getByRole("button", { name: "Confirm completion by @amy-ambassador" }).click();
  await expect(page.getByText("Status: Done (closed)")).toBeVisible();
  await expect.poll(projectStatus, WORKER).toBe("Done");
});
