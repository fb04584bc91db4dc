import "server-only";
import { db } from "@/lib/db";
import type { TextKind } from "./schemas";

export interface LocatedText {
  /** The TAG whose leads review it; null for a bio (the admins). */
  tagId: string | null;
  /** The notification group of the leads' notice. */
  group: "help-wanted" | "election" | "profile";
  /** What the text belongs to, for the leads' list. */
  title: string;
  link: string;
  consoleLink: string;
  text: string;
}

const item = { select: { id: true, title: true, tags: { select: { tag: { select: { id: true, slug: true } } } } } };

/** Where a reportable text lives: its TAG, its page and its words (null when it does not exist). */
export async function locateText(kind: TextKind, id: string): Promise<LocatedText | null> {
  const onItem = (i: { id: string; title: string; tags: { tag: { id: string; slug: string } }[] }, text: string) => {
    const tag = i.tags[0]?.tag;
    return {
      tagId: tag?.id ?? null,
      group: "help-wanted" as const,
      title: i.title,
      link: `/help-wanted/${i.id}`,
      consoleLink: tag ? `/manage/${tag.slug}#reports` : "/admin",
      text,
    };
  };
  if (kind === "item") {
    const i = await db.helpWantedItem.findUnique({ where: { id }, select: { ...item.select, body: true } });
    return i && onItem(i, i.body);
  }
  if (kind === "update") {
    const u = await db.claimUpdate.findUnique({
      where: { id },
      select: { body: true, claim: { select: { item } } },
    });
    return u && onItem(u.claim.item, u.body);
  }
  if (kind === "statement") {
    const n = await db.nomination.findUnique({
      where: { id },
      select: {
        statement: true,
        election: { select: { id: true, title: true, tag: { select: { id: true, slug: true } } } },
      },
    });
    return (
      n && {
        tagId: n.election.tag.id,
        group: "election",
        title: n.election.title,
        link: `/elections/${n.election.id}`,
        consoleLink: `/manage/${n.election.tag.slug}#reports`,
        text: n.statement,
      }
    );
  }
  const u = await db.user.findUnique({ where: { id }, select: { login: true, bio: true } });
  return (
    u && {
      tagId: null,
      group: "profile",
      title: `@${u.login}`,
      link: `/people/${u.login}`,
      consoleLink: "/admin",
      text: u.bio,
    }
  );
}

/** The open reports a TAG's leads review (a TAG's id; null: the admins' bio reports), oldest first. */
export async function listOpenReports(tagId: string | null) {
  const reports = await db.textReport.findMany({
    where: { tagId, resolvedAt: null },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  const reporters = await db.user.findMany({
    where: { id: { in: reports.map((r) => r.reporterId) } },
    select: { id: true, login: true },
  });
  const loginOf = new Map(reporters.map((u) => [u.id, u.login]));
  return Promise.all(
    reports.map(async (r) => ({
      ...r,
      subjectType: r.subjectType as TextKind,
      reporter: loginOf.get(r.reporterId) ?? "someone",
      text: await locateText(r.subjectType as TextKind, r.subjectId),
    })),
  );
}

/** Hidden texts of one kind among `ids`: id → the reason shown in its place. */
export async function hiddenTexts(kind: TextKind, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.hiddenText.findMany({
    where: { subjectType: kind, subjectId: { in: [...ids] } },
    select: { subjectId: true, reason: true },
  });
  return new Map(rows.map((r) => [r.subjectId, r.reason]));
}

/** The texts hidden in a TAG (null: the admins' hidden bios), newest first, with where they are. */
export async function listHiddenTexts(tagId: string | null) {
  const rows = await db.hiddenText.findMany({ where: { tagId }, orderBy: { hiddenAt: "desc" }, take: 100 });
  return Promise.all(
    rows.map(async (r) => ({
      subjectType: r.subjectType as TextKind,
      subjectId: r.subjectId,
      reason: r.reason,
      hiddenAt: r.hiddenAt,
      text: await locateText(r.subjectType as TextKind, r.subjectId),
    })),
  );
}
