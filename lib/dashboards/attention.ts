import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { requirePermission } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/permissions";
import { checkInDueAt } from "@/lib/liaisons/overdue";
import { loadDashboards } from "./load";
import { DAY, SITTING_SEAT_STATUSES } from "@/lib/vocabulary";
import { staleAfterDaysOf, staleAt } from "@/lib/help-wanted/stale-claims";

/** One thing that needs someone today; lists are ordered most pressing first. */
export interface AttentionItem {
  key: string;
  label: string;
  href: string;
  /** When it is (or was) due, if it has a date. */
  dueAt?: Date | null;
}
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What a TAG's leads need to act on today, in this order: volunteers waiting for an answer,
 * stale claims, election exceptions to decide, liaison check-ins overdue, the board review,
 * self-reports to verify, terms ending within six months, changes awaiting the TOC.
 */
export async function leadAttention(actor: Actor | null, tagId: string): Promise<AttentionItem[]> {
  await requirePermission(actor, "dashboard.view", { subjectType: "Dashboard", subjectId: tagId, tagId });
  const at = await now();
  const [[d], requests, exceptions, selfReports, reports] = await Promise.all([
    loadDashboards([tagId], at),
    db.claim.count({ where: { status: "requested", item: { tags: { some: { tagId } } } } }),
    db.electionException.findMany({
      where: { status: "pending", election: { tagId } },
      orderBy: { createdAt: "asc" },
      select: { electionId: true },
    }),
    db.contributionRecord.count({ where: { tagId, source: "self_reported", verification: "pending" } }),
    db.textReport.count({ where: { tagId, resolvedAt: null } }),
  ]);
  if (!d) return [];
  const slug = d.tag.slug;
  const items: (AttentionItem | false)[] = [
    requests > 0 && {
      key: "requests",
      label: `${plural(requests, "volunteer request")} waiting for an answer`,
      href: `/manage/${slug}#requests`,
    },
    d.flow.stale > 0 && {
      key: "stale",
      label: `${plural(d.flow.stale, "stale claim")} (no update for ${d.tag.staleAfterDays} days): follow up`,
      href: `/manage/${slug}#held`,
    },
    reports > 0 && {
      key: "reports",
      label: `${plural(reports, "reported text")} to hide or keep`,
      href: `/manage/${slug}#reports`,
    },
    exceptions.length > 0 && {
      key: "exceptions",
      label: `${plural(exceptions.length, "election exception request")} to decide`,
      href: `/elections/${exceptions[0]!.electionId}`,
    },
    d.liaisonsOverdue.length > 0 && {
      key: "check-ins",
      label: `${plural(d.liaisonsOverdue.length, "liaison check-in")} overdue (${d.liaisonsOverdue.map((l) => `@${l.login}`).join(", ")})`,
      href: "/liaisons",
      dueAt: d.liaisonsOverdue[0]!.dueAt,
    },
    d.boardReviewOverdue && {
      key: "review",
      label: `The board review is overdue (every ${d.tag.boardReviewMonths} months)`,
      href: `/manage/${slug}#review`,
    },
    selfReports > 0 && {
      key: "self-reports",
      label: `${plural(selfReports, "self-reported contribution")} to verify`,
      href: "/contributions",
    },
    d.termsEnding.length > 0 && {
      key: "terms",
      label: `${plural(d.termsEnding.length, "term")} ending within 6 months (${d.termsEnding.map((t) => `@${t.login}`).join(", ")})`,
      href: `/tags/${slug}#terms`,
      dueAt: d.termsEnding[0]!.termEndAt,
    },
    d.pendingChanges.length > 0 && {
      key: "pending",
      label: `${plural(d.pendingChanges.length, "leadership change")} awaiting TOC approval`,
      href: `/tags/${slug}#leadership`,
    },
  ];
  return items.filter((i): i is AttentionItem => i !== false);
}

/**
 * What a signed-in person (an ambassador, typically) needs to do today, in this order:
 * invitations to answer, claims whose update is due (stale, or stale within three days),
 * liaison check-ins due within a week, then up to three new open items matching their skills.
 */
export async function personalAttention(userId: string): Promise<AttentionItem[]> {
  const at = await now();
  const [invited, held, liaisons, me] = await Promise.all([
    db.claim.findMany({
      where: { userId, status: "invited" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, item: { select: { id: true, title: true } } },
    }),
    db.claim.findMany({
      where: { userId, status: "accepted" },
      select: {
        lastActivityAt: true,
        item: { select: { id: true, title: true, tags: { select: { tag: { select: { staleAfterDays: true } } } } } },
      },
    }),
    db.liaison.findMany({
      where: { endedAt: null, assignment: { userId, status: { in: [...SITTING_SEAT_STATUSES] } } },
      select: {
        id: true,
        cadenceDays: true,
        lastCheckInAt: true,
        createdAt: true,
        foundation: true,
        project: { select: { displayName: true } },
        assignment: { select: { tag: { select: { name: true } } } },
      },
    }),
    db.user.findUnique({ where: { id: userId }, select: { skills: true } }),
  ]);
  const skills = me?.skills ?? [];
  const matches = skills.length
    ? await db.helpWantedItem.findMany({
        where: {
          status: "open",
          skills: { hasSome: skills },
          claims: { none: { userId } },
          hiddenBy: { none: { userId } },
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 3,
        select: { id: true, title: true },
      })
    : [];

  const updates = held
    .map((c) => {
      return { ...c, dueAt: staleAt(c, staleAfterDaysOf(c.item.tags.map((t) => t.tag))) };
    })
    .filter((c) => c.dueAt.getTime() - at.getTime() <= 3 * DAY)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const checkIns = liaisons
    .map((l) => ({ ...l, dueAt: checkInDueAt(l) }))
    .filter((l) => l.dueAt.getTime() - at.getTime() <= 7 * DAY)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());

  return [
    ...invited.map((c) => ({
      key: `invited-${c.item.id}`,
      label: `A lead invited you to “${c.item.title}”: accept or decline`,
      href: `/help-wanted/${c.item.id}`,
      dueAt: null,
    })),
    ...updates.map((c) => ({
      key: `update-${c.item.id}`,
      label: `${c.dueAt <= at ? "Update overdue" : "Update due"} on “${c.item.title}”: post your progress`,
      href: `/help-wanted/${c.item.id}`,
      dueAt: c.dueAt,
    })),
    ...checkIns.map((l) => ({
      key: `check-in-${l.id}`,
      label: `${l.dueAt <= at ? "Check-in overdue" : "Check-in due"} with ${l.project?.displayName ?? l.foundation ?? "your liaison"} (${l.assignment.tag.name})`,
      href: `/liaisons/${l.id}`,
      dueAt: l.dueAt,
    })),
    ...matches.map((m) => ({
      key: `match-${m.id}`,
      label: `New item matching your skills: “${m.title}”`,
      href: `/help-wanted/${m.id}`,
      dueAt: null,
    })),
  ];
}
