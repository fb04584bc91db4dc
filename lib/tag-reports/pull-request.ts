import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { requireTag } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { baseOf, githubRefusal, githubRestFor, proposeFile } from "@/lib/github/pulls";
import { getTagReport } from "./load";
import { reportFileName } from "./report";
import type { OpenTagReportPullInput } from "./schemas";

/**
 * A lead (or admin) proposes the TAG's report for a period, as rendered now, as a pull request to
 * one of the TAG's repositories (issue 22, point 3). GitHub is asked at once, not through the job
 * queue: the lead waits for the link, and a refusal is shown to them to try again. Each try uses a
 * branch of its own, so a try that failed half-way leaves a stray branch, never a broken one.
 */
export async function openTagReportPull(
  actor: Actor | null,
  input: OpenTagReportPullInput,
): Promise<{ url: string; repo: string }> {
  const { a, row: tag } = await requireTag(
    actor,
    "tag-report.write",
    input.tagId,
    await db.tag.findUnique({ where: { id: input.tagId }, select: { id: true, slug: true, repositories: true } }),
    "TagReportDraft",
  );
  const repo = tag.repositories.find((r) => r.toLowerCase() === input.repo.toLowerCase());
  if (!repo)
    throw new AppError("INVALID", "Pick one of the TAG's repositories.", {
      repo: ["Pick one of the TAG's repositories"],
    });
  const report = await getTagReport(a, tag.slug, input.period);
  if (!report) throw new AppError("NOT_FOUND", "No such report.");

  // One file per period in a reports/ folder, as the Kubernetes SIGs keep their annual reports.
  const path = `reports/${reportFileName(tag.slug, report.period)}`;
  const title = `${report.facts.tag.name}: report for ${report.period.label}`;
  const portal = env().NEXTAUTH_URL.replace(/\/$/, "");
  let pull: { number: number; url: string };
  try {
    const gh = await githubRestFor(repo);
    const { base, fileSha } = await baseOf(gh, repo, path);
    pull = await proposeFile(gh, {
      repo,
      base,
      branch: `tag-portal/report-${tag.slug}-${report.period.key}-${randomBytes(3).toString("hex")}`,
      path,
      text: report.markdown,
      fileSha,
      title,
      body: `Drafted in TAG Portal from its figures and the leads' narrative: ${portal}/manage/${tag.slug}/reports?period=${report.period.key}`,
    });
  } catch (e) {
    throw githubRefusal(e, repo);
  }

  const at = await now();
  await db.$transaction(async (tx) => {
    const key = { tagId_period: { tagId: tag.id, period: report.period.key } };
    const recorded = { pullRequestUrl: pull.url, pullRequestVersion: report.version, pullRequestAt: at };
    const draft = await tx.tagReportDraft.upsert({
      where: key,
      create: { tagId: tag.id, period: report.period.key, version: 0, updatedAt: at, updatedById: a.id, ...recorded },
      update: recorded,
    });
    await recordAudit(tx, {
      at,
      actorId: a.id,
      action: "tag-report.pull-request",
      subjectType: "TagReportDraft",
      subjectId: draft.id,
      tagId: tag.id,
      after: { period: report.period.key, repo, pullRequest: pull.url, version: report.version },
    });
  });
  return { url: pull.url, repo };
}
