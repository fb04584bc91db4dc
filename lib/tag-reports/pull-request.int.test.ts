import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { resetEnvForTests } from "@/lib/env";
import { loadActor } from "@/lib/auth/actor";
import { createUser } from "@/tests/factories";
import { code, tagWithLead } from "@/tests/fixtures";
import { standInForFile } from "@/tests/stand-in";
import { saveTagReportDraft } from "./drafts";
import { getTagReport } from "./load";
import { openTagReportPull } from "./pull-request";
import { reportPeriodsAt } from "./report";

const { api, control } = standInForFile();

beforeAll(() => {
  process.env.GITHUB_API_URL = api();
  resetEnvForTests();
});

const pullOf = async (repo: string, n: number) =>
  (await (await fetch(`${api()}/repos/${repo}/pulls/${n}`)).json()) as {
    title: string;
    body: string;
    base: { ref: string };
    files: Record<string, string>;
  };
const numberOf = (pullUrl: string) => Number(pullUrl.split("/").at(-1));

describe("a TAG report as a pull request", () => {
  it("proposes the report as it reads, in the TAG's repository; the page knows it and when it falls behind", async () => {
    const repo = `cncf/tag-report-${randomUUID().slice(0, 6)}`;
    const { tag, leadActor } = await tagWithLead();
    await db.tag.update({ where: { id: tag.id }, data: { repositories: ["cncf/other", repo] } });
    const period = reportPeriodsAt(await now())[0]!.key;
    await saveTagReportDraft(leadActor, { tagId: tag.id, period, version: 0, summary: "We shipped the guide." });

    const opened = await openTagReportPull(leadActor, { tagId: tag.id, period, repo: repo.toUpperCase() });
    expect(opened.repo).toBe(repo);
    const report = (await getTagReport(leadActor, tag.slug, period))!;
    const pull = await pullOf(repo, numberOf(opened.url));
    expect(pull.base.ref).toBe("main");
    expect(pull.title).toContain(tag.name);
    expect(pull.body).toContain(`/manage/${tag.slug}/reports?period=${period}`);
    const [[path, text]] = Object.entries(pull.files) as [[string, string]];
    expect(path).toBe(`reports/tag-${tag.slug}-report-${period}.md`);
    expect(text).toBe(report.markdown);
    expect(text).toContain("We shipped the guide.");
    expect(report.pullRequest).toMatchObject({ url: opened.url, version: 1 });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "tag-report.pull-request", tagId: tag.id } });
    expect(audit.after).toMatchObject({ repo, pullRequest: opened.url, period, version: 1 });

    // A later save: the page says the pull request is behind; a second one replaces the file.
    await saveTagReportDraft(leadActor, { tagId: tag.id, period, version: 1, summary: "We shipped two guides." });
    expect((await getTagReport(leadActor, tag.slug, period))!.pullRequest?.version).toBe(1);
    await control("pulls/" + repo + "/" + numberOf(opened.url) + "/merge", {});
    const again = await openTagReportPull(leadActor, { tagId: tag.id, period, repo });
    const second = await pullOf(repo, numberOf(again.url));
    expect(Object.values(second.files)[0]).toContain("We shipped two guides.");
    expect((await getTagReport(leadActor, tag.slug, period))!.pullRequest).toMatchObject({
      url: again.url,
      version: 2,
    });
  });

  it("refuses another TAG's repository, people who do not lead the TAG, and says when GitHub refuses", async () => {
    const { tag, leadActor } = await tagWithLead();
    const other = await tagWithLead();
    await db.tag.update({ where: { id: tag.id }, data: { repositories: ["cncf/tag-mine"] } });
    const period = reportPeriodsAt(await now())[0]!.key;
    const input = { tagId: tag.id, period, repo: "cncf/tag-mine" };
    expect(await code(openTagReportPull(leadActor, { ...input, repo: "cncf/not-the-tags" }))).toBe("INVALID");
    const member = await loadActor((await createUser()).id);
    expect(await code(openTagReportPull(member, input))).toBe("FORBIDDEN");
    expect(await code(openTagReportPull(other.leadActor, input))).toBe("FORBIDDEN");
    expect(await code(openTagReportPull(null, input))).toBe("FORBIDDEN");

    // GitHub down: a clear refusal, nothing recorded.
    process.env.GITHUB_API_URL = "http://127.0.0.1:9/api";
    resetEnvForTests();
    try {
      expect(await code(openTagReportPull(leadActor, input))).toBe("UNAVAILABLE");
    } finally {
      process.env.GITHUB_API_URL = api();
      resetEnvForTests();
    }
    expect(await db.tagReportDraft.count({ where: { tagId: tag.id, pullRequestUrl: { not: null } } })).toBe(0);
  });
});
