import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackStandIn } from "@/dev/slack-stand-in/server";
import { db } from "@/lib/db";
import { loadActor } from "@/lib/auth/actor";
import { resetEnvForTests } from "@/lib/env";
import { confirmCompletion, decideClaim, markClaimDone, volunteerForItem } from "@/lib/help-wanted/claims";
import { publishElection } from "@/lib/elections/results";
import { cancelElection } from "@/lib/elections/phases";
import { openSecret, sealSecret } from "@/lib/secrets";
import { createUser } from "@/tests/factories";
import { code, postItem, tagWithLead } from "@/tests/fixtures";
import { electionWorld } from "@/tests/election-world";
import { everyoneVotes, freshToc } from "@/tests/decisions";
import { deliverSlackMessages, retrySlackDelivery } from "./deliveries";
import { MAX_ATTEMPTS, RETRY_BACKOFF_MINUTES, SLACK_EVENT_KINDS } from "./events";
import { getSlackConsole } from "./queries";
import { SlackSettingsSchema } from "./schemas";
import { removeSlackSettings, saveSlackSettings } from "./settings";

const sink = createSlackStandIn({ port: 0 });
const MINUTE = 60_000;
let hookUrl: string;

beforeAll(async () => {
  await sink.listen();
  process.env.PORTAL_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  process.env.SLACK_WEBHOOK_BASE_URL = `${sink.url()}/services/`;
  process.env.NEXTAUTH_URL = "https://portal.example.org";
  resetEnvForTests();
});
afterAll(async () => {
  await sink.close();
});
beforeEach(async () => {
  await fetch(`${sink.url()}/_stand-in/reset`, { method: "POST" });
  // The sweep posts every due message: an earlier test's must not take this test's faults.
  await db.slackDelivery.deleteMany({});
  // Each test's TAG posts to a path of its own, so messages never mix.
  hookUrl = `${sink.url()}/services/T0/B0/${randomBytes(12).toString("hex")}`;
});

const outbox = async () =>
  (
    (await (await fetch(`${sink.url()}/outbox?format=json`)).json()) as {
      path: string;
      text: string;
      blocks: unknown[];
    }[]
  ).filter((p) => hookUrl.endsWith(p.path));
const fault = (body: Record<string, number>) =>
  fetch(`${sink.url()}/_stand-in/faults`, { method: "POST", body: JSON.stringify(body) });

/** A TAG whose chair set its Slack channel through the form's schema and the real operation. */
async function tagWithSlack(events: readonly string[] = SLACK_EVENT_KINDS, settings = {}) {
  const w = await tagWithLead(settings);
  await saveSlackSettings(w.leadActor, SlackSettingsSchema.parse({ tagId: w.tag.id, webhookUrl: hookUrl, events }));
  return w;
}

const queued = (tagId: string) =>
  db.slackDelivery.findMany({
    where: { tagId },
    orderBy: { createdAt: "asc" },
    select: { event: true, message: true },
  });

describe("Slack: the channel setting", () => {
  it("refuses a webhook URL outside SLACK_WEBHOOK_BASE_URL, naming the base, and look-alike hosts", async () => {
    const { tag } = await tagWithLead();
    for (const url of [
      "https://hooks.slack.com/services/T0/B0/x",
      `${sink.url()}.evil.example/services/T0/B0/x`,
      `${sink.url()}/elsewhere/x`,
      `${sink.url()}/services/`,
      "javascript:alert(1)",
    ]) {
      const r = SlackSettingsSchema.safeParse({ tagId: tag.id, webhookUrl: url, events: "item.done" });
      expect(r.success, url).toBe(false);
      expect(JSON.stringify(r.error?.issues)).toContain(`start with ${sink.url()}/services/`);
    }
    expect(SlackSettingsSchema.safeParse({ tagId: tag.id, webhookUrl: hookUrl, events: "item.done" }).success).toBe(
      true,
    );
  });

  it("seals the URL at rest (opened only with the key), keeps it out of the audit log and the console; others are refused", async () => {
    const { tag, leadActor } = await tagWithSlack(["item.done", "decisions"]);
    const row = await db.tagSlack.findUniqueOrThrow({ where: { tagId: tag.id } });
    const secret = hookUrl.split("/").pop()!;
    expect(row.webhookCiphertext).not.toContain(secret);
    expect(row.webhookCiphertext).not.toContain("services");
    expect(openSecret(row.webhookCiphertext)).toBe(hookUrl);
    // A changed character is caught (GCM), not opened into something else.
    const tampered = row.webhookCiphertext.slice(0, -2) + (row.webhookCiphertext.endsWith("AA") ? "BB" : "AA");
    expect(() => openSecret(tampered)).toThrow();
    expect(row.events).toEqual(["item.done", "decisions"]);
    const audit = await db.auditEvent.findMany({ where: { tagId: tag.id, action: "slack.configure" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(secret);
    const console = await getSlackConsole(tag.id);
    expect(JSON.stringify(console)).not.toContain(secret);
    expect(console.channel?.webhookHint).toMatch(/…/);

    // A blank URL keeps the stored one; a member and a lead of another TAG are refused.
    await saveSlackSettings(leadActor, SlackSettingsSchema.parse({ tagId: tag.id, webhookUrl: "", events: [] }));
    expect(openSecret((await db.tagSlack.findUniqueOrThrow({ where: { tagId: tag.id } })).webhookCiphertext)).toBe(
      hookUrl,
    );
    const member = await loadActor((await createUser()).id);
    const other = await tagWithLead();
    for (const a of [member, other.leadActor])
      expect(await code(saveSlackSettings(a, { tagId: tag.id, webhookUrl: hookUrl, events: [] }))).toBe("FORBIDDEN");
    expect(await code(removeSlackSettings(member, { tagId: tag.id }))).toBe("FORBIDDEN");
  });
});

describe("Slack: events queue messages in their own transaction", () => {
  it("new item, volunteer accepted, item done: one message each, with absolute links; a kind left out queues nothing", async () => {
    const { tag, lead, leadActor } = await tagWithSlack(["help-wanted.new", "volunteer.accepted", "item.done"]);
    const item = await postItem(tag.slug, lead.id, { title: "Review the <security> & supply-chain guide" });
    const volunteer = await createUser();
    const vActor = await loadActor(volunteer.id);
    const claim = await volunteerForItem(vActor, { itemId: item.id, message: "Happy to" });
    await decideClaim(leadActor, { claimId: claim.id, decision: "accept" });
    await markClaimDone(vActor, { claimId: claim.id, evidenceUrl: "https://github.com/cncf/tag-security/pull/1" });
    await confirmCompletion(leadActor, { claimId: claim.id });
    const rows = await queued(tag.id);
    expect(rows.map((r) => r.event)).toEqual(["help-wanted.new", "volunteer.accepted", "item.done"]);
    const accepted = JSON.stringify(rows[1]!.message);
    expect(accepted).toContain(`@${volunteer.login}`);
    expect(accepted).toContain(`https://portal.example.org/help-wanted/${item.id}`);
    // Slack's markup characters in a title are escaped in mrkdwn.
    expect(JSON.stringify(rows[0]!.message)).toContain("&lt;security&gt; &amp; supply-chain");

    // The same events in a TAG whose channel chose only decisions queue nothing.
    const quiet = await tagWithSlack(["decisions"]);
    await postItem(quiet.tag.slug, quiet.lead.id);
    expect(await queued(quiet.tag.id)).toEqual([]);
  });

  it("an event whose transaction fails queues nothing (auto-accept refused by the claim limit)", async () => {
    const { tag, lead } = await tagWithSlack(SLACK_EVENT_KINDS, { autoAccept: true, maxActiveClaims: 1 });
    const first = await postItem(tag.slug, lead.id);
    const second = await postItem(tag.slug, lead.id);
    const v = await loadActor((await createUser()).id);
    await volunteerForItem(v, { itemId: first.id, message: "" });
    expect(await code(volunteerForItem(v, { itemId: second.id, message: "" }))).not.toBe("ok");
    expect((await queued(tag.id)).map((r) => r.event)).toEqual([
      "help-wanted.new",
      "help-wanted.new",
      "volunteer.accepted",
    ]);
  });

  it("election phases, the TOC's decision and the published result each queue a message", async () => {
    const w = await electionWorld({ voters: 2, candidates: 2 });
    await saveSlackSettings(
      w.leadActor,
      SlackSettingsSchema.parse({ tagId: w.tag.id, webhookUrl: hookUrl, events: ["elections", "decisions"] }),
    );
    await w.open();
    await w.startVoting();
    await w.cast(0, [[w.nominationIds[0]!]]);
    await freshToc(2);
    await w.close();
    await everyoneVotes(w.electionId);
    await publishElection(w.leadActor, { electionId: w.electionId });
    const texts = (await queued(w.tag.id)).map((r) => `${r.event}: ${(r.message as { text: string }).text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^election\.phase: Nominations are open: Tech Lead election/),
        expect.stringMatching(/^election\.phase: Voting is open/),
        expect.stringMatching(/^election\.phase: Voting has closed/),
        expect.stringMatching(/^election\.phase: Election counted, awaiting TOC approval: Tech Lead election/),
        expect.stringMatching(/^decision: TOC decision approved/),
        expect.stringMatching(/^election\.phase: Election result approved by the TOC/),
        expect.stringMatching(/^election\.result: Election results published/),
      ]),
    );
  });

  it("a cancelled election queues a message with the officers' reason", async () => {
    const w = await electionWorld({ voters: 1, candidates: 1 });
    await saveSlackSettings(
      w.leadActor,
      SlackSettingsSchema.parse({ tagId: w.tag.id, webhookUrl: hookUrl, events: ["elections"] }),
    );
    await w.open();
    await cancelElection(w.leadActor, { electionId: w.electionId, reason: "The role was merged into another" });
    const last = (await queued(w.tag.id)).at(-1)!;
    expect(last.event).toBe("election.phase");
    expect((last.message as { text: string }).text).toMatch(/^Election cancelled: Tech Lead election/);
    expect(JSON.stringify(last.message)).toContain("Why: The role was merged into another");
    await deliverSlackMessages(new Date(Date.now() + 1000));
    expect((await outbox()).map((p) => p.text)).toContain((last.message as { text: string }).text);
  });
});

describe("Slack: delivery through the sweep, at least once", () => {
  it("posts Block Kit to the sink; a 5xx is retried after the backoff, then sent", async () => {
    const { tag, lead } = await tagWithSlack(["help-wanted.new"]);
    const item = await postItem(tag.slug, lead.id, { title: "Translate the glossary" });
    await fault({ status: 503, count: 1 });
    const t0 = new Date(Date.now() + 1000);
    await deliverSlackMessages(t0);
    let row = await db.slackDelivery.findFirstOrThrow({ where: { tagId: tag.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "Slack answered HTTP 503." });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + RETRY_BACKOFF_MINUTES[0] * MINUTE);
    expect(await outbox()).toEqual([]);
    // Not before the backoff has passed.
    await deliverSlackMessages(new Date(t0.getTime() + 30_000));
    expect(await outbox()).toEqual([]);
    expect(await deliverSlackMessages(new Date(t0.getTime() + 2 * MINUTE))).toBeGreaterThanOrEqual(1);
    row = await db.slackDelivery.findFirstOrThrow({ where: { tagId: tag.id } });
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
    const posts = await outbox();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toBe("New help wanted: Translate the glossary");
    expect(JSON.stringify(posts[0]!.blocks)).toContain(`https://portal.example.org/help-wanted/${item.id}`);
    // Sent once: a later sweep posts nothing more.
    await deliverSlackMessages(new Date(t0.getTime() + 60 * MINUTE));
    expect(await outbox()).toHaveLength(1);
  });

  it("timeouts and 4xx are retried with backoff, then failed with the reason on the console; a lead's retry sends it", async () => {
    const { tag, lead, leadActor } = await tagWithSlack(["help-wanted.new"]);
    await postItem(tag.slug, lead.id, { title: "Write the FAQ" });
    let at = new Date(Date.now() + 1000);
    await fault({ delayMs: 1500, count: 1 });
    await deliverSlackMessages(at, { timeoutMs: 300 });
    expect(await db.slackDelivery.findFirstOrThrow({ where: { tagId: tag.id } })).toMatchObject({
      status: "pending",
      lastError: "Slack did not answer within 0.3 seconds.",
    });
    await fault({ status: 404, count: MAX_ATTEMPTS });
    for (const wait of RETRY_BACKOFF_MINUTES) {
      at = new Date(at.getTime() + wait * MINUTE);
      await deliverSlackMessages(at);
    }
    const row = await db.slackDelivery.findFirstOrThrow({ where: { tagId: tag.id } });
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: "Slack answered HTTP 404." });
    const shown = await getSlackConsole(tag.id);
    expect(shown.failed).toEqual([
      expect.objectContaining({
        id: row.id,
        text: "New help wanted: Write the FAQ",
        lastError: "Slack answered HTTP 404.",
      }),
    ]);
    // A member may not retry; the lead may, and the next sweep sends it.
    const member = await loadActor((await createUser()).id);
    expect(await code(retrySlackDelivery(member, { deliveryId: row.id }))).toBe("FORBIDDEN");
    await fetch(`${sink.url()}/_stand-in/reset`, { method: "POST" });
    await retrySlackDelivery(leadActor, { deliveryId: row.id });
    expect(await code(retrySlackDelivery(leadActor, { deliveryId: row.id }))).toBe("CONFLICT");
    await deliverSlackMessages(new Date(at.getTime() + 1000));
    expect((await outbox()).map((p) => p.text)).toEqual(["New help wanted: Write the FAQ"]);
    expect((await getSlackConsole(tag.id)).failed).toEqual([]);
    expect(await db.auditEvent.count({ where: { tagId: tag.id, action: "slack.retry" } })).toBe(1);
  });

  it("a stored URL outside SLACK_WEBHOOK_BASE_URL (a tampered row, or the base changed since) is not called", async () => {
    const { tag, lead } = await tagWithSlack(["help-wanted.new"]);
    await postItem(tag.slug, lead.id, { title: "Tidy the glossary" });
    // The row is written around the form, as a tampered or older row would be: the sink's other path.
    const elsewhere = `${sink.url()}/elsewhere/${hookUrl.split("/").pop()}`;
    await db.tagSlack.update({ where: { tagId: tag.id }, data: { webhookCiphertext: sealSecret(elsewhere) } });
    await deliverSlackMessages(new Date(Date.now() + 1000));
    expect(await db.slackDelivery.findFirstOrThrow({ where: { tagId: tag.id } })).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: expect.stringContaining(`does not start with ${sink.url()}/services/`),
    });
    expect(sink.outbox().filter((p) => p.path.startsWith("/elsewhere/"))).toEqual([]);
  });

  it("a message whose channel was removed fails at once with that reason", async () => {
    const { tag, lead, leadActor } = await tagWithSlack(["help-wanted.new"]);
    await postItem(tag.slug, lead.id);
    await removeSlackSettings(leadActor, { tagId: tag.id });
    await deliverSlackMessages(new Date(Date.now() + 1000));
    expect(await db.slackDelivery.findFirstOrThrow({ where: { tagId: tag.id } })).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "The TAG's Slack webhook was removed.",
    });
    expect(await outbox()).toEqual([]);
  });
});
