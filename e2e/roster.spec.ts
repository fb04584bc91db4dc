import type { Page } from "@playwright/test";
import { expect, signInAs, standIn, test } from "./fixtures";
import { appointToRole } from "./steps";

const TAG = "/tags/security-and-compliance";
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function defineRole(page: Page, name: string, fill: (form: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.getByText("Define a new role").click();
  const form = page.getByRole("form", { name: "Define a role" });
  await form.getByLabel("Role name").fill(name);
  await fill(form);
  await form.getByRole("button", { name: "Define role" }).click();
  await expect(form.getByRole("status")).toContainText("Role defined.");
}

test("a chair defines a TAG Ambassador role with caps, appoints within them, a leave shows, a tech lead waits for the TOC's merge of the tags.yaml pull request, the CSV has the roster", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const ambassador = `TAG Ambassador - project liaison ${run}`;
  // Every TAG has its Tech Lead role from its creation.
  const techLead = "Tech Lead";

  await signInAs(page, "chia-chair");
  await page.goto(TAG);
  await defineRole(page, ambassador, async (form) => {
    await form.getByLabel("Kind", { exact: true }).selectOption("tag_ambassador");
    await form.getByLabel("TAG Ambassador kind").selectOption("project_liaison");
    await form.getByLabel("Total number of holders").fill("2");
    await form.getByLabel("EMEA maximum").fill("1");
    await form.getByLabel("APAC maximum").fill("1");
    await form.getByLabel("Americas maximum").fill("1");
    await form.getByLabel("Term (months)").fill("12");
  });
  await page.reload();
  const ambassadorOption = `${ambassador} (TAG Ambassador, project liaison)`;
  await expect(await appointToRole(page, ambassadorOption, "milo-member")).toContainText("Added to the roster.");
  await expect(await appointToRole(page, ambassadorOption, "ivo-member")).toContainText(
    "Region cap full: EMEA already has 1 of 1.",
  );
  await page.reload();
  const miloRow = page.getByRole("row").filter({ hasText: "Milo Fernsby" }).filter({ hasText: ambassador });
  await expect(miloRow).toHaveCount(1);
  await expect(page.getByText(`${ambassador}: 1 open`)).toBeVisible();

  // The liaison records their own leave; the roster shows it.
  await page.context().clearCookies();
  await signInAs(page, "milo-member");
  await page.goto(TAG);
  await miloRow.getByText("Record a leave of absence…").click();
  await miloRow.getByLabel("From").fill(day(-1));
  // A long leave, so that other specs moving the demo clock keep today inside it; cover arranged.
  await miloRow.getByLabel("To").fill(day(400));
  await miloRow.getByLabel("Note").fill("Parental leave");
  await miloRow.getByLabel("Covered by (their GitHub handle)").fill("mae-member");
  await miloRow.getByRole("button", { name: "Record leave" }).click();
  await expect(miloRow.getByRole("status")).toContainText("Leave recorded.");
  await page.reload();
  await expect(miloRow).toContainText("on leave until");

  // A tech lead appointment is pending until the TOC votes it through.
  await page.context().clearCookies();
  await signInAs(page, "chia-chair");
  await page.goto(TAG);
  await expect(await appointToRole(page, techLead, "mae-member")).toContainText(
    "pending until the TOC approves it by vote",
  );
  await page.reload();
  const maeRow = page.getByRole("row").filter({ hasText: "Mae Tinderly" }).filter({ hasText: techLead });
  await expect(maeRow).toContainText("pending TOC approval");

  // The TOC approves chairs and tech leads by merging a pull request to its tags.yaml (issue 19): the
  // lead console lists the pending change with its pull request (the sweep opens it within the
  // minute; the chair may open it at once).
  await page.goto("/manage/security-and-compliance");
  const proposal = page
    .getByRole("region", { name: /^Roster changes for the TOC/ })
    .getByRole("listitem")
    .filter({ hasText: `Appoint @mae-member as ${techLead} of TAG Security and Compliance` });
  const openNow = proposal.getByRole("button", { name: "Open the pull request now" });
  if (await openNow.isVisible()) await openNow.click();
  const pullLink = proposal.getByRole("link", { name: /^cncf\/toc#\d+$/ });
  await expect(async () => {
    await page.reload();
    await expect(pullLink).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const number = (await pullLink.textContent())!.split("#")[1];

  // On the stand-in: the pull request adds one entry, Mae's, to the file as it stands.
  const pull = (await (await page.request.get(`${standIn()}/api/repos/cncf/toc/pulls/${number}`)).json()) as {
    files: Record<string, string>;
  };
  const current = (await (await page.request.get(`${standIn()}/api/repos/cncf/toc/contents/tags.yaml`)).json()) as {
    content: string;
  };
  const before = Buffer.from(current.content, "base64").toString("utf8").split("\n");
  const after = pull.files["tags.yaml"]!.split("\n");
  let head = 0;
  while (before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && before.at(-1 - tail) === after.at(-1 - tail)) tail++;
  expect(head + tail, "nothing of the file is removed or changed").toBe(before.length);
  const added = after.slice(head, after.length - tail);
  expect(added.filter((l) => /^\s*- github:/.test(l))).toEqual([expect.stringContaining("github: mae-member")]);

  // The TOC merges it: the pending seat becomes active.
  expect((await page.request.post(`${standIn()}/_stand-in/pulls/cncf/toc/${number}/merge`)).ok()).toBe(true);
  await page.goto(TAG);
  await expect(maeRow).toBeVisible();
  await expect(maeRow).not.toContainText("pending");

  const csv = await page.request.get(`${TAG}/roster.csv`);
  expect(csv.ok()).toBe(true);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toBe(
    "person login,name,role,kind,region,employer,status,start,term end,obtained by,decision link",
  );
  expect(text).toContain(`milo-member,Milo Fernsby,${ambassador},TAG Ambassador,EMEA,Bramble Data,On leave,`);
  expect(text).toContain(`mae-member,Mae Tinderly,${techLead},Tech Lead,EMEA,Independent,Active,`);
  expect(text).toContain("chia-chair");
});
