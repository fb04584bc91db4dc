import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { strToU8, zipSync } from "fflate";
import { expect, signInAs, test, tocVote } from "./fixtures";
import { grantVoteException, requestVoteException } from "./steps";
import { formatDate } from "../lib/vocabulary/dates";

// TAG Operational Resilience: the demo seed defines its elected Tech Lead role and a published
// 2025 election of it, so this is not the role's first election (no half-length terms).
const TAG = "operational-resilience";
const OFFICER = "lena-chair";
const CANDIDATES = ["dev-ambassador", "ivo-member", "bea-ambassador"] as const; // APAC, EMEA, EMEA
const VOTERS = ["gus-ambassador", "fay-ambassador", "noor-member", "luca-member", "jade-member"] as const;
const LATECOMER = "hana-ambassador";
const TOC = "toby-toc";

// Term ends are shown in the viewer's zone: read them in UTC.
test.use({ timezoneId: "UTC" });

async function as(page: Page, login: string) {
  await page.context().clearCookies();
  await signInAs(page, login);
}

/** Ranks by the selects, then (with `moveUp`) moves one candidate up by keyboard, reviews and casts. */
async function vote(page: Page, electionId: string, ranks: Record<string, string>, moveUp?: string) {
  await page.goto(`/elections/${electionId}/vote`);
  const ballot = page.getByRole("form", { name: "Your ballot" });
  for (const [login, rank] of Object.entries(ranks))
    await ballot.getByLabel(new RegExp(`@${login}\\)`)).selectOption(rank);
  if (moveUp) {
    await ballot.getByRole("button", { name: `Move up ${moveUp}` }).focus();
    await page.keyboard.press("Enter");
    await expect(ballot.getByText(`${moveUp} is now ranked 1.`)).toBeVisible();
  }
  await ballot.getByRole("button", { name: "Review my ballot" }).click();
  if (moveUp)
    await expect(
      ballot
        .getByRole("region", { name: /Check your ballot/ })
        .getByRole("listitem")
        .first(),
    ).toContainText(moveUp);
  await ballot.getByRole("button", { name: "Cast my ballot" }).click();
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toHaveText(/^[0-9a-f]{32}$/);
  return (await receipt.textContent())!;
}

test("an officer runs a Tech Lead election for an APAC and an EMEA seat: nominations, ballots, an exception, the count, TOC approval, the roster, receipts and a re-count", async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);
  const run = Date.now().toString(36);
  const title = `E2E Tech Lead election ${run}`;

  // Set-up by an officer (the TAG's chair): 1 APAC + 1 EMEA seat, five voters on the list.
  await as(page, OFFICER);
  await page.goto(`/elections/new?tag=${TAG}`);
  await page.getByLabel("Role to elect").selectOption({ label: "Tech Lead" });
  await page.getByRole("button", { name: "Prefill the seats" }).click();
  const setup = page.getByRole("form", { name: "Set up an election" });
  await setup.getByLabel("Title").fill(title);
  await setup.getByLabel("APAC seats").fill("1");
  await setup.getByLabel("EMEA seats").fill("1");
  await setup.getByLabel("Americas seats").fill("");
  await setup.getByLabel("Seats for any region").fill("");
  await setup.getByLabel("Candidate rule").selectOption("any-member");
  await setup.getByLabel("The TAG's chairs and tech leads").uncheck();
  await setup.getByLabel("And these GitHub logins (voter list)").fill(VOTERS.join("\n"));
  const cycleDate = await setup.getByLabel("Cycle date (terms start)").inputValue();
  await setup.getByRole("button", { name: "Create the election" }).click();
  await expect(setup.getByRole("status")).toContainText("Election created; 5 voters added from the list.");
  await setup.getByRole("link", { name: "Open the new election" }).click();
  await page.waitForURL(/\/elections\/[0-9a-f-]{36}$/);
  const electionId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("1 APAC, 1 EMEA", { exact: true })).toBeVisible();

  const officerPanel = page.getByRole("region", { name: "Officer panel" });
  await officerPanel.getByLabel(/Reason for moving to “Nominations”/).fill("Candidates are ready to stand");
  await officerPanel.getByRole("button", { name: "Move to Nominations" }).click();
  await expect(officerPanel.getByRole("status").first()).toContainText("nominations");

  // Three members self-nominate.
  for (const login of CANDIDATES) {
    await as(page, login);
    await page.goto(`/elections/${electionId}`);
    const form = page.getByRole("form", { name: "Stand in this election" });
    await form
      .getByLabel("Your statement (markdown)")
      .fill(`## Why me\n\nI am @${login} and I will **keep the reviews moving**.`);
    await form.getByRole("button", { name: "Nominate myself" }).click();
    // The page refreshes: the form gives way to the viewer's new status.
    await expect(page.getByRole("region", { name: "Your status" })).toContainText("You are standing.");
  }
  await page.reload();
  const candidates = page.getByRole("region", { name: "Candidates" });
  for (const login of CANDIDATES)
    await expect(candidates.getByText(`@${login}`, { exact: false }).first()).toBeVisible();
  await expect(candidates.getByRole("strong").filter({ hasText: "keep the reviews moving" }).first()).toBeVisible();

  await as(page, OFFICER);
  await page.goto(`/elections/${electionId}`);
  await officerPanel.getByLabel(/Reason for moving to “Voting”/).fill("Nominations are complete");
  await officerPanel.getByRole("button", { name: "Move to Voting" }).click();
  await expect(officerPanel.getByRole("status").first()).toContainText("voting");

  // Five eligible voters rank candidates; the first keeps their receipt.
  // Unranked candidates are "no opinion" (compared with nobody); these ballots put Ivo above Bea 3 to 2.
  // The first voter puts Ivo second, then moves him up by keyboard to first.
  const ballots: Record<string, string>[] = [
    { "ivo-member": "2", "dev-ambassador": "1", "bea-ambassador": "3" },
    { "dev-ambassador": "1", "ivo-member": "2", "bea-ambassador": "3" },
    { "ivo-member": "1", "bea-ambassador": "1", "dev-ambassador": "2" },
    { "bea-ambassador": "1", "ivo-member": "2", "dev-ambassador": "3" },
    { "ivo-member": "1", "bea-ambassador": "2" },
  ];
  const receipts: string[] = [];
  for (const [i, login] of VOTERS.entries()) {
    await as(page, login);
    receipts.push(await vote(page, electionId, ballots[i]!, i === 0 ? "Ivo Brambleton" : undefined));
  }
  await page.goto(`/elections/${electionId}`);
  await expect(page.getByRole("region", { name: "Your status" })).toContainText("You voted");
  await expect(page.getByText(/Turnout: 5 of 5/)).toBeVisible();

  // A member not on the roll is refused, asks for an exception, an officer grants it, they vote.
  await as(page, LATECOMER);
  await page.goto(`/elections/${electionId}/vote`);
  await expect(page.getByText(/You are not eligible to vote/)).toBeVisible();
  const why = "I reviewed three assessments this year outside GitHub.";
  await expect(await requestVoteException(page, electionId, why)).toContainText("Your request to vote: pending");

  await as(page, OFFICER);
  const granted = await grantVoteException(page, electionId, LATECOMER, "Assessments count as contributions");
  await expect(granted).toContainText("granted: Assessments count as contributions");

  await as(page, LATECOMER);
  await vote(page, electionId, { "dev-ambassador": "1", "bea-ambassador": "2" });

  // The clock moves past the close (voting closes at most 31.5 days after set-up); the sweep counts.
  await page.goto("/");
  const moved = await page.request.post("/api/demo/clock", { data: { days: 35 } });
  expect(moved.ok()).toBe(true);

  await as(page, OFFICER);
  await page.goto(`/elections/${electionId}/results`);
  const winners = page.getByRole("region", { name: "Winners" });
  await expect(winners).toContainText("@dev-ambassador");
  await expect(winners).toContainText("@ivo-member");
  await expect(winners).not.toContainText("@bea-ambassador");
  await expect(page.getByRole("table", { name: /Pairwise preferences/ })).toBeVisible();

  // The result goes to the TOC as a decision showing the winners and the lot; three of the four
  // TOC members vote yes (a majority of all), which seats the winners; a TOC member publishes.
  await as(page, TOC);
  await page.goto(`/elections/${electionId}/results`);
  await page.getByRole("link", { name: `Approve the result of ${title}` }).click();
  await expect(page.getByRole("list").filter({ hasText: "Winners, in seat order" })).toContainText("@dev-ambassador");
  await tocVote(browser, `Approve the result of ${title}`, [TOC, "tess-toc", "uma-toc"]);
  await page.goto(`/elections/${electionId}/results`);
  await page.getByRole("button", { name: "Publish the result" }).click();
  await expect(page.getByRole("form", { name: "Check a receipt" })).toBeVisible();
  await expect(page.getByText("Not public yet")).toHaveCount(0);

  // The roster: the new Tech Leads, terms ending two years after the cycle date.
  const election = await (await page.request.get(`/elections/${electionId}/results/result.json`)).json();
  expect(election.winners).toEqual(expect.arrayContaining(["dev-ambassador", "ivo-member"]));
  const termEnd = new Date(`${cycleDate}T00:00:00Z`);
  termEnd.setUTCFullYear(termEnd.getUTCFullYear() + 2);
  // A term end is a date-only value: the portal's one date format, no time.
  const termEndText = formatDate(termEnd);
  await page.goto(`/tags/${TAG}`);
  for (const name of ["Dev Kalloway", "Ivo Brambleton"]) {
    const row = page.getByRole("row").filter({ hasText: name }).filter({ hasText: "Tech Lead" });
    await expect(row.filter({ hasText: termEndText }).first()).toBeVisible();
  }

  // A voter finds their ballot by receipt in the published ballots.json, and by the check form.
  await as(page, VOTERS[0]);
  const published = (await (await page.request.get(`/elections/${electionId}/results/ballots.json`)).json()) as {
    receiptHash: string;
    ranking: string[][];
  }[];
  const mine = createHash("sha256").update(`${electionId}:${receipts[0]}`, "utf8").digest("hex");
  expect(published.find((b) => b.receiptHash === mine)?.ranking).toEqual([
    ["ivo-member"],
    ["dev-ambassador"],
    ["bea-ambassador"],
  ]);
  expect(published).toHaveLength(6);
  await page.goto(`/elections/${electionId}/results`);
  const check = page.getByRole("form", { name: "Check a receipt" });
  await check.getByLabel("Your receipt (32 characters)").fill(receipts[0]!);
  await check.getByRole("button", { name: "Check" }).click();
  await expect(check.getByRole("status")).toContainText("Found");
  // This election publishes its ballots: the check names the entry of ballots.json with the hash.
  await expect(check.getByRole("status")).toContainText(
    `entry ${published.findIndex((b) => b.receiptHash === mine) + 1} of ballots.json`,
  );
  await expect(check.getByRole("status")).toContainText(mine);

  // Anyone re-counts ballots.blt with the tally CLI and gets the same winners.
  const dir = mkdtempSync(path.join(tmpdir(), "election-"));
  for (const file of ["ballots.blt", "rules.json", "result.json"]) {
    const res = await page.request.get(`/elections/${electionId}/results/${file}`);
    expect(res.ok()).toBe(true);
    writeFileSync(path.join(dir, file), await res.body());
  }
  const out = execFileSync(
    process.execPath,
    [
      "dist/tally/scripts/tally/cli.js",
      path.join(dir, "ballots.blt"),
      "--rules",
      path.join(dir, "rules.json"),
      "--json",
    ],
    { encoding: "utf8" },
  );
  expect(JSON.parse(out).winners).toEqual(election.winners);
});

/** An Elekto date (UTC, "YYYY-MM-DD HH:MM:SS"), as election.yaml writes it. */
const elektoDate = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");

/**
 * An Elekto election folder (fictional statements, every file kind but ballots.csv), zipped inside
 * its own folder as Elekto keeps it, with dates around the portal's clock: voting opens in 2 days,
 * exception requests until tomorrow, voting closes in 5 days.
 */
function elektoZip(title: string, now: Date, officer: string, candidates: readonly string[], voters: string[]) {
  const at = (days: number) => elektoDate(new Date(now.getTime() + days * 86_400_000));
  const files: Record<string, string> = {
    "election.yaml": [
      `name: ${title}`,
      `organization: TAG Operational Resilience`,
      `start_datetime: ${at(2)}`,
      `end_datetime: ${at(5)}`,
      "no_winners: 1",
      "allow_no_opinion: True",
      "election_officers:",
      `  - ${officer}`,
      "eligibility: Members with 3 or more contributions in the last six months can vote.",
      "exception_description: Not all contributions are measured. If yours are not, request an exception.",
      `exception_due: ${at(1)}`,
    ].join("\n"),
    "election_desc.md": `# ${title}\n\nOne seat, one two-year term.`,
    "voters.yaml": `eligible_voters:\n${voters.map((v) => `- ${v}`).join("\n")}\n`,
  };
  for (const login of candidates)
    files[`candidate-${login}.md`] = [
      "-------------------------------------------------------------",
      `name: ${login}`,
      `ID: ${login}`,
      "-------------------------------------------------------------",
      "",
      `I am @${login} and I will keep the reviews moving.`,
    ].join("\n");
  const folder = "tech-lead-import";
  return Buffer.from(
    zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [`${folder}/${n}`, strToU8(t)]))),
  );
}

test("an officer imports an Elekto folder, publishes the roll; a co-officer grants an exception; a candidate withdraws during voting; the count excludes them; the TOC approves", async ({
  page,
  browser,
}) => {
  // Seven sign-ins (officer, voter, co-officer, candidate, three TOC members) and three clock moves.
  test.setTimeout(240_000);
  const title = `E2E imported Tech Lead election ${Date.now().toString(36)}`;
  // Officers act through the TAG's election right: the co-officer is the TAG's other lead.
  const coOfficer = "pia-lead";
  const clock = async (days: number) => {
    const res = await page.request.post("/api/demo/clock", { data: { days } });
    expect(res.ok()).toBe(true);
    return new Date(((await res.json()) as { now: string }).now);
  };

  await as(page, OFFICER);
  await page.goto("/elections/import");
  const zip = elektoZip(title, await clock(0), coOfficer, CANDIDATES, ["fay-ambassador", "noor-member"]);
  await page.getByLabel("TAG", { exact: true }).selectOption(TAG);
  await page
    .getByLabel(/^Elekto folder/)
    .setInputFiles({ name: "tech-lead-import.zip", mimeType: "application/zip", buffer: zip });
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const plan = page.getByRole("region", { name: `What the import creates: ${title}` });
  await expect(plan).toContainText(`@${coOfficer}`);
  await expect(plan).toContainText("Members with 3 or more contributions");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByRole("link", { name: "Open the draft election" }).click();
  await page.waitForURL(/\/elections\/[0-9a-f-]{36}$/);
  const electionId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // Nominations opened (the folder's dates are two weeks after their start): the officer publishes the roll.
  await clock(0);
  await page.reload();
  const officerPanel = page.getByRole("region", { name: "Officer panel" });
  await officerPanel.getByRole("button", { name: "Publish the voter roll for review" }).click();
  // The form gives way to the roll's state: published, with corrections until voting opens.
  await expect(officerPanel).toContainText("Published for review");

  // A member not on the roll asks for an exception before the exception deadline; the co-officer grants it.
  await as(page, LATECOMER);
  const why = "I reviewed two assessments outside GitHub.";
  await expect(await requestVoteException(page, electionId, why)).toContainText("Your request to vote: pending");
  await as(page, coOfficer);
  await expect(await grantVoteException(page, electionId, LATECOMER, "Assessments count")).toContainText(
    "granted: Assessments count",
  );

  // Voting opens; the latecomer ranks Ivo first; Ivo withdraws during voting.
  await clock(2.1);
  await as(page, LATECOMER);
  await vote(page, electionId, { "ivo-member": "1", "bea-ambassador": "2", "dev-ambassador": "3" });
  await as(page, "ivo-member");
  await page.goto(`/elections/${electionId}`);
  await page.getByText("Withdraw my nomination…").click();
  await page.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(page.getByRole("region", { name: "Candidates" })).toContainText("withdrew during voting");

  // Voting closes and the ballots are counted without Ivo; the TOC approves the result.
  await clock(3);
  await as(page, TOC);
  await page.goto(`/elections/${electionId}/results`);
  const winners = page.getByRole("region", { name: "Winners" });
  await expect(winners).toContainText("@bea-ambassador");
  await expect(winners).not.toContainText("@ivo-member");
  await expect(page.getByRole("region", { name: "Withdrew during voting" })).toContainText("@ivo-member");
  await tocVote(browser, `Approve the result of ${title}`, [TOC, "tess-toc", "uma-toc"]);
  await page.reload();
  await expect(page.getByRole("button", { name: "Publish the result" })).toBeVisible();
});
