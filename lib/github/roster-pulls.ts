import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { closeDecision, lockOpenDecision, sendNotices } from "@/lib/decision-outcomes/closing";
import { decisionLink } from "@/lib/decisions/decisions";
import { exportStateFromFile, exportTagsYaml, type ExportSeatList, type ExportState } from "@/lib/tags-yaml/export";
import { parseTagsYaml } from "@/lib/tags-yaml/parse";
import { isoDay } from "@/lib/vocabulary";
import { requireFound } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { githubRefusal, githubRestFor, proposeFile, type FileProposal, type GithubRest } from "./pulls";
import type { RosterPullInput } from "./schemas";

/**
 * Roster changes as pull requests to the TOC's tags.yaml (issue #19 point 4,
 * docs/decisions/013-github-app.md). The TOC approves chairs and tech leads by merging pull
 * requests to cncf/toc: for a pending appointment, removal or seat end, the portal opens one with
 * the byte-minimal diff of that one change (the file as it is in the repository, edited by the
 * tags.yaml export), links it to the decision, and records the TOC's answer from the
 * `pull_request` closed webhook: merged approves the decision, closed unmerged refuses it.
 * Off unless ROSTER_PULL_REQUEST_REPO is set.
 */
export function rosterPullSetting(): { repo: string; file: string } | null {
  const e = env();
  return e.ROSTER_PULL_REQUEST_REPO ? { repo: e.ROSTER_PULL_REQUEST_REPO, file: e.ROSTER_PULL_REQUEST_FILE } : null;
}

const LIST: Record<string, "chairs" | "techLeads" | "leads" | undefined> = {
  chair: "chairs",
  tech_lead: "techLeads",
  subproject_lead: "leads",
};
const ROSTER_SEAT_KINDS = ["chair", "tech_lead", "subproject_lead"] as const;
const ROSTER_DECISION_KINDS = ["appointment", "removal", "seat_end"] as const;

async function rosterChangeOf(decisionId: string) {
  const d = await db.decision.findUnique({
    where: { id: decisionId },
    select: { id: true, kind: true, status: true, title: true, subjectId: true, openedAt: true, tagId: true },
  });
  if (!d || d.status !== "open" || !(ROSTER_DECISION_KINDS as readonly string[]).includes(d.kind)) return null;
  const seat = await db.roleAssignment.findUnique({
    where: { id: d.subjectId },
    include: { tag: { select: { slug: true } }, user: { select: { login: true, name: true, employer: true } } },
  });
  const list = seat ? LIST[seat.kind] : undefined;
  if (!seat || !list) return null;
  const subproject = seat.subprojectId
    ? await db.subproject.findUnique({ where: { id: seat.subprojectId }, select: { slug: true } })
    : null;
  return { decision: d, seat, list, subprojectSlug: subproject?.slug ?? null };
}

type Change = NonNullable<Awaited<ReturnType<typeof rosterChangeOf>>>;

/** The file's roster with this one change made; null when the file has no place for it. */
function withChange(state: ExportState, c: Change): ExportState | null {
  const tag = state.tags.find((t) => t.slug === c.seat.tag.slug);
  if (!tag) return null;
  let seats: ExportSeatList | undefined;
  if (c.list === "leads") seats = tag.subprojects.find((s) => s.slug === c.subprojectSlug)?.leads;
  else seats = tag[c.list];
  if (!seats) return null;
  const login = c.seat.user.login;
  const same = (l: string) => l.toLowerCase() === login.toLowerCase();
  if (c.decision.kind === "appointment") {
    if (seats.current.some((p) => same(p.login))) return state;
    seats.current.push({
      login,
      name: c.seat.user.name,
      company: c.seat.user.employer,
      start: isoDay(c.seat.startAt ?? c.decision.openedAt),
      end: isoDay(c.seat.termEndAt),
    });
  } else {
    seats.current = seats.current.filter((p) => !same(p.login));
    seats.ended.push(login);
  }
  return state;
}

/** What an attempt to open a decision's pull request did; `busy`: another process is opening it right now. */
export interface RosterPullAttempt {
  opened: boolean;
  reason: string;
  busy?: boolean;
}

/**
 * Opens the pull request for one open roster decision (once: a decision with one already keeps
 * it). Returns what happened in words; nothing is stored when GitHub refuses a step, so the next
 * sweep tries again. Two workers sweeping at once, or a lead's click beside the sweep, open one:
 * the attempt holds a lock on the decision until its row is written (the loser is told it is busy).
 */
export async function openRosterPull(
  decisionId: string,
  at: Date,
  actorId: string | null = null,
): Promise<RosterPullAttempt> {
  const setting = rosterPullSetting();
  if (!setting) return { opened: false, reason: "Roster pull requests are off." };
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtextextended(${`roster-pull:${decisionId}`}::text, 0)) AS locked`;
      if (!lock?.locked)
        return { opened: false, busy: true, reason: "The pull request of this decision is being opened right now." };
      if (await tx.rosterPullRequest.findUnique({ where: { decisionId }, select: { decisionId: true } }))
        return { opened: false, reason: "This decision already has its pull request." };
      const change = await rosterChangeOf(decisionId);
      if (!change) return { opened: false, reason: "This decision is not an open roster change." };
      const proposal = await proposalOf(setting, change);
      if ("reason" in proposal) return { opened: false, reason: proposal.reason };
      const pull = await proposeFile(proposal.gh, proposal.file);
      await tx.rosterPullRequest.create({
        data: {
          decisionId,
          repo: setting.repo,
          number: pull.number,
          url: pull.url,
          branch: proposal.file.branch,
          openedAt: at,
        },
      });
      await recordAudit(tx, {
        at,
        actorId,
        action: "decision.pull-request",
        subjectType: "Decision",
        subjectId: decisionId,
        tagId: change.decision.tagId,
        after: { pullRequest: pull.url, state: "open" },
      });
      return { opened: true, reason: pull.url };
    },
    // GitHub's answers come inside the lock: a few requests, each with its own timeout.
    { maxWait: 10_000, timeout: 2 * 60_000 },
  );
}

/** The file with the one change made, ready to propose; or why there is nothing to propose. */
async function proposalOf(
  setting: { repo: string; file: string },
  change: Change,
): Promise<{ gh: GithubRest; file: FileProposal } | { reason: string }> {
  const gh = await githubRestFor(setting.repo);
  const [owner, repo] = setting.repo.split("/") as [string, string];
  const { data: commits } = await gh("GET /repos/{owner}/{repo}/commits", {
    owner,
    repo,
    path: setting.file,
    per_page: 1,
  });
  const base = commits[0]?.sha;
  if (!base) return { reason: `${setting.repo} has no ${setting.file}.` };
  const { data: file } = await gh("GET /repos/{owner}/{repo}/contents/{path}", {
    owner,
    repo,
    path: setting.file,
    ref: base,
  });
  if (Array.isArray(file) || file.type !== "file" || !("content" in file))
    return { reason: `${setting.file} is not a file.` };
  const text = Buffer.from(file.content, "base64").toString("utf8");
  const parsed = parseTagsYaml(text);
  if (!parsed.ok) return { reason: `${setting.file} does not parse: ${parsed.errors[0]?.message}` };
  const state = withChange(exportStateFromFile(parsed.file), change);
  if (!state) return { reason: `${setting.file} has no roster for this seat.` };
  const edited = exportTagsYaml(text, state);
  if (edited === text) return { reason: `${setting.file} already says this.` };
  const portal = env().NEXTAUTH_URL.replace(/\/$/, "");
  const decisionId = change.decision.id;
  return {
    gh,
    file: {
      repo: setting.repo,
      base,
      branch: `tag-portal/decision-${decisionId}`,
      path: setting.file,
      text: edited,
      fileSha: file.sha,
      title: change.decision.title,
      body: `Proposed through TAG Portal: ${portal}${decisionLink(decisionId)}\n\nMerging this pull request records the TOC's approval in the portal; closing it without merging records a refusal.`,
    },
  };
}

/**
 * A lead of the decision's TAG (`github.sync`) opens its pull request now, rather than waiting for
 * the sweep, or again after GitHub refused it: GitHub's refusal is the error. Audited with the lead
 * as the actor.
 */
export async function openRosterPullNow(actor: Actor | null, input: RosterPullInput) {
  const d = await db.decision.findUnique({
    where: { id: input.decisionId },
    select: { id: true, tag: { select: { id: true, slug: true } } },
  });
  const { a } = await requireFound(actor, "github.sync", d, {
    subjectType: "Decision",
    subjectId: input.decisionId,
    tagId: d?.tag.id ?? null,
    missing: "That decision does not exist.",
  });
  const setting = rosterPullSetting();
  if (!setting) throw new AppError("CONFLICT", "Roster pull requests are off on this portal.");
  const r = await openRosterPull(input.decisionId, await now(), a.id).catch((e: unknown) =>
    Promise.reject(githubRefusal(e, setting.repo)),
  );
  if (!r.opened) throw new AppError("CONFLICT", r.reason);
  notOpenedAt.delete(input.decisionId);
  return { slug: d!.tag.slug, url: r.reason };
}

/**
 * The lead console's list: the TAG's open roster decisions that go to the TOC's tags.yaml, each
 * with its pull request when it has one. Null when roster pull requests are off.
 */
export async function listRosterProposals(tagId: string) {
  const setting = rosterPullSetting();
  if (!setting) return null;
  const decisions = await db.decision.findMany({
    where: { tagId, status: "open", kind: { in: [...ROSTER_DECISION_KINDS] } },
    orderBy: { openedAt: "asc" },
    select: { id: true, title: true, openedAt: true, subjectId: true },
  });
  const ids = decisions.map((d) => d.id);
  const [seats, pulls] = await Promise.all([
    db.roleAssignment.findMany({
      where: { id: { in: decisions.map((d) => d.subjectId) }, kind: { in: [...ROSTER_SEAT_KINDS] } },
      select: { id: true },
    }),
    db.rosterPullRequest.findMany({
      where: { decisionId: { in: ids } },
      select: { decisionId: true, url: true, number: true },
    }),
  ]);
  const rostered = new Set(seats.map((s) => s.id));
  return {
    ...setting,
    proposals: decisions
      .filter((d) => rostered.has(d.subjectId))
      .map(({ subjectId: _, ...d }) => ({ ...d, pull: pulls.find((p) => p.decisionId === d.id) ?? null })),
  };
}

const RETRY_AFTER_MS = 60 * 60_000;
const notOpenedAt = new Map<string, number>();

/** Sweep: opens the pull request of each open roster decision that has none (when the setting is on). */
export async function openPendingRosterPulls(at: Date): Promise<number> {
  if (!rosterPullSetting()) return 0;
  const open = await db.decision.findMany({
    where: { status: "open", kind: { in: [...ROSTER_DECISION_KINDS] } },
    orderBy: { openedAt: "asc" },
    select: { id: true },
    take: 50,
  });
  const linked = new Set(
    (
      await db.rosterPullRequest.findMany({
        where: { decisionId: { in: open.map((d) => d.id) } },
        select: { decisionId: true },
      })
    ).map((r) => r.decisionId),
  );
  let opened = 0;
  for (const { id } of open.filter((d) => !linked.has(d.id))) {
    // A decision the file has no place for, or that GitHub refused, waits an hour (GitHub's budget is hourly).
    if ((notOpenedAt.get(id) ?? -Infinity) > Date.now() - RETRY_AFTER_MS) continue;
    try {
      const r = await openRosterPull(id, at);
      if (r.opened) opened++;
      else if (!r.busy) notOpenedAt.set(id, Date.now());
    } catch (e) {
      notOpenedAt.set(id, Date.now());
      console.warn(`Roster pull request for decision ${id} not opened: ${(e as Error).message}`);
    }
  }
  return opened;
}

const ClosedPull = z.object({
  action: z.literal("closed"),
  pull_request: z.object({ number: z.number().int(), merged: z.boolean().nullish(), html_url: z.string() }),
  repository: z.object({ full_name: z.string() }),
});

/**
 * A `pull_request` closed delivery for a roster pull request: merged approves the decision,
 * closed unmerged refuses it, through the decisions' one closing path (effect, audit, notices).
 * Idempotent: a redelivery, or a decision already closed here, changes nothing more. Null: not a
 * roster pull request (the delivery goes on to the usual processing).
 */
export async function recordRosterPullOutcome(event: string, payload: unknown): Promise<{ outcome: string } | null> {
  if (event !== "pull_request") return null;
  const p = ClosedPull.safeParse(payload);
  if (!p.success) return null;
  const pull = await db.rosterPullRequest.findFirst({
    where: { repo: { equals: p.data.repository.full_name, mode: "insensitive" }, number: p.data.pull_request.number },
  });
  if (!pull) return null;
  if (pull.state !== "open") return { outcome: "already recorded" };
  const merged = Boolean(p.data.pull_request.merged);
  const at = await now();
  const r = await db.$transaction(async (tx) => {
    const claimed = await tx.rosterPullRequest.updateMany({
      where: { decisionId: pull.decisionId, state: "open" },
      data: { state: merged ? "merged" : "closed", closedAt: at },
    });
    if (claimed.count === 0) return { outcome: "already recorded", notices: [] };
    const d = await lockOpenDecision(tx, pull.decisionId).catch((e: unknown) =>
      e instanceof AppError ? null : Promise.reject(e),
    );
    if (!d) {
      await recordAudit(tx, {
        at,
        actorId: null,
        action: "decision.pull-request",
        subjectType: "Decision",
        subjectId: pull.decisionId,
        tagId: null,
        before: { state: "open" },
        after: { pullRequest: pull.url, state: merged ? "merged" : "closed", note: "the decision was already closed" },
      });
      return { outcome: "decision already closed", notices: [] };
    }
    await tx.decision.update({ where: { id: d.id }, data: { externalLink: pull.url } });
    const explanation = merged
      ? `The TOC merged the pull request (${pull.url}): approved.`
      : `The pull request (${pull.url}) was closed without merging: not approved.`;
    const notices = await closeDecision(tx, { ...d, externalLink: pull.url }, merged, explanation, {
      at,
      actorId: null,
      action: "decision.record",
      after: { link: pull.url },
    });
    return { outcome: merged ? "approved" : "rejected", notices };
  });
  await sendNotices(r.notices, at);
  return { outcome: r.outcome };
}

/** The pull request of a decision, for its page. */
export function rosterPullOf(decisionId: string) {
  return db.rosterPullRequest.findUnique({
    where: { decisionId },
    select: { repo: true, number: true, url: true, state: true },
  });
}
